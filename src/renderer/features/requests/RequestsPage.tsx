import { useState } from 'react';
import { Alert, Badge, FileInput, Grid, Group, SegmentedControl, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { useMutation, useQuery } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showDate } from '../../lib/dates';
import { issueMessage } from '../../lib/issues';
import { readFileBase64 } from '../io/common/file-bytes';
import { RequestDetail } from './RequestDetail';

type Status = 'open' | 'approved' | 'rejected';

/** The pile: load files, pick a request, decide it. */
export function RequestsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const [result, setResult] = useState<Output<'requests.load'> | null>(null);
  const list = useQuery('requests.list', { status }, { refreshOn: ['requests.changed', 'relations.changed'] });
  const load = useMutation('requests.load');
  const rows = list.data?.rows ?? [];

  const onFile = async (file: File | null) => {
    if (!file) return;
    setResult(null);
    const r = await load.run({ file: await readFileBase64(file), fileName: file.name });
    if (r.ok) {
      setResult(r.value);
      if (r.value.created[0]) {
        setStatus('open');
        setSelected(r.value.created[0]);
      }
    }
  };
  const issueText = (code: string) => t(`requests.issue.${code}`, { defaultValue: issueMessage(t, { code }) });

  return (
    <Stack gap="sm" maw={1300} data-testid="requests-page">
      <Title order={2}>{t('requests.page.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('requests.page.explain')}
      </Text>
      <FileInput
        maw={520}
        label={t('requests.page.load')}
        description={t('requests.page.loadHelp')}
        placeholder={t('io.file.placeholder')}
        accept=".csv,.txt,.xlsx,.json,.eml,.msg,.pdf"
        onChange={(f) => void onFile(f)}
        data-testid="requests-file"
      />
      <ErrorAlert error={load.error ?? list.error} />
      {result && (
        <Alert color={result.created.length ? 'green' : 'gray'} data-testid="requests-loaded">
          <Text size="sm">
            {t('requests.page.loaded', { count: result.created.length })} {result.alreadyLoaded > 0 && t('requests.page.alreadyLoaded', { count: result.alreadyLoaded })}
          </Text>
          {result.issues.slice(0, 20).map((i, n) => (
            <Text size="sm" key={n}>
              {t('requests.page.issueRow', { row: i.row, message: `${i.field ? `${i.field}: ` : ''}${issueText(i.code)}` })}
            </Text>
          ))}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="xs">
            <SegmentedControl
              value={status}
              onChange={(v) => {
                setStatus(v as Status);
                setSelected(null);
              }}
              data={(['open', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`requests.page.status.${s}`) }))}
              data-testid="requests-status"
            />
            {list.data && rows.length === 0 && <Text c="dimmed">{t('requests.page.none')}</Text>}
            {rows.length > 0 && (
              <Table highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('requests.page.col.date')}</Table.Th>
                    <Table.Th>{t('requests.page.col.relation')}</Table.Th>
                    <Table.Th>{t('requests.page.col.fields')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id} bg={r.id === selected ? 'var(--mantine-color-blue-light)' : undefined} data-testid="request-row" data-id={r.id}>
                      <Table.Td>{showDate(r.requestedOn)}</Table.Td>
                      <Table.Td>
                        <UnstyledButton onClick={() => setSelected(r.id)} data-testid="request-open">
                          <Text size="sm" fw={500}>
                            {r.relationName ? `${r.relationName} (${r.relationNumber})` : t('requests.page.unmatched', { who: r.submittedName ?? r.submittedEmail ?? '?' })}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {r.sourceName}
                          </Text>
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge variant="light">{r.fieldCount}</Badge>
                          {r.needsMandateProof && <Badge color="orange" variant="light">IBAN</Badge>}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {selected ? <RequestDetail key={selected} id={selected} onOpen={setSelected} /> : <Text c="dimmed">{t('requests.detail.pick')}</Text>}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
