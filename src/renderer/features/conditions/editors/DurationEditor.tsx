import { useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fromDurationForm, toDurationForm, type DurationMode } from '../duration-form';
import { CountInput } from './CountInput';
import type { EditorProps } from './editor-props';

/**
 * "Nieuw in de laatste 180 dagen" / "Minstens 25 jaar"; the condition that must have held
 * without a break (e.g. relation type Lid) is nested below the row (NestedConditions).
 */
export function DurationEditor({ value, onChange }: EditorProps<'duration'>) {
  const { t } = useTranslation();
  const derived = toDurationForm(value);
  // The stored days do not say how they were typed: an empty amount or 365 "dagen" keeps the
  // mode the user chose instead of jumping to another reading of the same number.
  const [chosen, setChosen] = useState<DurationMode>(derived.mode);
  const form =
    derived.amount === undefined
      ? { mode: chosen, amount: undefined }
      : chosen === 'atLeastDays' && derived.mode === 'atLeastYears'
        ? { mode: chosen, amount: value.minDays }
        : derived;
  const set = (mode: DurationMode, amount: number | undefined) => {
    setChosen(mode);
    onChange({ ...value, ...fromDurationForm(mode, amount) });
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="sm"
        w={220}
        allowDeselect={false}
        value={form.mode}
        onChange={(m) => m && set(m as DurationMode, form.amount)}
        data={(['newDays', 'atLeastYears', 'atLeastDays'] as const).map((m) => ({ value: m, label: t(`conditions.duration.${m}`) }))}
        aria-label={t('conditions.duration.mode')}
        data-testid="atom-duration-mode"
      />
      <CountInput value={form.amount} onChange={(amount) => set(form.mode, amount)} label={t('conditions.duration.amount')} testId="atom-duration-amount" />
      <Text size="sm">{t(form.mode === 'atLeastYears' ? 'conditions.duration.years' : 'conditions.duration.days')}</Text>
    </Group>
  );
}
