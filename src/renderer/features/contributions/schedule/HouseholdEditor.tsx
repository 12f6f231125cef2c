import { ActionIcon, Button, Group, NumberInput, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmountInput } from '../AmountInput';
import type { Draft } from './schedule-model';

type Household = NonNullable<Draft['household']>;

/** Household ladder (3rd member 80%, …) and the cap per household. */
export function HouseholdEditor({ value, onChange }: { value: Draft['household']; onChange: (h: Draft['household']) => void }) {
  const { t } = useTranslation();
  const h: Household | null = value ?? null;
  const steps = h?.steps ?? [];
  const set = (p: Partial<Household>) => h && onChange({ ...h, ...p });
  return (
    <Stack gap="xs" data-testid="household-editor">
      <Text fw={600}>{t('contributions.schedule.household')}</Text>
      <SegmentedControl
        value={h ? h.by : 'off'}
        onChange={(v) => onChange(v === 'off' ? null : { by: v as Household['by'], steps: h?.steps ?? [{ position: 3, percent: 80 }], capCents: h?.capCents ?? null, oneInvoice: h?.oneInvoice ?? false })}
        data={[
          { value: 'off', label: t('contributions.schedule.householdOff') },
          { value: 'adres', label: t('contributions.schedule.householdAddress') },
          { value: 'koppeling', label: t('contributions.schedule.householdLink') },
        ]}
      />
      {h && (
        <>
          {steps.map((s, i) => (
            <Group key={i} gap="xs" wrap="nowrap">
              <NumberInput label={i === 0 ? t('contributions.schedule.position') : undefined} aria-label={t('contributions.schedule.position')} value={s.position} min={2} max={20} w={170} onChange={(v) => set({ steps: steps.map((x, k) => (k === i ? { ...x, position: Number(v) || 2 } : x)) })} />
              <NumberInput label={i === 0 ? t('contributions.schedule.percent') : undefined} aria-label={t('contributions.schedule.percent')} value={s.percent} min={0} max={100} suffix="%" w={110} onChange={(v) => set({ steps: steps.map((x, k) => (k === i ? { ...x, percent: Number(v) || 0 } : x)) })} />
              <ActionIcon variant="subtle" color="red" aria-label={t('common.remove')} onClick={() => set({ steps: steps.filter((_, k) => k !== i) })}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="subtle" onClick={() => set({ steps: [...steps, { position: (steps.at(-1)?.position ?? 2) + 1, percent: 50 }] })}>
              {t('contributions.schedule.addStep')}
            </Button>
          </Group>
          <AmountInput label={t('contributions.schedule.cap')} value={h.capCents ?? null} onChange={(c) => set({ capCents: c })} w={200} data-testid="household-cap" />
          <Switch label={t('contributions.schedule.oneInvoice')} checked={h.oneInvoice ?? false} onChange={(e) => set({ oneInvoice: e.currentTarget.checked })} />
        </>
      )}
    </Stack>
  );
}
