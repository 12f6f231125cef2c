import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExportColumnDto } from '../../../../shared/contract/io';

interface Props {
  available: ExportColumnDto[];
  chosen: string[];
  onChange: (columns: string[]) => void;
}

/** Available columns on the left (+ adds), the chosen ones in file order on the right (↑ ↓ ×). */
export function ColumnChooser({ available, chosen, onChange }: Props) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const byKey = new Map(available.map((c) => [c.key, c]));
  const q = filter.trim().toLowerCase();
  const rest = available.filter((c) => !chosen.includes(c.key) && (!q || c.label.toLowerCase().includes(q) || c.key.includes(q)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...chosen];
    const a = next[i];
    const b = next[i + by];
    if (a === undefined || b === undefined) return;
    next[i] = b;
    next[i + by] = a;
    onChange(next);
  };

  return (
    <SimpleGrid cols={2} spacing="md" data-testid="column-chooser">
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('io.export.available')}
          </Text>
          <TextInput size="xs" placeholder={t('io.export.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} aria-label={t('io.export.filter')} />
          <ScrollArea h={320}>
            <Stack gap={2}>
              {rest.map((c) => (
                <Group key={c.key} justify="space-between" wrap="nowrap" data-testid="column-available" data-key={c.key}>
                  <Text size="sm">{c.label}</Text>
                  <Button size="compact-xs" variant="light" onClick={() => onChange([...chosen, c.key])} aria-label={t('io.export.addColumn', { label: c.label })}>
                    {t('io.export.add')}
                  </Button>
                </Group>
              ))}
            </Stack>
          </ScrollArea>
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('io.export.chosen', { count: chosen.length })}
            </Text>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange([])} disabled={chosen.length === 0}>
              {t('io.export.clear')}
            </Button>
          </Group>
          <ScrollArea h={352}>
            <Stack gap={2}>
              {chosen.map((key, i) => (
                <Group key={key} justify="space-between" wrap="nowrap" data-testid="column-chosen" data-key={key}>
                  <Text size="sm">
                    {i + 1}. {byKey.get(key)?.label ?? key}
                  </Text>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('io.export.moveUp')}>
                      ↑
                    </ActionIcon>
                    <ActionIcon variant="subtle" size="sm" disabled={i === chosen.length - 1} onClick={() => move(i, 1)} aria-label={t('io.export.moveDown')}>
                      ↓
                    </ActionIcon>
                    <ActionIcon variant="subtle" size="sm" color="red" onClick={() => onChange(chosen.filter((k) => k !== key))} aria-label={t('io.export.removeColumn')}>
                      ×
                    </ActionIcon>
                  </Group>
                </Group>
              ))}
            </Stack>
          </ScrollArea>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
