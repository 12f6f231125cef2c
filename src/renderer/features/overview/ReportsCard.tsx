import { useState } from 'react';
import { Anchor, Button, Card, Group, Text } from '@mantine/core';
import { useNavigation } from '../../shell/navigation';
import { useTranslation } from 'react-i18next';
import { call, RpcError } from '../../rpc/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadFile } from '../io/common/file-bytes';

/** The reports on the overview's date: this year so far, and ages on 1 January for the federation. */
export function ReportsCard({ on }: { on: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const [error, setError] = useState<RpcError | null>(null);
  const year = Number(on.slice(0, 4));
  const next = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const get = (work: () => Promise<{ file: Parameters<typeof downloadFile>[0] | null }>) =>
    void work().then(
      (r) => r.file && downloadFile(r.file),
      (e: unknown) => setError(e instanceof RpcError ? e : null),
    );
  const row = (label: string, key: string, run: (format: 'xlsx' | 'pdf') => Promise<{ file: Parameters<typeof downloadFile>[0] | null }>) => (
    <Group justify="space-between" key={key}>
      <Text size="sm">{label}</Text>
      <Group gap={4}>
        {(['xlsx', 'pdf'] as const).map((f) => (
          <Button key={f} size="compact-xs" variant="light" onClick={() => get(() => run(f))} data-testid={`report-${key}-${f}`}>
            {t(`overview.reports.${f}`)}
          </Button>
        ))}
      </Group>
    </Group>
  );
  return (
    <Card withBorder padding="sm" data-testid="overview-reports">
      <Text fw={600} size="sm" mb={4}>
        {t('overview.reports.title')}
      </Text>
      {row(t('overview.reports.membersPerUnit', { year: String(year) }), 'members', (format) => call('reports.membersPerUnit', { from: `${year}-01-01`, to: next(on), format }))}
      {row(t('overview.reports.ageCategories', { year: String(year) }), 'ages', (format) => call('reports.ageCategories', { year, format }))}
      <Anchor component="button" size="sm" mt={4} onClick={() => navigate({ page: 'reports' })} data-testid="reports-all">
        {t('overview.reports.all')}
      </Anchor>
      <ErrorAlert error={error} />
    </Card>
  );
}
