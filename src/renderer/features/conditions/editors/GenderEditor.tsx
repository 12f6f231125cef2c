import { Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditorProps } from './editor-props';

const VALUES = ['m', 'v', 'x', 'unknown'] as const;
type GenderValue = (typeof VALUES)[number];

export function GenderEditor({ value, onChange }: EditorProps<'gender'>) {
  const { t } = useTranslation();
  return (
    <Chip.Group
      multiple
      value={value.values}
      onChange={(v) => onChange({ ...value, values: VALUES.filter((g): g is GenderValue => v.includes(g)) })}
    >
      <Group gap="xs" mt={6}>
        {VALUES.map((g) => (
          <Chip key={g} value={g} size="xs">
            {t(`conditions.gender.${g}`)}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
