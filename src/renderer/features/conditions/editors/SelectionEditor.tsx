import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../builder-context';
import type { EditorProps } from './editor-props';

export function SelectionEditor({ value, onChange }: EditorProps<'selection'>) {
  const { t } = useTranslation();
  const { lookups, selfRef } = useBuilder();
  const rows = lookups.selections.filter((s) => !(selfRef?.kind === 'selection' && selfRef.id === s.id));
  return (
    <Select
      size="sm"
      data={rows.map((s) => ({ value: s.id, label: s.name }))}
      value={value.selectionId || null}
      onChange={(id) => onChange({ ...value, selectionId: id ?? '' })}
      searchable
      aria-label={t('conditions.atom.selection')}
      placeholder={t('conditions.atom.selection')}
      data-testid="atom-selection"
    />
  );
}
