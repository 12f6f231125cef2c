import { Group, NumberInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { numberOrUndefined, type EditorProps } from './editor-props';

/** "Leeftijd tussen 18 en 67 jaar" (both inclusive); one bound may stay empty. */
export function AgeEditor({ value, onChange }: EditorProps<'age'>) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <NumberInput
        size="sm"
        w={90}
        min={0}
        max={150}
        allowDecimal={false}
        value={value.min ?? ''}
        onChange={(v) => onChange({ ...value, min: numberOrUndefined(v) })}
        aria-label={t('conditions.atom.ageMin')}
        placeholder={t('conditions.atom.ageMinPlaceholder')}
        data-testid="atom-age-min"
      />
      <Text size="sm">{t('conditions.atom.and')}</Text>
      <NumberInput
        size="sm"
        w={90}
        min={0}
        max={150}
        allowDecimal={false}
        value={value.max ?? ''}
        onChange={(v) => onChange({ ...value, max: numberOrUndefined(v) })}
        aria-label={t('conditions.atom.ageMax')}
        placeholder={t('conditions.atom.ageMaxPlaceholder')}
        data-testid="atom-age-max"
      />
      <Text size="sm">{t('conditions.atom.years')}</Text>
    </Group>
  );
}
