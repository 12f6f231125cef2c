import { useEffect, useState } from 'react';
import { Button, Group, Loader, MultiSelect, NumberInput, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayIsoLocal } from '../../lib/dates';
import { RpcError } from '../../rpc/client';
import { useQuery } from '../../rpc/useQuery';
import { downloadFile } from '../io/common/file-bytes';
import { ListActions } from '../lists/ListActions';
import { PARAMS, REPORTS, reportRelationIds, requestReport, type ReportKey, type ReportParams, type ReportResult } from './report-requests';
import { ReportTableView } from './ReportTableView';
import classes from './ReportsPage.module.css';

const JUBILEE_YEARS = [10, 25, 40, 50, 60];

function initialParams(today: string): ReportParams {
  return { from: `${today.slice(0, 4)}-01-01`, through: today, year: Number(today.slice(0, 4)), on: today, typeCode: null, years: [], groupBy: 'year' };
}

/**
 * Every report on one screen: choose it and its period or date, see it as it will print, and
 * take it as Excel or PDF. The lines of a report about people are a list to act on.
 */
export function ReportsPage({ report: initial }: { report?: ReportKey | undefined }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<ReportKey>(initial ?? 'membersPerUnit');
  const [params, setParams] = useState<ReportParams>(() => initialParams(todayIsoLocal()));
  const [result, setResult] = useState<ReportResult | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState<false | 'table' | 'xlsx' | 'pdf'>(false);
  const types = useQuery('membershipTypes.list', {}, { refreshOn: ['memberships.changed'] });
  const set = (patch: Partial<ReportParams>) => setParams((p) => ({ ...p, ...patch }));
  const uses = (p: (typeof PARAMS)[ReportKey][number]) => PARAMS[key].includes(p);
  const valid = !uses('period') || params.from <= params.through;
  const request = JSON.stringify({ key, params });

  // The table follows the choices; a stale answer is dropped.
  useEffect(() => {
    if (!valid) return;
    let current = true;
    setBusy('table');
    setError(null);
    requestReport(key, params, 'table').then(
      (r) => current && (setResult(r), setBusy(false)),
      (e: unknown) => current && (setError(e instanceof RpcError ? e : null), setResult(null), setBusy(false)),
    );
    return () => {
      current = false;
    };
    // `request` stands for key and params.
  }, [request, valid]);

  const download = (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    requestReport(key, params, format).then(
      (r) => {
        if (r.file) downloadFile(r.file);
        setBusy(false);
      },
      (e: unknown) => {
        setError(e instanceof RpcError ? e : null);
        setBusy(false);
      },
    );
  };
  const ids = result ? reportRelationIds(result) : [];

  return (
    <Stack gap="md" data-testid="reports-page">
      <Title order={2}>{t('reports.title')}</Title>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <SegmentedControl
            value={key}
            onChange={(v) => setKey(v as ReportKey)}
            data={REPORTS.map((r) => ({ value: r, label: t(`reports.name.${r}`) }))}
            data-testid="report-choice"
            fullWidth
          />
          <Group align="flex-end" gap="sm">
            {uses('period') && (
              <>
                <DateField label={t('reports.from')} value={params.from} onChange={(v) => v && set({ from: v })} w={150} data-testid="report-from" />
                <DateField label={t('reports.through')} value={params.through} onChange={(v) => v && set({ through: v })} w={150} data-testid="report-through" />
              </>
            )}
            {uses('year') && <NumberInput label={t('reports.year')} value={params.year} min={1900} max={2200} onChange={(v) => typeof v === 'number' && set({ year: v })} w={110} />}
            {uses('on') && <DateField label={t('reports.on')} value={params.on} onChange={(v) => v && set({ on: v })} w={150} data-testid="report-on" />}
            {uses('type') && (
              <Select
                label={t('reports.type')}
                placeholder={t('reports.allTypes')}
                clearable
                value={params.typeCode}
                onChange={(v) => set({ typeCode: v })}
                data={(types.data?.rows ?? []).map((m) => ({ value: m.code, label: m.name }))}
                w={200}
              />
            )}
            {uses('years') && (
              <MultiSelect
                label={t('reports.years')}
                placeholder={t('reports.allYears', { years: JUBILEE_YEARS.join(', ') })}
                value={params.years.map(String)}
                onChange={(v) => set({ years: v.map(Number).sort((a, b) => a - b) })}
                data={JUBILEE_YEARS.map(String)}
                w={260}
              />
            )}
            {uses('groupBy') && (
              <SegmentedControl
                value={params.groupBy}
                onChange={(v) => set({ groupBy: v as ReportParams['groupBy'] })}
                data={(['year', 'run', 'type'] as const).map((g) => ({ value: g, label: t(`reports.groupBy.${g}`) }))}
                data-testid="report-group-by"
              />
            )}
            {busy === 'table' && <Loader size="xs" mb={8} />}
          </Group>
          <Group gap="xs">
            <Button size="xs" variant="light" disabled={!valid || !result} loading={busy === 'xlsx'} onClick={() => download('xlsx')} data-testid="report-xlsx">
              {t('reports.xlsx')}
            </Button>
            <Button size="xs" variant="light" disabled={!valid || !result} loading={busy === 'pdf'} onClick={() => download('pdf')} data-testid="report-pdf">
              {t('reports.pdf')}
            </Button>
            <Button size="xs" variant="default" disabled={!result} onClick={() => window.print()}>
              {t('reports.print')}
            </Button>
            {ids.length > 0 && <ListActions count={ids.length} scope="all" source={() => Promise.resolve({ kind: 'relations', ids })} />}
          </Group>
        </Stack>
      </Paper>
      {!valid && (
        <Text c="red" size="sm" data-testid="report-period-invalid">
          {t('reports.periodInvalid')}
        </Text>
      )}
      <ErrorAlert error={error} />
      {result && (
        <div className={classes.printArea}>
          <ReportTableView report={result} />
        </div>
      )}
    </Stack>
  );
}
