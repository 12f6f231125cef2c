import { ActionIcon, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchKey } from '../../../../shared/contract/io';

const ALL: MatchKey[] = ['number', 'email', 'nameBirthPostcode'];

interface Props {
  value: MatchKey[];
  onChange: (keys: MatchKey[]) => void;
}

/** Which keys find an existing relation, tried from top to bottom; the order can be changed. */
export function MatchKeyList({ value, onChange }: Props) {
  const { t } = useTranslation();
  const rows = [...value, ...ALL.filter((k) => !value.includes(k))];
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const j = i + by;
    const a = next[i];
    const b = next[j];
    if (a === undefined || b === undefined) return;
    next[i] = b;
    next[j] = a;
    onChange(next);
  };
  const toggle = (key: MatchKey, on: boolean) => onChange(on ? [...value, key] : value.filter((k) => k !== key));

  return (
    <Stack gap={4} data-testid="match-keys">
      <Text size="sm" fw={500}>
        {t('io.options.matchKeys')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('io.options.matchKeysHelp')}
      </Text>
      {rows.map((key) => {
        const i = value.indexOf(key);
        const on = i >= 0;
        return (
          <Group key={key} gap="xs" wrap="nowrap">
            <Text size="sm" w={20} c="dimmed" ta="right">
              {on ? `${i + 1}.` : ''}
            </Text>
            <Checkbox label={t(`io.options.matchKey.${key}`)} checked={on} onChange={(e) => toggle(key, e.currentTarget.checked)} />
            {on && (
              <Group gap={2} ml="auto">
                <ActionIcon variant="subtle" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('io.options.moveUp')}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="subtle" size="sm" disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={t('io.options.moveDown')}>
                  ↓
                </ActionIcon>
              </Group>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
