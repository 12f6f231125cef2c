import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoicingSettings } from '../../../../shared/contract';
import { useMutation, useQuery } from '../../../rpc/useQuery';
import { ContributionsError } from '../ContributionsError';

/**
 * Numbering, terms, the kind of payment reference, and the association as it stands on the
 * letters: its name and address, and the account the payment QR code pays to.
 */
export function InvoicingSettingsTab() {
  const { t } = useTranslation();
  const current = useQuery('contributions.getSettings', {}, { refreshOn: ['contributions.changed'] });
  const save = useMutation('contributions.setSettings');
  const [form, setForm] = useState<InvoicingSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && !form) setForm(current.data);
  }, [current.data, form]);
  if (!form) return null;
  const set = (p: Partial<InvoicingSettings>) => (setForm({ ...form, ...p }), setSaved(false));
  const sender = (p: Partial<InvoicingSettings['sender']>) => set({ sender: { ...form.sender, ...p } });
  return (
    <Stack gap="md" maw={720} data-testid="invoicing-settings">
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">{t('contributions.settings.numbering')}</Text>
        <Group align="flex-end">
          <TextInput label={t('contributions.settings.prefix')} value={form.invoicePrefix} onChange={(e) => set({ invoicePrefix: e.currentTarget.value })} w={120} />
          <NumberInput label={t('contributions.settings.termDays')} value={form.termDays} min={0} max={365} onChange={(v) => set({ termDays: Number(v) || 0 })} w={190} />
          <NumberInput label={t('contributions.settings.reminderDays')} value={form.reminderDays} min={1} max={365} onChange={(v) => set({ reminderDays: Number(v) || 1 })} w={210} />
          <Select
            label={t('contributions.settings.referenceKind')}
            data={(['betalingskenmerk', 'rf'] as const).map((k) => ({ value: k, label: t(`contributions.settings.reference.${k}`) }))}
            value={form.referenceKind}
            allowDeselect={false}
            onChange={(v) => v && set({ referenceKind: v as InvoicingSettings['referenceKind'] })}
            w={260}
            data-testid="settings-reference-kind"
          />
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={600}>{t('contributions.settings.sender')}</Text>
        <Text size="sm" c="dimmed" mb="xs">{t('contributions.settings.senderHelp')}</Text>
        <Stack gap="xs">
          <TextInput label={t('contributions.settings.name')} value={form.sender.name ?? ''} onChange={(e) => sender({ name: e.currentTarget.value })} data-testid="settings-sender-name" />
          <Textarea label={t('contributions.settings.address')} autosize minRows={2} value={form.sender.addressLines.join('\n')} onChange={(e) => sender({ addressLines: e.currentTarget.value.split('\n').filter((l) => l.trim() !== '') })} />
          <Group>
            <TextInput label="IBAN" value={form.sender.iban ?? ''} onChange={(e) => sender({ iban: e.currentTarget.value })} w={260} data-testid="settings-sender-iban" />
            <TextInput label="BIC" value={form.sender.bic ?? ''} onChange={(e) => sender({ bic: e.currentTarget.value })} w={140} />
            <TextInput label={t('contributions.settings.email')} value={form.sender.email ?? ''} onChange={(e) => sender({ email: e.currentTarget.value })} w={260} />
          </Group>
        </Stack>
      </Paper>
      <ContributionsError error={save.error} />
      {saved && <Alert color="green">{t('contributions.settings.saved')}</Alert>}
      <Group>
        <Button
          loading={save.busy}
          onClick={async () => {
            const r = await save.run({ settings: form });
            if (!r.ok) return;
            setForm(r.value);
            setSaved(true);
          }}
          data-testid="settings-save"
        >
          {t('contributions.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
