import { Checkbox, Group, MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../builder-context';
import type { EditorProps } from './editor-props';

/** A computed membership: of some types (empty: any), of a unit (empty: any), with its subunits. */
export function MembershipEditor({ value, onChange }: EditorProps<'membership'>) {
  const { t } = useTranslation();
  const { lookups } = useBuilder();
  return (
    <Group gap="xs" align="center">
      <MultiSelect
        size="sm"
        style={{ flex: 1, minWidth: 180 }}
        data={lookups.membershipTypes.map((m) => ({ value: m.code, label: m.name }))}
        value={value.typeCodes ?? []}
        onChange={(codes) => onChange({ ...value, typeCodes: codes.length ? codes : undefined })}
        aria-label={t('conditions.atom.membershipTypes')}
        placeholder={value.typeCodes?.length ? undefined : t('conditions.atom.anyMembershipType')}
      />
      <Select
        size="sm"
        style={{ flex: 1, minWidth: 180 }}
        data={lookups.units.map((u) => ({ value: u.id, label: u.name }))}
        value={value.unitId ?? null}
        onChange={(id) => onChange({ ...value, unitId: id ?? undefined })}
        clearable
        searchable
        aria-label={t('conditions.atom.unit')}
        placeholder={t('conditions.atom.anyUnit')}
      />
      <Checkbox
        size="xs"
        label={t('conditions.atom.includeSubunits')}
        checked={value.includeSubunits}
        onChange={(e) => onChange({ ...value, includeSubunits: e.currentTarget.checked })}
      />
    </Group>
  );
}
