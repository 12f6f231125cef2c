import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationSummary, RequestDetailDto, RequestField } from '../../../shared/contract';
import { useMutation, useQuery } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showDate } from '../../lib/dates';
import { useNavigation } from '../../shell/navigation';
import { RelationPicker } from '../links/RelationPicker';

type Choice = 'submitted' | 'original' | 'current' | 'custom';
interface Pick {
  apply: boolean;
  choice: Choice;
  custom: string;
}

function shown(field: RequestField, v: string | null): string {
  if (v === null) return '—';
  return field === 'birthDate' ? showDate(v) : v;
}

/** One request: per field the three values, a pre-selected choice (never applied by itself), approve or reject. */
export function RequestDetail({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const q = useQuery('requests.get', { id }, { refreshOn: ['requests.changed', 'relations.changed'] });
  const d = q.data;
  if (!d) return <ErrorAlert error={q.error} />;
  return <Decide key={`${d.id}:${d.status}:${d.relationId ?? ''}`} d={d} onOpen={onOpen} openRelation={(rid) => navigate({ page: 'relation', id: rid })} t={t} />;
}

function Decide({ d, onOpen, openRelation, t }: { d: RequestDetailDto; onOpen: (id: string) => void; openRelation: (id: string) => void; t: ReturnType<typeof useTranslation>['t'] }) {
  const approve = useMutation('requests.approve');
  const reject = useMutation('requests.reject');
  const assign = useMutation('requests.assign');
  const [picks, setPicks] = useState<Record<string, Pick>>(() => Object.fromEntries(d.fields.map((f) => [f.field, { apply: true, choice: 'submitted', custom: f.submitted ?? '' }])));
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [who, setWho] = useState<RelationSummary | null>(null);
  const open = d.status === 'open';
  const stale = d.fields.some((f) => f.stale);
  const chosen = useMemo(
    () =>
      d.fields
        .filter((f) => picks[f.field]?.apply)
        .map((f) => {
          const p = picks[f.field]!;
          const value = p.choice === 'custom' ? p.custom : p.choice === 'original' ? f.original : p.choice === 'current' ? f.current : f.submitted;
          return { field: f.field, value: value === '' ? null : value };
        }),
    [d.fields, picks],
  );
  const set = (field: string, patch: Partial<Pick>) => setPicks((p) => ({ ...p, [field]: { ...p[field]!, ...patch } }));

  return (
    <Paper withBorder p="md" data-testid="request-detail" data-status={d.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>
              {d.relationId ? (
                <Anchor component="button" onClick={() => openRelation(d.relationId!)}>
                  {d.relationName} ({d.relationNumber})
                </Anchor>
              ) : (
                t('requests.page.unmatched', { who: d.submittedName ?? d.submittedEmail ?? '?' })
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {t('requests.detail.requestedOn', { date: showDate(d.requestedOn), source: d.sourceName })}
              {d.matchedBy ? ` · ${t(`requests.detail.matchedBy.${d.matchedBy}`)}` : ''}
            </Text>
          </div>
          <Badge color={d.status === 'open' ? 'blue' : d.status === 'approved' ? 'green' : 'gray'}>{t(`requests.page.status.${d.status}`)}</Badge>
        </Group>
        {open && stale && (
          <Alert color="orange" data-testid="request-stale">
            {t('requests.detail.stale')}
          </Alert>
        )}
        {d.needsMandateProof && <Alert color="yellow">{t('requests.detail.mandate')}</Alert>}
        {d.otherOpen.length > 0 && (
          <Alert color="blue" data-testid="request-others">
            <Text size="sm">{t('requests.detail.others', { count: d.otherOpen.length })}</Text>
            {d.otherOpen.map((o) => (
              <Anchor key={o.id} component="button" size="sm" display="block" onClick={() => onOpen(o.id)}>
                {showDate(o.requestedOn)} · {o.sourceName} · {o.fieldCount}
              </Anchor>
            ))}
          </Alert>
        )}
        {open && !d.relationId && (
          <Stack gap="xs">
            <Text size="sm">{t('requests.detail.unmatched')}</Text>
            <Group align="flex-end">
              <RelationPicker label={t('requests.page.col.relation')} value={who} onChange={setWho} />
              <Button disabled={!who} loading={assign.busy} onClick={() => who && void assign.run({ id: d.id, relationId: who.id })}>
                {t('requests.detail.assign')}
              </Button>
            </Group>
          </Stack>
        )}
        <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              {open && <Table.Th>{t('requests.detail.col.apply')}</Table.Th>}
              <Table.Th>{t('requests.detail.col.field')}</Table.Th>
              <Table.Th>{t('requests.detail.col.original')}</Table.Th>
              <Table.Th>{t('requests.detail.col.submitted')}</Table.Th>
              <Table.Th>{t('requests.detail.col.current')}</Table.Th>
              <Table.Th>{open ? t('requests.detail.col.value') : t('requests.detail.applied')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.fields.map((f) => {
              const p = picks[f.field]!;
              return (
                <Table.Tr key={f.field} data-testid="request-field" data-field={f.field}>
                  {open && (
                    <Table.Td>
                      <Checkbox checked={p.apply} onChange={(e) => set(f.field, { apply: e.currentTarget.checked })} aria-label={t('requests.detail.col.apply')} data-testid="request-field-apply" />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(`requests.field.${f.field}`)}
                    </Text>
                    {open && f.stale && (
                      <Text size="xs" c="orange">
                        {t('requests.detail.staleField')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{shown(f.field, f.original)}</Table.Td>
                  <Table.Td fw={600}>{shown(f.field, f.submitted)}</Table.Td>
                  <Table.Td c={f.stale ? 'orange' : undefined}>{shown(f.field, f.current)}</Table.Td>
                  <Table.Td>
                    {open ? (
                      <Stack gap={4}>
                        <Select
                          size="xs"
                          w={120}
                          disabled={!p.apply}
                          value={p.choice}
                          allowDeselect={false}
                          onChange={(v) => v && set(f.field, { choice: v as Choice })}
                          data={(['submitted', 'original', 'current', 'custom'] as const).map((c) => ({ value: c, label: t(`requests.detail.choice.${c}`) }))}
                          aria-label={t('requests.detail.col.value')}
                          data-testid="request-field-choice"
                        />
                        {p.choice === 'custom' && p.apply && (
                          <TextInput size="xs" value={p.custom} onChange={(e) => set(f.field, { custom: e.currentTarget.value })} aria-label={t('requests.detail.col.value')} data-testid="request-field-custom" />
                        )}
                      </Stack>
                    ) : f.applied === null || f.applied === undefined ? (
                      <Text size="sm" c="dimmed">
                        {t('requests.detail.notApplied')}
                      </Text>
                    ) : (
                      shown(f.field, f.applied)
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
        {d.status === 'rejected' && d.reason && <Text size="sm">{t('requests.detail.rejectedBecause', { reason: d.reason })}</Text>}
        <ErrorAlert error={approve.error ?? reject.error ?? assign.error} labelFor={(f) => t(`requests.field.${f}`, { defaultValue: f })} />
        {open && (
          <Group>
            <Button disabled={!d.relationId || chosen.length === 0} loading={approve.busy} onClick={() => void approve.run({ id: d.id, fields: chosen })} data-testid="request-approve">
              {chosen.length === d.fields.length ? t('requests.detail.approve') : t('requests.detail.approveSome', { count: chosen.length, total: d.fields.length })}
            </Button>
            <Button variant="light" color="red" onClick={() => setRejecting(true)} data-testid="request-reject">
              {t('requests.detail.reject')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title={t('requests.detail.rejectTitle')}>
        <Stack>
          <Textarea label={t('requests.detail.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-autofocus data-testid="request-reason" />
          <ErrorAlert error={reject.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={reject.busy}
              onClick={() => void reject.run({ id: d.id, reason }).then((r) => r.ok && setRejecting(false))}
              data-testid="request-reject-confirm"
            >
              {t('requests.detail.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
