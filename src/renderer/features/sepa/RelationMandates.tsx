import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MandateDto } from '../../../shared/contract/sepa';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { useRelationMandates, useSepaMutations } from './useSepa';

type Mode = { kind: 'add' } | { kind: 'amend'; mandate: MandateDto } | { kind: 'revoke'; mandate: MandateDto } | null;

const STATUS_COLOR: Record<MandateDto['status'], string> = { active: 'green', revoked: 'gray', expired: 'orange', ended: 'red' };

/** The relation card's SEPA mandates: reference, signature, IBAN, last use and lapse, amendments still to report; add, amend, revoke. */
export function RelationMandates({ relationId, paysByIncasso }: { relationId: string; paysByIncasso: boolean }) {
  const { t } = useTranslation();
  const q = useRelationMandates(relationId);
  const { createMandate, amendMandate, revokeMandate } = useSepaMutations();
  const [mode, setMode] = useState<Mode>(null);
  const [form, setForm] = useState({ reference: '', signedOn: todayIsoLocal() as string | null, iban: '', kind: 'RCUR', note: '', reason: '' });
  const rows = q.data?.rows ?? [];
  const usable = rows.some((m) => m.status === 'active' && !m.lapsed);
  const error = createMandate.error ?? amendMandate.error ?? revokeMandate.error;
  const open = (m: Mode) => (setMode(m), setForm({ reference: '', signedOn: todayIsoLocal(), iban: '', kind: 'RCUR', note: '', reason: '' }));

  async function save() {
    if (!mode) return;
    const r =
      mode.kind === 'add'
        ? await createMandate.run({ relationId, signedOn: form.signedOn ?? '', iban: form.iban, kind: form.kind as 'RCUR' | 'OOFF', ...(form.reference.trim() ? { reference: form.reference } : {}) })
        : mode.kind === 'amend'
          ? await amendMandate.run({ id: mode.mandate.id, amendedOn: form.signedOn ?? '', iban: form.iban || null, ...(form.reference.trim() ? { reference: form.reference } : {}), note: form.note || null })
          : await revokeMandate.run({ id: mode.mandate.id, endedOn: form.signedOn ?? '', reason: form.reason || null });
    if (r.ok) setMode(null);
  }

  return (
    <Paper withBorder p="sm" data-testid="relation-mandates">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('sepa.mandates.title')}</Text>
          <Button size="xs" variant="light" onClick={() => open({ kind: 'add' })} data-testid="mandate-add">
            {t('sepa.mandates.add')}
          </Button>
        </Group>
        {q.data && rows.length === 0 && <Text c="dimmed" size="sm">{t('sepa.mandates.none')}</Text>}
        {q.data && paysByIncasso && !usable && <Alert color="orange" data-testid="mandate-missing">{t('sepa.mandates.noneButIncasso')}</Alert>}
        {rows.length > 0 && (
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sepa.mandates.reference')}</Table.Th>
                <Table.Th>{t('sepa.mandates.signedOn')}</Table.Th>
                <Table.Th>{t('sepa.mandates.iban')}</Table.Th>
                <Table.Th>{t('sepa.mandates.status')}</Table.Th>
                <Table.Th>{t('sepa.mandates.lastUsed')}</Table.Th>
                <Table.Th>{t('sepa.mandates.expiresOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id} data-testid="mandate-row">
                  <Table.Td>
                    {m.reference} <Text span size="xs" c="dimmed">({t(`sepa.mandates.kind${m.kind}`)})</Text>
                  </Table.Td>
                  <Table.Td>{showDate(m.signedOn)}</Table.Td>
                  <Table.Td>{m.iban}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.lapsed ? 'orange' : STATUS_COLOR[m.status]}>
                      {m.lapsed ? t('sepa.mandates.lapsed') : t(`sepa.mandates.statusLabel.${m.status}`)}
                    </Badge>
                    {m.pendingAmendments > 0 && <Text size="xs" c="orange">{t('sepa.mandates.pending', { count: m.pendingAmendments })}</Text>}
                    {m.amendments.map((a) => (
                      <Text key={a.id} size="xs" c="dimmed">
                        {showDate(a.amendedOn)} {t(`sepa.mandates.amendmentKind.${a.kind}`)} {t('sepa.mandates.previous', { value: a.previousValue })} · {a.reportedInBatchId ? t('sepa.mandates.reported') : t('sepa.mandates.toReport')}
                        {a.note ? ` · ${a.note}` : ''}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{m.lastUsedOn ? showDate(m.lastUsedOn) : '—'}</Table.Td>
                  <Table.Td>{showDate(m.expiresOn)}</Table.Td>
                  <Table.Td>
                    {m.status === 'active' && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => open({ kind: 'amend', mandate: m })} data-testid="mandate-amend">{t('common.edit')}</Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => open({ kind: 'revoke', mandate: m })} data-testid="mandate-revoke">{t('sepa.mandates.revoke')}</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mode && (
          <Paper withBorder p="xs" bg="gray.0" data-testid="mandate-form">
            <Stack gap="xs">
              <Text size="sm" fw={600}>{mode.kind === 'add' ? t('sepa.mandates.add') : mode.kind === 'amend' ? t('sepa.mandates.amend') : t('sepa.mandates.revokeTitle')}</Text>
              <Group align="flex-end">
                <DateField label={mode.kind === 'add' ? t('sepa.mandates.signedOn') : mode.kind === 'amend' ? t('sepa.mandates.amendedOn') : t('sepa.mandates.endedOn')} value={form.signedOn} onChange={(v) => setForm({ ...form, signedOn: v })} w={160} data-testid="mandate-date" />
                {mode.kind !== 'revoke' && <TextInput label={t('sepa.mandates.iban')} value={form.iban} onChange={(e) => setForm({ ...form, iban: e.currentTarget.value })} w={240} data-testid="mandate-iban" />}
                {mode.kind !== 'revoke' && <TextInput label={t('sepa.mandates.reference')} description={mode.kind === 'add' ? t('sepa.mandates.referenceHint') : undefined} value={form.reference} onChange={(e) => setForm({ ...form, reference: e.currentTarget.value })} w={220} />}
                {mode.kind === 'add' && (
                  <Select label={t('sepa.mandates.kind')} data={[{ value: 'RCUR', label: t('sepa.mandates.kindRCUR') }, { value: 'OOFF', label: t('sepa.mandates.kindOOFF') }]} value={form.kind} allowDeselect={false} onChange={(v) => v && setForm({ ...form, kind: v })} w={140} />
                )}
                {mode.kind === 'amend' && <TextInput label={t('sepa.mandates.note')} value={form.note} onChange={(e) => setForm({ ...form, note: e.currentTarget.value })} w={280} />}
                {mode.kind === 'revoke' && <TextInput label={t('sepa.mandates.revokeReason')} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} w={280} />}
              </Group>
              <ErrorAlert error={error} />
              <Group>
                <Button size="xs" color={mode.kind === 'revoke' ? 'red' : undefined} loading={createMandate.busy || amendMandate.busy || revokeMandate.busy} onClick={() => void save()} data-testid="mandate-save">
                  {mode.kind === 'revoke' ? t('sepa.mandates.revoke') : t('common.save')}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setMode(null)}>{t('common.cancel')}</Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
