import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDto } from '../../../../shared/contract';
import { DateField } from '../../../components/DateField';

interface Props {
  field: CustomFieldDto;
  /** As stored: text, 'true'/'false', numbers with a dot, dates ISO. */
  value: string;
  onChange: (value: string) => void;
}

/** The value to compare with, in the input that fits the field's type. */
export function CustomFieldValueInput({ field, value, onChange }: Props) {
  const { t } = useTranslation();
  const common = { size: 'sm' as const, style: { flex: 1, minWidth: 0 }, 'aria-label': t('conditions.atom.value') };
  switch (field.dataType) {
    case 'boolean':
      return (
        <Select
          {...common}
          allowDeselect={false}
          value={value || null}
          onChange={(v) => onChange(v ?? '')}
          data={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      );
    case 'choice':
      return <Select {...common} value={value || null} onChange={(v) => onChange(v ?? '')} data={field.options} />;
    case 'date':
      return <DateField {...common} value={value || null} onChange={(iso) => onChange(iso ?? '')} />;
    case 'number':
      return <TextInput {...common} inputMode="decimal" value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
    default:
      return <TextInput {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
