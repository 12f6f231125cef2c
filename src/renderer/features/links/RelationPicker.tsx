import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationSummary } from '../../../shared/contract';
import { useRelationSearch } from '../search/useRelationSearch';

interface Props {
  label: string;
  value: RelationSummary | null;
  onChange: (relation: RelationSummary | null) => void;
  excludeId?: string;
  error?: string | undefined;
}

/** Find the other relation of a link by typing any part of its name, number, city or e-mail. */
export function RelationPicker({ label, value, onChange, excludeId, error }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const { rows } = useRelationSearch(query, 8);
  if (value) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Group justify="space-between">
          <Text data-testid="picked-relation">
            {value.displayName} ({t('relations.common.numberShort', { number: value.number })})
          </Text>
          <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
            {t('links.picker.change')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput
        label={label}
        placeholder={t('links.picker.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        error={error}
        data-field="otherRelation"
      />
      {rows
        .filter((r) => r.id !== excludeId)
        .map((r) => (
          <Paper
            key={r.id}
            withBorder
            px="sm"
            py={4}
            component="button"
            type="button"
            onClick={() => onChange(r)}
            style={{ cursor: 'pointer', textAlign: 'left' }}
            data-testid="picker-result"
          >
            <Text size="sm">
              {r.displayName} · {t('relations.common.numberShort', { number: r.number })}
              {r.city ? ` · ${r.city}` : ''}
            </Text>
          </Paper>
        ))}
    </Stack>
  );
}
