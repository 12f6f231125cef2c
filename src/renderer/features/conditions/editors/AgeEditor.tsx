import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountInput } from './CountInput';
import type { EditorProps } from './editor-props';

/** "Leeftijd tussen 18 en 67 jaar" (both inclusive); one bound may stay empty. */
export function AgeEditor({ value, onChange }: EditorProps<'age'>) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <CountInput max={150} value={value.min} onChange={(min) => onChange({ ...value, min })} label={t('conditions.atom.ageMin')} placeholder={t('conditions.atom.ageMinPlaceholder')} testId="atom-age-min" />
      <Text size="sm">{t('conditions.atom.and')}</Text>
      <CountInput max={150} value={value.max} onChange={(max) => onChange({ ...value, max })} label={t('conditions.atom.ageMax')} placeholder={t('conditions.atom.ageMaxPlaceholder')} testId="atom-age-max" />
      <Text size="sm">{t('conditions.atom.years')}</Text>
    </Group>
  );
}
