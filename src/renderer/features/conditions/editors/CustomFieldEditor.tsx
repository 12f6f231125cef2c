import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDto, CustomFieldOp } from '../../../../shared/contract';
import { useBuilder } from '../builder-context';
import { CustomFieldValueInput } from './CustomFieldValueInput';
import type { EditorProps } from './editor-props';

const OPS: Record<CustomFieldDto['dataType'], CustomFieldOp[]> = {
  text: ['eq', 'neq', 'contains', 'empty', 'notEmpty'],
  choice: ['eq', 'neq', 'empty', 'notEmpty'],
  boolean: ['eq', 'empty', 'notEmpty'],
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'empty', 'notEmpty'],
  date: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'empty', 'notEmpty'],
};

/** "Vrij veld Kleur is rood", "Lid sinds vóór 1-1-2000", "Opmerking is leeg". */
export function CustomFieldEditor({ value, onChange }: EditorProps<'customField'>) {
  const { t } = useTranslation();
  const { lookups } = useBuilder();
  const field = lookups.customFields.find((f) => f.code === value.code);
  const ops = OPS[field?.dataType ?? 'text'];
  const opLabel = (op: CustomFieldOp) => t(field?.dataType === 'date' && ['lt', 'lte', 'gt', 'gte'].includes(op) ? `conditions.op.date.${op}` : `conditions.op.${op}`);
  const needsValue = value.op !== 'empty' && value.op !== 'notEmpty';
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Select
        size="sm"
        w={200}
        data={lookups.customFields.map((f) => ({ value: f.code, label: f.label }))}
        value={value.code || null}
        onChange={(code) => onChange({ type: 'customField', code: code ?? '', op: 'eq', value: '' })}
        searchable
        aria-label={t('conditions.atom.customField')}
        placeholder={t('conditions.atom.customField')}
        data-testid="atom-custom-field"
      />
      <Select
        size="sm"
        w={160}
        allowDeselect={false}
        data={ops.map((op) => ({ value: op, label: opLabel(op) }))}
        value={ops.includes(value.op) ? value.op : 'eq'}
        onChange={(op) => op && onChange({ ...value, op: op as CustomFieldOp })}
        aria-label={t('conditions.atom.operator')}
      />
      {needsValue && field && <CustomFieldValueInput field={field} value={value.value ?? ''} onChange={(v) => onChange({ ...value, value: v })} />}
    </Group>
  );
}
