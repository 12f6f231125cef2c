import { Group, MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../builder-context';
import type { EditorProps } from './editor-props';

/**
 * "Bestuurder van een organisatie die Lid is": the link types and which side this relation
 * is on. The condition on the other relation is nested below the row (NestedConditions).
 */
export function LinkEditor({ value, onChange }: EditorProps<'link'>) {
  const { t } = useTranslation();
  const { lookups } = useBuilder();
  const chosen = lookups.linkTypes.filter((lt) => value.linkTypeCodes.includes(lt.code));
  const only = chosen.length === 1 ? chosen[0] : undefined;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <MultiSelect
        size="sm"
        style={{ flex: 1, minWidth: 0 }}
        data={lookups.linkTypes.map((lt) => ({ value: lt.code, label: lt.symmetric ? lt.name : `${lt.name} / ${lt.reverseName}` }))}
        value={value.linkTypeCodes}
        onChange={(linkTypeCodes) => onChange({ ...value, linkTypeCodes })}
        aria-label={t('conditions.atom.linkTypes')}
        placeholder={value.linkTypeCodes.length ? undefined : t('conditions.atom.linkTypes')}
        data-testid="atom-link-types"
      />
      <Select
        size="sm"
        w={210}
        miw={210}
        allowDeselect={false}
        value={value.direction}
        onChange={(v) => onChange({ ...value, direction: v === 'to' ? 'to' : v === 'either' ? 'either' : 'from' })}
        data={[
          { value: 'from', label: only ? t('conditions.atom.directionFromNamed', { name: only.name }) : t('conditions.atom.directionFrom') },
          { value: 'to', label: only ? t('conditions.atom.directionToNamed', { name: only.reverseName }) : t('conditions.atom.directionTo') },
          { value: 'either', label: t('conditions.atom.directionEither') },
        ]}
        aria-label={t('conditions.atom.direction')}
        data-testid="atom-link-direction"
      />
    </Group>
  );
}
