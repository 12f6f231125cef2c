import { useState } from 'react';
import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvaluationMoment } from '../../../shared/contract';
import { exclusiveEnd, inclusiveEnd, todayIsoLocal } from '../../lib/dates';
import { DateField } from '../../components/DateField';

interface Props {
  value: EvaluationMoment;
  onChange: (moment: EvaluationMoment) => void;
}

type Mode = 'on' | 'period' | 'whole';

/**
 * "Op datum …" (default today), "In periode van … t/m …" (at least one day) or "Hele periode"
 * (every day); the API's period end is exclusive.
 */
export function MomentInput({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('on' in value ? 'on' : value.wholePeriod ? 'whole' : 'period');
  const on = 'on' in value ? value.on : value.from;
  const from = 'from' in value ? value.from : value.on;
  const until = 'to' in value ? inclusiveEnd(value.to) : value.on;
  const setPeriod = (f: string | null, u: string | null, whole = mode === 'whole') => {
    const to = exclusiveEnd(u);
    if (f && to && f < to) onChange(whole ? { from: f, to, wholePeriod: true } : { from: f, to });
  };
  return (
    <Group gap="xs" align="flex-start" data-testid="moment-input">
      <SegmentedControl
        size="xs"
        mt={4}
        value={mode}
        onChange={(m) => {
          const next: Mode = m === 'period' || m === 'whole' ? m : 'on';
          setMode(next);
          if (next === 'on') onChange({ on });
          else setPeriod(from, until, next === 'whole');
        }}
        data={[
          { value: 'on', label: t('conditions.moment.on') },
          { value: 'period', label: t('conditions.moment.period') },
          { value: 'whole', label: t('conditions.moment.whole') },
        ]}
        aria-label={t('conditions.moment.label')}
      />
      {mode === 'on' ? (
        <DateField size="xs" w={130} value={on} onChange={(d) => d && onChange({ on: d })} aria-label={t('conditions.moment.date')} data-testid="moment-date" />
      ) : (
        <Group gap={6} wrap="nowrap" title={t(mode === 'whole' ? 'conditions.moment.wholeHint' : 'conditions.moment.periodHint')}>
          <DateField size="xs" w={130} value={from} onChange={(f) => setPeriod(f, until)} aria-label={t('conditions.moment.from')} data-testid="moment-from" />
          <Text size="sm" mt={4}>
            {t('conditions.atom.through')}
          </Text>
          <DateField size="xs" w={130} value={until} onChange={(u) => setPeriod(from, u)} aria-label={t('conditions.moment.until')} data-testid="moment-until" />
        </Group>
      )}
      {mode !== 'on' && (
        <Text size="xs" c="dimmed" mt={6} data-testid="moment-hint">
          {t(mode === 'whole' ? 'conditions.moment.wholeHint' : 'conditions.moment.periodHint')}
        </Text>
      )}
      {mode === 'on' && on !== todayIsoLocal() && (
        <Button size="compact-xs" variant="subtle" mt={4} onClick={() => onChange({ on: todayIsoLocal() })}>
          {t('conditions.moment.today')}
        </Button>
      )}
    </Group>
  );
}
