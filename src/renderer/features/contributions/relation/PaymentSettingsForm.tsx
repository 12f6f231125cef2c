import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentSettingsDto } from '../../../../shared/contract';
import { RelationPicker } from '../../links/RelationPicker';
import { AmountInput } from '../AmountInput';
import { ContributionsError } from '../ContributionsError';
import { useContributionMutations } from '../useContributions';

type Form = Omit<PaymentSettingsDto, 'payerName'> & { payerName: string | null };
const EMPTY: Form = { method: 'factuur', frequency: 'jaar', payerRelationId: null, payerName: null, exempt: false, exemptReason: null, overrideCents: null, overrideReason: null };

/** Payment method, instalments, who pays, exemption and a different amount (each with its reason). */
export function PaymentSettingsForm({ relationId, settings }: { relationId: string; settings: PaymentSettingsDto | null }) {
  const { t } = useTranslation();
  const { setSettings } = useContributionMutations();
  const [form, setForm] = useState<Form>(settings ?? EMPTY);
  const [saved, setSaved] = useState(false);
  const set = (p: Partial<Form>) => (setForm({ ...form, ...p }), setSaved(false));
  return (
    <Paper withBorder p="sm" data-testid="payment-settings">
      <Stack gap="xs">
        <Text fw={600}>{t('contributions.relation.settings')}</Text>
        <Group>
          <Select label={t('contributions.relation.method')} data={(['factuur', 'incasso', 'contant'] as const).map((m) => ({ value: m, label: t(`contributions.method.${m}`) }))} value={form.method} allowDeselect={false} onChange={(v) => v && set({ method: v as Form['method'] })} w={180} data-testid="settings-method" />
          <Select label={t('contributions.relation.frequency')} data={(['jaar', 'halfjaar', 'kwartaal', 'maand'] as const).map((f) => ({ value: f, label: t(`contributions.frequency.${f}`) }))} value={form.frequency} allowDeselect={false} onChange={(v) => v && set({ frequency: v as Form['frequency'] })} w={180} data-testid="settings-frequency" />
        </Group>
        {form.payerRelationId ? (
          <Group gap="xs">
            <Text size="sm">{t('contributions.relation.payer')}: {form.payerName}</Text>
            <Button size="xs" variant="subtle" onClick={() => set({ payerRelationId: null, payerName: null })}>{t('contributions.relation.payerSelf')}</Button>
          </Group>
        ) : (
          <RelationPicker label={t('contributions.relation.payer')} value={null} excludeId={relationId} onChange={(r) => r && set({ payerRelationId: r.id, payerName: r.displayName })} />
        )}
        <Group align="flex-end">
          <Switch label={t('contributions.relation.exempt')} checked={form.exempt} onChange={(e) => set({ exempt: e.currentTarget.checked })} data-testid="settings-exempt" />
          {form.exempt && <TextInput label={t('contributions.relation.exemptReason')} value={form.exemptReason ?? ''} onChange={(e) => set({ exemptReason: e.currentTarget.value })} w={280} />}
        </Group>
        <Group align="flex-end">
          <AmountInput label={t('contributions.relation.override')} value={form.overrideCents} onChange={(c) => set({ overrideCents: c })} w={160} />
          {form.overrideCents !== null && <TextInput label={t('contributions.relation.overrideReason')} value={form.overrideReason ?? ''} onChange={(e) => set({ overrideReason: e.currentTarget.value })} w={280} />}
        </Group>
        <ContributionsError error={setSettings.error} />
        {saved && <Alert color="green">{t('contributions.relation.saved')}</Alert>}
        <Group>
          <Button
            loading={setSettings.busy}
            onClick={async () => {
              const { payerName: _ignored, ...fields } = form;
              const r = await setSettings.run({ relationId, settings: fields });
              if (r.ok) setSaved(true);
            }}
            data-testid="settings-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
