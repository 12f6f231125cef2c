import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseMonthDay, showMonthDay, type Step } from './schedule-model';

/** Stepped percentages by date in the period (Jan–Mar 100%, Apr–Jun 80%, …). */
export function StepsEditor({ label, steps, onChange, testId }: { label: string; steps: Step[]; onChange: (s: Step[]) => void; testId: string }) {
  const { t } = useTranslation();
  const set = (i: number, s: Partial<Step>) => onChange(steps.map((x, k) => (k === i ? { ...x, ...s } : x)));
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {steps.map((s, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('contributions.schedule.from')}
            placeholder={t('contributions.schedule.from')}
            defaultValue={showMonthDay(s.from)}
            w={110}
            onBlur={(e) => {
              const md = parseMonthDay(e.currentTarget.value);
              if (md) set(i, { from: md });
            }}
          />
          <NumberInput aria-label={t('contributions.schedule.percent')} value={s.percent} min={0} max={100} suffix="%" w={100} onChange={(v) => set(i, { percent: Number(v) || 0 })} />
          <ActionIcon variant="subtle" color="red" aria-label={t('common.remove')} onClick={() => onChange(steps.filter((_, k) => k !== i))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="subtle" onClick={() => onChange([...steps, { from: '01-01', percent: 100 }])}>
          {t('contributions.schedule.addStep')}
        </Button>
      </Group>
    </Stack>
  );
}
