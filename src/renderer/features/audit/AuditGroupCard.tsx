import { useState, type ReactNode } from 'react';
import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDateTime } from '../../lib/dates';
import { operationLabel, type AuditGroup, type AuditLookups } from './audit-format';
import { AuditEntryLine } from './AuditEntryLine';

interface Props {
  group: AuditGroup;
  lookups: AuditLookups;
  /** Extra content in the header (the global log links to the relation). */
  extra?: ReactNode;
  /** Below the changes (the global log puts undo there). */
  footer?: ReactNode;
}

/** A bulk operation (an import, demo data) can touch thousands of rows: show the first ones. */
const FOLDED = 12;

/** One operation: when, who, what — and every field it changed. */
export function AuditGroupCard({ group, lookups, extra, footer }: Props) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? group.entries : group.entries.slice(0, FOLDED);
  return (
    <Paper withBorder p="sm" data-testid="audit-operation" data-kind={group.operationKind}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap="xs">
          <Text fw={600}>{operationLabel(t, group.operationKind)}</Text>
          {extra}
        </Group>
        <Text size="xs" c="dimmed">
          {t('audit.group.when', { when: showDateTime(group.at), who: group.actor })}
        </Text>
      </Group>
      <Stack gap={2}>
        {shown.map((e) => (
          <AuditEntryLine key={e.id} entry={e} lookups={lookups} />
        ))}
        {shown.length < group.entries.length && (
          <Anchor component="button" size="sm" w="fit-content" onClick={() => setAll(true)}>
            {t('audit.group.showAll', { count: group.entries.length - shown.length })}
          </Anchor>
        )}
      </Stack>
      {footer && <Box mt="xs">{footer}</Box>}
    </Paper>
  );
}
