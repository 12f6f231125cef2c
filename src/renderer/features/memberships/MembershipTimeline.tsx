import { Badge, Box, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { MembershipsError } from './MembershipsError';
import { TimelineLaneRow } from './TimelineLaneRow';
import { currentRuns, layoutTimeline, markExceptions } from './timeline-layout';
import { buildUnitTree, flattenTree } from './unit-tree';
import { useExceptions, useRelationMemberships, useUnits } from './useMemberships';

/** Every computed membership of the relation as bars over the years, per unit and type. */
export function MembershipTimeline({ relationId }: { relationId: string }) {
  const { t } = useTranslation();
  const memberships = useRelationMemberships(relationId);
  const today = todayIsoLocal();
  const units = useUnits(today);
  const exceptions = useExceptions(relationId);
  const rows = markExceptions(memberships.data?.rows ?? [], exceptions.data?.rows ?? []);
  const flat = flattenTree(buildUnitTree(units.data?.rows ?? [], today));
  const depth = new Map(flat.map((n) => [n.unit.id, n.depth]));
  const layout = layoutTimeline(rows, today, flat.map((n) => n.unit.id));
  const runs = currentRuns(rows, today);
  // Label every year on short axes, every fifth on long ones.
  const step = layout.ticks.length > 16 ? 5 : layout.ticks.length > 8 ? 2 : 1;

  return (
    <Stack gap="sm" data-testid="membership-timeline">
      <Title order={4}>{t('memberships.timeline.title')}</Title>
      <MembershipsError error={memberships.error} />
      {memberships.loading && !memberships.data && <Loader size="sm" />}
      {memberships.data && rows.length === 0 && <Text c="dimmed">{t('memberships.timeline.none')}</Text>}
      {runs.length > 0 && (
        <Group gap="xs">
          {runs.map((r) => (
            <Badge key={r.typeName} size="lg" variant="light" tt="none" data-testid="membership-run">
              {r.since
                ? t('memberships.timeline.run', { type: r.typeName, count: r.years, since: showDate(r.since) })
                : t('memberships.timeline.runAlways', { type: r.typeName })}
            </Badge>
          ))}
        </Group>
      )}
      {rows.length > 0 && (
        <Stack gap="xs">
          <Group gap="sm" wrap="nowrap">
            <Box w={220} style={{ flexShrink: 0 }} />
            <Box pos="relative" h={16} style={{ flex: 1 }}>
              {layout.ticks
                .filter((tick, i) => i % step === 0 || i === layout.ticks.length - 1)
                .map((tick) => (
                  <Text
                    key={tick.year}
                    size="xs"
                    c="dimmed"
                    pos="absolute"
                    style={{ left: `${tick.left}%`, transform: tick.left >= 100 ? 'translateX(-100%)' : tick.left <= 0 ? undefined : 'translateX(-50%)' }}
                  >
                    {tick.year}
                  </Text>
                ))}
            </Box>
          </Group>
          {layout.lanes.map((lane) => (
            <TimelineLaneRow key={lane.key} lane={lane} today={layout.today} depth={depth.get(lane.unitId) ?? 0} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
