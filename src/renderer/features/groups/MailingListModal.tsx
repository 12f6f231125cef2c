import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupDto } from '../../../shared/contract';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { useSelectionList } from '../selections/useSelections';
import { groupPath } from './group-tree';
import { useGroupMutations } from './useGroups';

interface Props {
  groups: GroupDto[];
  onClose: () => void;
  onSaved: (id: string) => void;
}

/** "Nieuwe verzendlijst": a mailing_list group whose rule is a saved selection; additions and exclusions come later. */
export function MailingListModal({ groups, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const selections = useSelectionList();
  const { create } = useGroupMutations();
  const [name, setName] = useState('');
  const [selectionId, setSelectionId] = useState<string | null>(null);
  const [parent, setParent] = useState<string | null>(null);
  const rows = selections.data?.rows ?? [];

  const save = async () => {
    const r = await create.run({
      name,
      type: 'mailing_list',
      parentId: parent,
      description: null,
      condition: selectionId ? { type: 'selection', selectionId } : null,
    });
    if (r.ok) onSaved(r.value.id);
  };

  return (
    <Modal opened onClose={onClose} title={t('groups.mailingList.title')} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('groups.mailingList.explain')}
        </Text>
        <FeatureErrorAlert error={create.error} />
        <TextInput label={t('groups.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-field="name" />
        <Select
          label={t('groups.mailingList.selection')}
          placeholder={rows.length ? t('groups.mailingList.selectionPlaceholder') : t('groups.mailingList.noSelections')}
          data={rows.map((s) => ({ value: s.id, label: s.name }))}
          value={selectionId}
          onChange={setSelectionId}
          searchable
          clearable
          data-field="selection"
        />
        <Select
          label={t('groups.form.parent')}
          placeholder={t('groups.form.noParent')}
          data={groups.map((g) => ({ value: g.id, label: groupPath(groups, g.id) }))}
          value={parent}
          onChange={setParent}
          clearable
          searchable
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={!name.trim()} loading={create.busy} data-testid="save-mailing-list">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
