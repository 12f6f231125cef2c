import { Chip, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmountInput } from '../../contributions/AmountInput';
import { CountInput } from './CountInput';
import type { EditorProps } from './editor-props';

const METHODS = ['incasso', 'factuur', 'contant'] as const;
type Method = (typeof METHODS)[number];

/** "Betaalwijze is incasso of factuur". */
export function PaymentMethodEditor({ value, onChange }: EditorProps<'paymentMethod'>) {
  const { t } = useTranslation();
  return (
    <Chip.Group multiple value={value.methods} onChange={(v) => onChange({ ...value, methods: METHODS.filter((m): m is Method => v.includes(m)) })}>
      <Group gap="xs" mt={6}>
        {METHODS.map((m) => (
          <Chip key={m} value={m} size="xs" data-testid={`atom-method-${m}`}>
            {t(`contributions.method.${m}`)}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}

/** "Heeft facturen die langer dan 30 dagen over tijd zijn". */
export function OpenInvoicesEditor({ value, onChange }: EditorProps<'openInvoices'>) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <CountInput max={36_500} value={value.olderThanDays} onChange={(days) => onChange({ ...value, olderThanDays: days ?? 0 })} label={t('conditions.atom.overdueDays')} testId="atom-overdue-days" />
      <Text size="sm">{t('conditions.atom.overdueDaysUnit')}</Text>
    </Group>
  );
}

/** "Contributie tussen € 20,00 en € 50,00", optionally of one period. */
export function ContributionAmountEditor({ value, onChange }: EditorProps<'contributionAmount'>) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <AmountInput size="sm" w={120} value={value.minCents ?? null} onChange={(c) => onChange({ ...value, minCents: c ?? undefined })} aria-label={t('conditions.atom.amountMin')} placeholder={t('conditions.atom.ageMinPlaceholder')} data-testid="atom-amount-min" />
      <Text size="sm">{t('conditions.atom.and')}</Text>
      <AmountInput size="sm" w={120} value={value.maxCents ?? null} onChange={(c) => onChange({ ...value, maxCents: c ?? undefined })} aria-label={t('conditions.atom.amountMax')} placeholder={t('conditions.atom.ageMaxPlaceholder')} data-testid="atom-amount-max" />
      <TextInput
        size="sm"
        w={150}
        value={value.periodCode ?? ''}
        onChange={(e) => onChange({ ...value, periodCode: e.currentTarget.value.trim() || undefined })}
        aria-label={t('conditions.atom.amountPeriod')}
        placeholder={t('conditions.atom.amountPeriodPlaceholder')}
        data-testid="atom-amount-period"
      />
    </Group>
  );
}
