import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import type { EditorProps } from './editor-props';

/** Born between two dates, both inclusive (the core compares birth_date ≤ to). */
export function BirthDateEditor({ value, onChange }: EditorProps<'birthDate'>) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <DateField
        size="sm"
        w={140}
        value={value.from ?? null}
        onChange={(from) => onChange({ ...value, from: from ?? undefined })}
        aria-label={t('conditions.atom.bornFrom')}
      />
      <Text size="sm">{t('conditions.atom.through')}</Text>
      <DateField
        size="sm"
        w={140}
        value={value.to ?? null}
        onChange={(to) => onChange({ ...value, to: to ?? undefined })}
        aria-label={t('conditions.atom.bornTo')}
      />
    </Group>
  );
}
