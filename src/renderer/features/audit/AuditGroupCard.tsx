import type { ReactNode } from 'react';
import { Alert, Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditOperationDto } from '../../../shared/contract';
import { showDateTime } from '../../lib/dates';
import { operationLabel, type AuditLookups } from './audit-format';
import { AuditEntryLine } from './AuditEntryLine';
import { CHANGES_PAGE, useOperationChanges } from './useOperationChanges';

interface Props {
  operation: AuditOperationDto;
  lookups: AuditLookups;
  /** Which changes belong here: one relation's, one kind of record's (the filters). */
  scope: { relationId?: string; table?: string };
  /** Extra content in the header (the global log links to the relation). */
  extra?: ReactNode;
  /** Below the changes (the global log puts undo there). */
  footer?: ReactNode;
}

/** One operation: when, who, what — and every change it made, page after page. */
export function AuditGroupCard({ operation, lookups, scope, extra, footer }: Props) {
  const { t } = useTranslation();
  const changes = useOperationChanges(operation, scope);
  const withPerson = !scope.relationId;
  return (
    <Paper withBorder p="sm" data-testid="audit-operation" data-kind={operation.kind}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap="xs">
          <Text fw={600}>{operationLabel(t, operation.kind)}</Text>
          <Text size="sm" c="dimmed" data-testid="audit-change-count">
            {t('audit.group.changes', { count: operation.changes })}
          </Text>
          {extra}
        </Group>
        <Text size="xs" c="dimmed">
          {t('audit.group.when', { when: showDateTime(operation.at), who: operation.actor })}
        </Text>
      </Group>
      <Stack gap={2}>
        {changes.entries.map((e) => (
          <AuditEntryLine key={e.id} entry={e} lookups={lookups} withPerson={withPerson} />
        ))}
        {changes.failed && <Alert color="red">{t('audit.group.loadFailed')}</Alert>}
        {changes.remaining > 0 && (
          <Group gap="sm">
            <Anchor component="button" size="sm" w="fit-content" onClick={changes.more} disabled={changes.loading} data-testid="audit-show-more">
              {t('audit.group.showMore', { count: Math.min(CHANGES_PAGE, changes.remaining) })}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('audit.group.shownOf', { shown: changes.entries.length, total: operation.changes })}
            </Text>
          </Group>
        )}
      </Stack>
      {footer && <Box mt="xs">{footer}</Box>}
    </Paper>
  );
}
