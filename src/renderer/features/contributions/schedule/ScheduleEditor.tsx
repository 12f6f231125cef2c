import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { exclusiveEnd, inclusiveEnd } from '../../../lib/dates';
import { AmountInput } from '../AmountInput';
import { FeesEditor } from './FeesEditor';
import { HouseholdEditor } from './HouseholdEditor';
import { StepsEditor } from './StepsEditor';
import type { Draft } from './schedule-model';

const METHODS = ['factuur', 'incasso', 'contant'] as const;

/** The whole schedule as a form, in the order a treasurer thinks: period, ages, amounts, steps, households, methods. */
export function ScheduleEditor({ draft, onChange, typeOptions }: { draft: Draft; onChange: (d: Draft) => void; typeOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const age = draft.age ?? { mode: 'peildatum' as const, date: draft.period.start };
  const proRata = draft.proRata ?? { joining: [], leaving: [] };
  const methods = draft.paymentMethods ?? {};
  const oneOff = draft.oneOffCharges ?? [];
  return (
    <Stack gap="md" data-testid="schedule-editor">
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">
          {t('contributions.schedule.period')}
        </Text>
        <SimpleGrid cols={4}>
          <TextInput label={t('contributions.schedule.code')} value={draft.period.code} onChange={(e) => onChange({ ...draft, period: { ...draft.period, code: e.currentTarget.value } })} data-testid="period-code" />
          <TextInput label={t('contributions.schedule.name')} value={draft.period.name ?? ''} onChange={(e) => onChange({ ...draft, period: { ...draft.period, name: e.currentTarget.value } })} />
          <DateField label={t('contributions.schedule.start')} value={draft.period.start} onChange={(d) => d && onChange({ ...draft, period: { ...draft.period, start: d } })} />
          <DateField label={t('contributions.schedule.lastDay')} value={inclusiveEnd(draft.period.end)} onChange={(d) => d && onChange({ ...draft, period: { ...draft.period, end: exclusiveEnd(d) ?? d } })} />
        </SimpleGrid>
        <Group mt="sm" align="flex-end">
          <SegmentedControl
            value={age.mode}
            onChange={(v) => onChange({ ...draft, age: v === 'peildatum' ? { mode: 'peildatum', date: draft.period.start } : { mode: 'geboortejaar', year: Number(draft.period.start.slice(0, 4)) } })}
            data={[
              { value: 'peildatum', label: t('contributions.schedule.agePeildatum') },
              { value: 'geboortejaar', label: t('contributions.schedule.ageBirthYear') },
            ]}
          />
          {age.mode === 'peildatum' ? (
            <DateField label={t('contributions.schedule.peildatum')} value={age.date} onChange={(d) => d && onChange({ ...draft, age: { mode: 'peildatum', date: d } })} w={160} />
          ) : (
            <NumberInput label={t('contributions.schedule.birthYearOf')} value={age.year} min={1900} max={2200} w={160} onChange={(v) => onChange({ ...draft, age: { mode: 'geboortejaar', year: Number(v) || age.year } })} />
          )}
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <FeesEditor draft={draft} onChange={onChange} typeOptions={typeOptions} />
      </Paper>
      <Paper withBorder p="sm">
        <SimpleGrid cols={2}>
          <StepsEditor label={t('contributions.schedule.joining')} steps={proRata.joining ?? []} onChange={(joining) => onChange({ ...draft, proRata: { ...proRata, joining } })} testId="steps-joining" />
          <StepsEditor label={t('contributions.schedule.leaving')} steps={proRata.leaving ?? []} onChange={(leaving) => onChange({ ...draft, proRata: { ...proRata, leaving } })} testId="steps-leaving" />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="sm">
        <HouseholdEditor value={draft.household ?? null} onChange={(household) => onChange({ ...draft, household })} />
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">
          {t('contributions.schedule.methods')}
        </Text>
        {METHODS.map((m) => (
          <Group key={m} gap="xs" mb={4} wrap="nowrap">
            <Text w={110}>{t(`contributions.method.${m}`)}</Text>
            <AmountInput
              aria-label={`${t(`contributions.method.${m}`)} ${t('contributions.schedule.amount')}`}
              value={methods[m]?.amountCents ?? null}
              w={140}
              onChange={(c) => {
                const next = { ...methods };
                if (c === null || c === 0) delete next[m];
                else next[m] = { amountCents: c, description: methods[m]?.description ?? t(`contributions.method.${m}`) };
                onChange({ ...draft, paymentMethods: next });
              }}
            />
            {methods[m] && (
              <TextInput
                aria-label={t('contributions.schedule.description')}
                value={methods[m].description}
                onChange={(e) => onChange({ ...draft, paymentMethods: { ...methods, [m]: { ...methods[m]!, description: e.currentTarget.value } } })}
                w={300}
              />
            )}
          </Group>
        ))}
        <Select
          mt="sm"
          w={220}
          label={t('contributions.schedule.defaultMethod')}
          data={METHODS.map((m) => ({ value: m, label: t(`contributions.method.${m}`) }))}
          value={draft.defaults?.method ?? 'factuur'}
          allowDeselect={false}
          onChange={(v) => v && onChange({ ...draft, defaults: { frequency: draft.defaults?.frequency ?? 'jaar', method: v as (typeof METHODS)[number] } })}
        />
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">
          {t('contributions.schedule.oneOff')}
        </Text>
        {oneOff.map((c, i) => (
          <Group key={c.code} gap="xs" mb={4}>
            <TextInput aria-label={t('contributions.schedule.description')} value={c.description} onChange={(e) => onChange({ ...draft, oneOffCharges: oneOff.map((x, k) => (k === i ? { ...x, description: e.currentTarget.value } : x)) })} w={260} />
            <AmountInput aria-label={t('contributions.schedule.amount')} value={c.amountCents} w={140} onChange={(v) => onChange({ ...draft, oneOffCharges: oneOff.map((x, k) => (k === i ? { ...x, amountCents: v ?? 0 } : x)) })} />
            <Button size="xs" variant="subtle" color="red" onClick={() => onChange({ ...draft, oneOffCharges: oneOff.filter((_, k) => k !== i) })}>
              {t('common.remove')}
            </Button>
          </Group>
        ))}
        <Button size="xs" variant="subtle" onClick={() => onChange({ ...draft, oneOffCharges: [...oneOff, { code: `eenmalig-${oneOff.length + 1}`, description: 'Inschrijfgeld', amountCents: 0, appliesTo: 'nieuwe_leden', membershipTypes: [] }] })}>
          {t('contributions.schedule.addOneOff')}
        </Button>
      </Paper>
    </Stack>
  );
}
