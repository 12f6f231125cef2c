import { useEffect, useState } from 'react';
import { Badge, Button, Group, List, Paper, Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KEEP_BOTH, type Output } from '../../../shared/contract';
import { call, RpcError } from '../../rpc/client';
import { useQuery } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { fieldLabel } from '../../lib/issues';
import { fieldReasonText } from './reason-text';
import { showDate } from '../../lib/dates';

const DATE_FIELDS = new Set(['birthDate', 'deathDate']);
/** Dates as the rest of the app shows them (dd-mm-jjjj). */
const shown = (field: string, v: string | null) => (v === null ? '—' : DATE_FIELDS.has(field) ? showDate(v) : v);

type Take = 'keep' | 'remove' | 'both';
type Preview = Output<'dedupe.merge'>;

const OUTCOME_COLOR = { agree: 'green', similar: 'yellow', differ: 'red', missing: 'gray' } as const;

interface Props {
  a: string;
  b: string;
  onBack: () => void;
  onDismissed: () => void;
  onMerged: (result: Preview) => void;
}

/**
 * Two relations side by side: the scorer's comparison, a pick per field, and a preview that is
 * the merge itself run and rolled back (what moves, which collisions and how they resolve).
 */
export function MergePanel({ a, b, onBack, onDismissed, onMerged }: Props) {
  const { t } = useTranslation();
  const [keepId, setKeepId] = useState(a);
  const removeId = keepId === a ? b : a;
  const [take, setTake] = useState<Record<string, Take>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const compare = useQuery('dedupe.compare', { a: keepId, b: removeId });
  const weights = useQuery('dedupe.getWeights', {});
  const key = JSON.stringify(take);

  useEffect(() => {
    let live = true;
    call('dedupe.merge', { keepId, removeId, take: JSON.parse(key) as Record<string, Take>, dryRun: true }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof RpcError ? e : new RpcError('dedupe.merge', { code: 'INTERNAL' })),
    );
    return () => {
      live = false;
    };
  }, [keepId, removeId, key]);

  const swap = () => {
    setKeepId(removeId);
    setTake({});
  };
  const merge = async () => {
    setBusy(true);
    try {
      const r = await call('dedupe.merge', { keepId, removeId, take });
      setConfirm(false);
      onMerged(r);
    } catch (e) {
      setConfirm(false);
      setError(e instanceof RpcError ? e : new RpcError('dedupe.merge', { code: 'INTERNAL' }));
    } finally {
      setBusy(false);
    }
  };

  const keepSide = preview?.keep;
  const removeSide = preview?.removed;
  const tableName = (table: string) => t(`dedupe.table.${table}`, { defaultValue: table });
  return (
    <Stack maw={1200} gap="sm" data-testid="merge-panel">
      <Group justify="space-between">
        <Title order={2}>{t('dedupe.merge.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={onBack}>
            {t('dedupe.merge.back')}
          </Button>
          <Button variant="subtle" onClick={onDismissed} data-testid="merge-dismiss">
            {t('dedupe.notDuplicate')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error ?? compare.error} labelFor={(p) => fieldLabel(t, p.replace(/^take\./, ''))} />
      {compare.data && (
        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('dedupe.merge.comparison')}</Text>
            <Badge variant="light" tt="none" size="lg" data-testid="merge-score">
              {t('dedupe.merge.score', { score: compare.data.score, threshold: weights.data?.weights.threshold ?? '' })}
            </Badge>
          </Group>
          <Group gap="xs">
            {compare.data.fields.map((f) => (
              <Badge key={f.field} color={OUTCOME_COLOR[f.outcome]} variant="light" tt="none" size="lg" fw={500} title={`${f.a ?? '—'} / ${f.b ?? '—'}`} data-testid="merge-reason">
                {fieldReasonText(t, f)} ({f.points > 0 ? `+${f.points}` : f.points})
              </Badge>
            ))}
          </Group>
        </Paper>
      )}
      {preview && keepSide && removeSide && (
        <>
          <Table withTableBorder data-testid="merge-fields">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dedupe.merge.field')}</Table.Th>
                <Table.Th>
                  {t('dedupe.merge.keep')}: {keepSide.displayName} ({t('relations.common.numberShort', { number: keepSide.number })})
                </Table.Th>
                <Table.Th>
                  {t('dedupe.merge.remove')}: {removeSide.displayName} ({t('relations.common.numberShort', { number: removeSide.number })})
                </Table.Th>
                <Table.Th>{t('dedupe.merge.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.fields.map((f) => {
                const second = KEEP_BOTH[f.field as keyof typeof KEEP_BOTH];
                const canBoth = second !== undefined && f.keep !== null && f.remove !== null && f.keep !== f.remove;
                return (
                  <Table.Tr key={f.field} data-testid="merge-field" data-field={f.field}>
                    <Table.Td>{fieldLabel(t, f.field)}</Table.Td>
                    <Table.Td>
                      <Radio
                        label={shown(f.field, f.keep)}
                        checked={f.take === 'keep'}
                        onChange={() => setTake((s) => ({ ...s, [f.field]: 'keep' }))}
                        data-testid="take-keep"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="md">
                        <Radio
                          label={shown(f.field, f.remove)}
                          checked={f.take === 'remove'}
                          onChange={() => setTake((s) => ({ ...s, [f.field]: 'remove' }))}
                          data-testid="take-remove"
                        />
                        {canBoth && (
                          <Radio
                            label={t('dedupe.merge.both')}
                            title={t('dedupe.merge.bothHint', { field: fieldLabel(t, second) })}
                            checked={f.take === 'both'}
                            onChange={() => setTake((s) => ({ ...s, [f.field]: 'both' }))}
                            data-testid="take-both"
                          />
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td data-testid="merge-chosen">{shown(f.field, f.chosen)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="sm" data-testid="merge-moved">
              <Text fw={600} mb={4}>
                {t('dedupe.merge.preview')}
              </Text>
              {preview.moved.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('dedupe.merge.nothingMoves')}
                </Text>
              ) : (
                <List size="sm">
                  {preview.moved.map((m) => (
                    <List.Item key={`${m.table}.${m.column}`}>{t('dedupe.merge.moved', { rows: m.rows, table: tableName(m.table) })}</List.Item>
                  ))}
                </List>
              )}
            </Paper>
            <Paper withBorder p="sm" data-testid="merge-collisions">
              <Text fw={600} mb={4}>
                {t('dedupe.merge.collisions')}
              </Text>
              {preview.collisions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('dedupe.merge.noCollisions')}
                </Text>
              ) : (
                <List size="sm">
                  {preview.collisions.map((c) => (
                    <List.Item key={`${c.table}.${c.recordId}.${c.kind}`}>
                      {tableName(c.table)}: {t(`dedupe.collision.${c.kind}`, { detail: c.detail, defaultValue: c.kind })}
                      {c.field && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          ml="xs"
                          onClick={() => setTake((s) => ({ ...s, [c.field as string]: c.kind === 'VALUE_TAKEN' ? 'keep' : 'remove' }))}
                        >
                          {t('dedupe.merge.swap')}
                        </Button>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={swap} data-testid="merge-swap">
              {t('dedupe.merge.swap')}
            </Button>
            <Button color="red" onClick={() => setConfirm(true)} data-testid="merge-confirm">
              {t('dedupe.merge.confirm')}
            </Button>
          </Group>
          <ConfirmModal
            opened={confirm}
            title={t('dedupe.merge.confirmTitle')}
            message={t('dedupe.merge.confirmText', { removeNumber: removeSide.number, removeName: removeSide.displayName, keepNumber: keepSide.number, keepName: keepSide.displayName })}
            confirmLabel={t('dedupe.merge.confirm')}
            danger
            busy={busy}
            onConfirm={() => void merge()}
            onClose={() => setConfirm(false)}
          />
        </>
      )}
    </Stack>
  );
}
