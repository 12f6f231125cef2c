import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDto } from '../../../shared/contract';

interface Props {
  field: CustomFieldDto;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** One custom field, its input chosen by type. Values are text as stored; dates typed the Dutch way. */
export function CustomValueInput({ field, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const common = { label: field.label, error, 'data-field': `custom-${field.code}` };
  switch (field.dataType) {
    case 'boolean':
      return (
        <Select
          {...common}
          clearable
          value={value || null}
          onChange={(v) => onChange(v ?? '')}
          data={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      );
    case 'choice':
      return <Select {...common} clearable value={value || null} onChange={(v) => onChange(v ?? '')} data={field.options} />;
    case 'date':
      return <TextInput {...common} placeholder={t('common.datePlaceholder')} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return <TextInput {...common} inputMode="decimal" value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
    default:
      return <TextInput {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
