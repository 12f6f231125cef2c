import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupDto, GroupType } from '../../../shared/contract';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { GROUP_TYPES } from './group-types';
import { groupPath, selfAndDescendants } from './group-tree';
import { useGroupMutations } from './useGroups';

interface Props {
  groups: GroupDto[];
  /** null: a new group (under parentId). */
  group: GroupDto | null;
  parentId?: string | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}

/** Create, rename, retype or move a group (its condition is edited on the Regel tab). */
export function GroupFormModal({ groups, group, parentId = null, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const m = useGroupMutations();
  const [name, setName] = useState(group?.name ?? '');
  const [type, setType] = useState<GroupType>(group?.type ?? (parentId ? 'committee' : 'board'));
  const [parent, setParent] = useState<string | null>(group ? group.parentId : parentId);
  const [description, setDescription] = useState(group?.description ?? '');
  const blocked = group ? selfAndDescendants(groups, group.id) : new Set<string>();
  const parents = groups.filter((g) => !blocked.has(g.id)).map((g) => ({ value: g.id, label: groupPath(groups, g.id) }));
  const busy = m.create.busy || m.update.busy;

  const save = async () => {
    const fields = { name, type, parentId: parent, description, condition: group?.condition ?? null };
    const r = group ? await m.update.run({ id: group.id, group: fields }) : await m.create.run(fields);
    if (r.ok) onSaved(r.value.id);
  };

  return (
    <Modal opened onClose={onClose} title={group ? t('groups.form.editTitle') : parentId ? t('groups.form.subgroupTitle') : t('groups.form.newTitle')} centered>
      <Stack>
        <FeatureErrorAlert error={m.create.error ?? m.update.error} />
        <TextInput label={t('groups.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-field="name" />
        <Select
          label={t('groups.form.type')}
          data={GROUP_TYPES.map((v) => ({ value: v, label: t(`groups.type.${v}`) }))}
          value={type}
          allowDeselect={false}
          onChange={(v) => v && setType(v as GroupType)}
          data-field="type"
        />
        <Select
          label={t('groups.form.parent')}
          placeholder={t('groups.form.noParent')}
          data={parents}
          value={parent}
          onChange={setParent}
          clearable
          searchable
          data-field="parent"
        />
        <Textarea label={t('groups.form.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={!name.trim()} loading={busy} data-testid="save-group">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
