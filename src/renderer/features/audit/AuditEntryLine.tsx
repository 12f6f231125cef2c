import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../../shared/contract';
import { columnLabel, formatValue, rowSentence, rowSummary, tableLabel, type AuditLookups } from './audit-format';

/** "Achternaam: Jansen → Janssen", or "Adres toegevoegd: Dorpsstraat 1, 1234 AB Ergens". */
interface Props {
  entry: AuditEntryDto;
  lookups: AuditLookups;
  /** The global History names whose record changed; a relation's own History need not. */
  withPerson?: boolean;
}

export function AuditEntryLine({ entry, lookups, withPerson = false }: Props) {
  const { t } = useTranslation();
  const table = tableLabel(t, entry.tableName);
  if (entry.action === 'update' && entry.field) {
    // "Adres Oudegracht 12 · Geldig t/m": which record, not just which kind of record.
    const person = withPerson ? (entry.relationId ? entry.names[entry.relationId] : undefined) : undefined;
    const prefix =
      entry.tableName === 'relations'
        ? person ? `${person} · ` : ''
        : `${table}${entry.recordLabel ? ` ${entry.recordLabel}` : ''} · `;
    return (
      <Group gap={6} wrap="wrap" data-testid="audit-change">
        <Text size="sm" fw={500}>
          {prefix}
          {columnLabel(t, entry.tableName, entry.field)}:
        </Text>
        <Text size="sm" c="dimmed" td="line-through">
          {formatValue(t, entry.field, entry.oldValue, lookups, entry.tableName, entry.names)}
        </Text>
        <Text size="sm" aria-hidden>
          →
        </Text>
        <Text size="sm">{formatValue(t, entry.field, entry.newValue, lookups, entry.tableName, entry.names)}</Text>
      </Group>
    );
  }
  const json = entry.action === 'insert' ? entry.newValue : entry.oldValue;
  const sentence = rowSentence(t, entry.tableName, json, lookups, { names: entry.names, withPerson, action: entry.action === 'delete' ? 'delete' : 'insert' });
  if (sentence) {
    return (
      <Text size="sm" data-testid="audit-change">
        {sentence}
      </Text>
    );
  }
  const verb = entry.action === 'insert' ? t('audit.entry.inserted', { table }) : t('audit.entry.deleted', { table });
  return (
    <Text size="sm" data-testid="audit-change">
      <Text span fw={500}>
        {verb}:
      </Text>{' '}
      {/* Tables the renderer has no summary for are named by the core's record label. */}
      {rowSummary(t, entry.tableName, json, lookups) || entry.recordLabel}
    </Text>
  );
}
