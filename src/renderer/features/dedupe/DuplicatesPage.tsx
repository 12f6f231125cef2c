import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { call, RpcError } from '../../rpc/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNavigation } from '../../shell/navigation';
import { formatCount } from '../../lib/format';
import { pairReasons } from './reason-text';
import { MergePanel } from './MergePanel';

type Scan = Output<'dedupe.scan'>;
type Pair = Scan['pairs'][number];

const toError = (e: unknown) => (e instanceof RpcError ? e : new RpcError('dedupe.scan', { code: 'INTERNAL' }));

/** The whole administration scanned for doubles; a pair opens side by side for merging. */
export function DuplicatesPage() {
  const { t, i18n } = useTranslation();
  const formatNumber = (n: number) => formatCount(n, i18n.language);
  const { navigate } = useNavigation();
  const [scan, setScan] = useState<Scan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const [open, setOpen] = useState<Pair | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [survivor, setSurvivor] = useState<{ id: string; number: number } | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setScan(await call('dedupe.scan', {}));
    } catch (e) {
      setError(toError(e));
    } finally {
      setBusy(false);
    }
  };
  const dismiss = async (p: Pair) => {
    try {
      await call('dedupe.dismiss', { a: p.a.id, b: p.b.id });
      setNotice(t('dedupe.merge.dismissed'));
      setSurvivor(null);
      setScan((s) => (s ? { ...s, pairs: s.pairs.filter((x) => x !== p), total: s.total - 1, dismissed: s.dismissed + 1 } : s));
    } catch (e) {
      setError(toError(e));
    }
  };

  if (open) {
    return (
      <MergePanel
        a={open.a.id}
        b={open.b.id}
        onBack={() => setOpen(null)}
        onDismissed={() => {
          void dismiss(open);
          setOpen(null);
        }}
        onMerged={(r) => {
          setNotice(t('dedupe.merge.done', { removedNumber: r.removed.number, keepNumber: r.keep.number }));
          setSurvivor(r.keep);
          setOpen(null);
          void run();
        }}
      />
    );
  }

  return (
    <Stack maw={1200} gap="sm" data-testid="duplicates-page">
      <Group justify="space-between">
        <Title order={2}>{t('dedupe.page.title')}</Title>
        <Button onClick={() => void run()} loading={busy} data-testid="dedupe-scan">
          {t('dedupe.page.scan')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('dedupe.page.explain')}
      </Text>
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)} data-testid="dedupe-notice">
          <Group justify="space-between">
            <Text size="sm">{notice}</Text>
            {survivor && (
              <Button size="xs" variant="light" onClick={() => navigate({ page: 'relation', id: survivor.id })} data-testid="dedupe-open-survivor">
                {t('dedupe.merge.openSurvivor', { number: survivor.number })}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <ErrorAlert error={error} />
      {!scan && !busy && <Text c="dimmed">{t('dedupe.page.notScanned')}</Text>}
      {scan && (
        <Stack gap={4}>
          <Text size="sm" data-testid="dedupe-summary">
            {t('dedupe.page.summary', {
              pairs: formatNumber(scan.total),
              relations: formatNumber(scan.relations),
              comparisons: formatNumber(scan.comparisons),
              seconds: (scan.ms / 1000).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }),
            })}
          </Text>
          {scan.dismissed > 0 && (
            <Text size="sm" c="dimmed">
              {t('dedupe.page.dismissed', { count: scan.dismissed })}
            </Text>
          )}
          {scan.skippedBlocks.length > 0 && (
            <Text size="sm" c="orange">
              {t('dedupe.page.skipped', { keys: scan.skippedBlocks.map((b) => `${b.key.slice(3)} (${b.size})`).join(', ') })}
            </Text>
          )}
          {scan.pairs.length < scan.total && (
            <Text size="sm" c="dimmed">
              {t('dedupe.page.shown', { shown: scan.pairs.length, total: scan.total })}
            </Text>
          )}
        </Stack>
      )}
      {scan && scan.pairs.length === 0 && <Text c="dimmed">{t('dedupe.page.none')}</Text>}
      {scan && scan.pairs.length > 0 && (
        <Table striped highlightOnHover data-testid="dedupe-pairs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dedupe.col.score')}</Table.Th>
              <Table.Th>{t('dedupe.col.a')}</Table.Th>
              <Table.Th>{t('dedupe.col.b')}</Table.Th>
              <Table.Th>{t('dedupe.col.reasons')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scan.pairs.map((p) => (
              <Table.Tr key={`${p.a.id}|${p.b.id}`} data-testid="dedupe-pair" data-a={p.a.number} data-b={p.b.number}>
                <Table.Td>
                  <Badge variant="light">{p.score}</Badge>
                </Table.Td>
                {[p.a, p.b].map((side) => (
                  <Table.Td key={side.id}>
                    <Anchor component="button" onClick={() => navigate({ page: 'relation', id: side.id })}>
                      {side.displayName || t('relations.common.noName')}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {t('relations.common.numberShort', { number: side.number })}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td>
                  <Text size="sm">{pairReasons(t, p.fields)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" onClick={() => setOpen(p)} data-testid="dedupe-open">
                      {t('dedupe.open')}
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => void dismiss(p)} data-testid="dedupe-dismiss">
                      {t('dedupe.notDuplicate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
