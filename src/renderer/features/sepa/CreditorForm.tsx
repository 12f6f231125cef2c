import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreditorSettings } from '../../../shared/contract/sepa';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AmountInput } from '../contributions/AmountInput';
import { useCreditor, useSepaMutations } from './useSepa';

const EMPTY: CreditorSettings = {
  name: '', iban: '', bic: null, creditorId: '', debitVersion: '02', refundVersion: '03', sequencePolicy: 'rcur', oneBatchPerFile: false,
  leadDays: 2, maxTransactionCents: null, maxMonthCents: null, maxFileBytes: null, maxFileNameLength: 35, retryLimit: 1,
};

/** The association as creditor and its bank profile; the Incassant-ID's check digits are checked by the contract. */
export function CreditorForm() {
  const { t } = useTranslation();
  const creditor = useCreditor();
  const { setCreditor } = useSepaMutations();
  const [form, setForm] = useState<CreditorSettings>(EMPTY);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (creditor.data?.settings) setForm(creditor.data.settings);
  }, [creditor.data]);
  const set = (p: Partial<CreditorSettings>) => (setForm({ ...form, ...p }), setMessage(null));
  return (
    <Paper withBorder p="sm" data-testid="creditor-form">
      <Stack gap="xs">
        <Text fw={600}>{t('sepa.creditor.title')}</Text>
        <Text size="sm" c="dimmed">{t('sepa.creditor.intro')}</Text>
        {creditor.data && !creditor.data.settings && <Alert color="yellow">{t('sepa.creditor.notSet')}</Alert>}
        <Group align="flex-end">
          <TextInput label={t('sepa.creditor.name')} value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} w={280} data-testid="creditor-name" />
          <TextInput label={t('sepa.creditor.iban')} value={form.iban} onChange={(e) => set({ iban: e.currentTarget.value })} w={240} data-testid="creditor-iban" />
          <TextInput label={t('sepa.creditor.bic')} value={form.bic ?? ''} onChange={(e) => set({ bic: e.currentTarget.value || null })} w={140} />
          <TextInput label={t('sepa.creditor.creditorId')} description={t('sepa.creditor.creditorIdHint')} value={form.creditorId} onChange={(e) => set({ creditorId: e.currentTarget.value })} w={300} data-testid="creditor-id" />
        </Group>
        <Group align="flex-end">
          <Select label={t('sepa.creditor.debitVersion')} data={[{ value: '02', label: t('sepa.creditor.version02') }, { value: '08', label: t('sepa.creditor.version08') }]} value={form.debitVersion} allowDeselect={false} onChange={(v) => v && set({ debitVersion: v as '02' | '08' })} w={260} />
          <Select label={t('sepa.creditor.refundVersion')} data={[{ value: '03', label: t('sepa.creditor.version03') }, { value: '09', label: t('sepa.creditor.version09') }]} value={form.refundVersion} allowDeselect={false} onChange={(v) => v && set({ refundVersion: v as '03' | '09' })} w={260} />
          <Select label={t('sepa.creditor.sequencePolicy')} data={[{ value: 'rcur', label: t('sepa.creditor.policyRcur') }, { value: 'frst_rcur', label: t('sepa.creditor.policyFrstRcur') }]} value={form.sequencePolicy} allowDeselect={false} onChange={(v) => v && set({ sequencePolicy: v as 'rcur' | 'frst_rcur' })} w={360} />
        </Group>
        <Group align="flex-end">
          <NumberInput label={t('sepa.creditor.leadDays')} value={form.leadDays} min={1} max={15} onChange={(v) => set({ leadDays: Number(v) || 1 })} w={200} />
          <AmountInput label={t('sepa.creditor.maxTransaction')} value={form.maxTransactionCents} onChange={(c) => set({ maxTransactionCents: c })} w={200} />
          <AmountInput label={t('sepa.creditor.maxMonth')} value={form.maxMonthCents} onChange={(c) => set({ maxMonthCents: c })} w={200} />
          <NumberInput label={t('sepa.creditor.retryLimit')} value={form.retryLimit} min={0} max={5} onChange={(v) => set({ retryLimit: Number(v) || 0 })} w={200} />
        </Group>
        <Group align="flex-end">
          <NumberInput label={t('sepa.creditor.maxFileBytes')} value={form.maxFileBytes ?? ''} min={1000} onChange={(v) => set({ maxFileBytes: v === '' ? null : Number(v) })} w={200} thousandSeparator="." decimalSeparator="," />
          <NumberInput label={t('sepa.creditor.maxFileNameLength')} value={form.maxFileNameLength ?? ''} min={8} onChange={(v) => set({ maxFileNameLength: v === '' ? null : Number(v) })} w={200} />
          <Switch label={t('sepa.creditor.oneBatchPerFile')} checked={form.oneBatchPerFile} onChange={(e) => set({ oneBatchPerFile: e.currentTarget.checked })} />
        </Group>
        <ErrorAlert error={setCreditor.error} />
        {message && <Alert color="green" data-testid="creditor-saved">{message}</Alert>}
        <Group>
          <Button
            loading={setCreditor.busy}
            data-testid="creditor-save"
            onClick={async () => {
              const r = await setCreditor.run({ settings: form });
              if (r.ok) setMessage(r.value.amendedMandates > 0 ? t('sepa.creditor.amended', { count: r.value.amendedMandates }) : t('sepa.creditor.saved'));
            }}
          >
            {t('sepa.creditor.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
