import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../builder-context';
import type { EditorProps } from './editor-props';

export function RelationTypeEditor({ value, onChange }: EditorProps<'relationType'>) {
  const { t } = useTranslation();
  const { lookups } = useBuilder();
  const data = lookups.relationTypes.map((r) => ({ value: r.code, label: r.name }));
  // A code that no longer exists stays visible (and removable) instead of vanishing silently.
  for (const code of value.codes) if (!data.some((d) => d.value === code)) data.push({ value: code, label: code });
  return (
    <MultiSelect
      size="sm"
      data={data}
      value={value.codes}
      onChange={(codes) => onChange({ ...value, codes })}
      placeholder={value.codes.length ? undefined : t('conditions.atom.relationTypes')}
      aria-label={t('conditions.atom.relationTypes')}
      searchable
      data-testid="atom-relation-types"
    />
  );
}
