import { Group, MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../builder-context';
import type { EditorProps } from './editor-props';

/** Member of a group, optionally only in certain roles ("voorzitter of secretaris"). */
export function GroupMemberEditor({ value, onChange }: EditorProps<'groupMember'>) {
  const { t } = useTranslation();
  const { lookups, selfRef } = useBuilder();
  const groups = lookups.groups.filter((g) => !(selfRef?.kind === 'group' && selfRef.id === g.id));
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Select
        size="sm"
        style={{ flex: 1, minWidth: 0 }}
        data={groups.map((g) => ({ value: g.id, label: g.name }))}
        value={value.groupId || null}
        onChange={(id) => onChange({ ...value, groupId: id ?? '' })}
        searchable
        aria-label={t('conditions.atom.group')}
        placeholder={t('conditions.atom.group')}
        data-testid="atom-group"
      />
      <MultiSelect
        size="sm"
        style={{ flex: 1, minWidth: 0 }}
        data={lookups.groupRoles.map((r) => ({ value: r.code, label: r.name }))}
        value={value.roleCodes ?? []}
        onChange={(codes) => onChange({ ...value, roleCodes: codes.length ? codes : undefined })}
        aria-label={t('conditions.atom.roles')}
        placeholder={value.roleCodes?.length ? undefined : t('conditions.atom.anyRole')}
      />
    </Group>
  );
}
