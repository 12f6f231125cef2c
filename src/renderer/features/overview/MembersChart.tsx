import { useMemo, useState } from 'react';
import { Card, Group, Loader, SegmentedControl, Select, Text } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { showDate } from '../../lib/dates';
import { useQuery } from '../../rpc/useQuery';
import { useNavigation } from '../../shell/navigation';

const MONTHS = 240;
const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6', 'indigo.6', 'yellow.7', 'green.7', 'gray.6'];

/**
 * Members on the first of each month over 20 years, per type or per unit. 240 points per line
 * are drawn without dots or animation so the chart stays smooth; a click opens the members of
 * the chosen line on that month's first day (the same condition the point counted).
 */
export function MembersChart({ until }: { until: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const [by, setBy] = useState<'type' | 'unit'>('type');
  const series = useQuery('overview.series', { until, months: MONTHS, by }, { refreshOn: ['memberships.changed'] });
  const [focus, setFocus] = useState<string | null>(null);
  const lines = series.data?.series ?? [];
  const focused = lines.find((l) => l.key === focus) ?? lines[0];
  const data = useMemo(() => {
    const s = series.data;
    if (!s) return [];
    return s.months.map((m, i) => {
      const point: Record<string, string | number> = { month: m.slice(0, 7) };
      for (const line of s.series) point[line.name] = line.counts[i] ?? 0;
      return point;
    });
  }, [series.data]);

  return (
    <Card withBorder padding="sm" data-testid="members-chart">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {t('overview.section.chart')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('overview.chart.months', { count: MONTHS })} · {t('overview.chart.pointHint')}
          </Text>
          {series.loading && <Loader size="xs" />}
        </Group>
        <Group gap="xs">
          {lines.length > 1 && (
            <Select
              size="xs"
              w={200}
              aria-label={t('overview.chart.pointHint')}
              value={focused?.key ?? null}
              allowDeselect={false}
              onChange={setFocus}
              data={lines.map((l) => ({ value: l.key, label: l.name }))}
            />
          )}
          <SegmentedControl
            size="xs"
            value={by}
            onChange={(v) => setBy(v === 'unit' ? 'unit' : 'type')}
            data={[
              { value: 'type', label: t('overview.chart.byType') },
              { value: 'unit', label: t('overview.chart.byUnit') },
            ]}
          />
        </Group>
      </Group>
      <LineChart
        h={280}
        data={data}
        dataKey="month"
        series={lines.map((l, i) => ({ name: l.name, color: COLORS[i % COLORS.length]! }))}
        withDots={false}
        withLegend
        curveType="linear"
        tickLine="x"
        gridAxis="y"
        lineProps={{ isAnimationActive: false }}
        xAxisProps={{ minTickGap: 40 }}
        lineChartProps={{
          onClick: (state) => {
            const index = typeof state.activeIndex === 'number' ? state.activeIndex : Number(state.activeIndex);
            const month = series.data?.months[index];
            if (!focused || month === undefined || Number.isNaN(index)) return;
            navigate({ page: 'list', title: t('overview.chart.membersOn', { name: focused.name, date: showDate(month) }), condition: focused.condition, moment: { on: month } });
          },
        }}
      />
    </Card>
  );
}
