import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dataSignals, type DataSignal } from '../../../../shared/contract/conditions';
import type { EditorProps } from './editor-props';

export function DataSignalEditor({ value, onChange }: EditorProps<'dataSignal'>) {
  const { t } = useTranslation();
  return (
    <Select
      size="sm"
      aria-label={t('conditions.atom.signal')}
      value={value.signal}
      allowDeselect={false}
      onChange={(v) => v && onChange({ ...value, signal: v as DataSignal })}
      data={dataSignals.map((s) => ({ value: s, label: t(`memberships.atom.signal.${s}`) }))}
    />
  );
}
