import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { operationLabel, tableLabel } from './audit-format';
import { useAuditFacets, type AuditFilter } from './useAuditOperations';

interface Props {
  value: AuditFilter;
  onChange: (f: AuditFilter) => void;
  /** A relation's own History has no "who" or record filter worth offering. */
  compact?: boolean;
}

/** Date range (inclusive), kind of operation, kind of record, who. */
export function HistoryFilters({ value, onChange, compact = false }: Props) {
  const { t } = useTranslation();
  const facets = useAuditFacets();
  const set = (patch: Partial<AuditFilter>) => {
    const next: AuditFilter = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof AuditFilter)[]) if (next[k] === undefined || next[k] === null) delete next[k];
    onChange(next);
  };
  const sorted = (items: { value: string; label: string }[]) => items.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const kinds = sorted((facets.data?.kinds ?? []).map((k) => ({ value: k, label: operationLabel(t, k) })));
  const tables = sorted((facets.data?.tables ?? []).map((k) => ({ value: k, label: tableLabel(t, k) })));
  const actors = (facets.data?.actors ?? []).map((a) => ({ value: a, label: a }));
  const active = Object.keys(value).some((k) => k !== 'relationId');
  return (
    <Group gap="sm" align="flex-end" data-testid="history-filters">
      <DateField label={t('audit.filter.from')} value={value.from ?? null} onChange={(d) => set({ from: d ?? undefined })} w={130} />
      <DateField label={t('audit.filter.to')} value={value.to ?? null} onChange={(d) => set({ to: d ?? undefined })} w={130} />
      <Select label={t('audit.filter.kind')} placeholder={t('audit.filter.any')} data={kinds} value={value.kind ?? null} onChange={(k) => set({ kind: k ?? undefined })} clearable searchable w={240} />
      <Select label={t('audit.filter.table')} placeholder={t('audit.filter.any')} data={tables} value={value.table ?? null} onChange={(k) => set({ table: k ?? undefined })} clearable w={200} />
      {!compact && <Select label={t('audit.filter.actor')} placeholder={t('audit.filter.any')} data={actors} value={value.actor ?? null} onChange={(k) => set({ actor: k ?? undefined })} clearable w={160} />}
      {active && (
        <Button variant="subtle" onClick={() => onChange(value.relationId ? { relationId: value.relationId } : {})}>
          {t('audit.filter.clear')}
        </Button>
      )}
    </Group>
  );
}
