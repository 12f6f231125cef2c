import { Badge, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeriodText } from '../../lib/usePeriodText';
import type { TimelineBar, TimelineLane } from './timeline-layout';

function barColor(bar: TimelineBar): string {
  if (bar.membership.viaException) return bar.current ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-orange-3)';
  if (bar.current) return 'var(--mantine-color-teal-6)';
  if (bar.future) return 'var(--mantine-color-blue-3)';
  return 'var(--mantine-color-gray-5)';
}

/** One unit and type: its bars over the years, then the periods written out. */
export function TimelineLaneRow({ lane, today, depth }: { lane: TimelineLane; today: number; depth: number }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const current = lane.bars.some((b) => b.current);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="timeline-lane" data-unit={lane.unitName} data-current={current || undefined}>
      <Stack gap={0} w={220} pl={depth * 12} style={{ flexShrink: 0 }}>
        <Text size="sm" fw={current ? 700 : 500} truncate>
          {lane.unitName}
        </Text>
        <Text size="xs" c="dimmed">
          {lane.typeName}
        </Text>
      </Stack>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Box pos="relative" h={18} bg="gray.1" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          {lane.bars.map((bar) => (
            <Tooltip
              key={bar.membership.id}
              label={`${period(bar.membership.startDate, bar.membership.endDate) || t('memberships.timeline.always')} · ${t('memberships.timeline.years', { count: bar.membership.years })}`}
            >
              <Box
                pos="absolute"
                top={2}
                h={14}
                data-testid="timeline-bar"
                style={{
                  left: `${bar.left}%`,
                  width: `${bar.width}%`,
                  background: barColor(bar),
                  borderRadius: 'var(--mantine-radius-xs)',
                  outline: bar.current ? '2px solid var(--mantine-color-teal-9)' : undefined,
                }}
              />
            </Tooltip>
          ))}
          <Box pos="absolute" top={-2} bottom={-2} w={2} bg="red.6" style={{ left: `${today}%` }} aria-hidden />
        </Box>
        <Group gap="xs">
          {lane.bars.map((bar) => (
            <Group key={bar.membership.id} gap={4} data-testid="timeline-period">
              <Text size="xs" fw={bar.current ? 600 : 400} c={bar.current ? undefined : 'dimmed'}>
                {period(bar.membership.startDate, bar.membership.endDate) || t('memberships.timeline.always')}
              </Text>
              {bar.current && (
                <Badge size="xs" color="teal">
                  {t('memberships.timeline.current')}
                </Badge>
              )}
              {bar.future && (
                <Badge size="xs" color="blue" variant="light">
                  {t('memberships.timeline.future')}
                </Badge>
              )}
              {bar.membership.viaException && (
                <Badge size="xs" color="orange" variant="light" data-testid="timeline-exception">
                  {t('memberships.timeline.exception')}
                </Badge>
              )}
            </Group>
          ))}
        </Group>
      </Stack>
    </Group>
  );
}
