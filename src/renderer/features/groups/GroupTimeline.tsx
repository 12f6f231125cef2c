import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIsoLocal } from '../../lib/dates';
import { usePeriodText } from '../../lib/usePeriodText';
import { roleColor } from './group-types';
import { buildTimeline } from './timeline-model';
import { useGroupEntries, useGroupRoles } from './useGroups';

const LABEL_WIDTH = 240;
const LANE_HEIGHT = 36;

/** The board over the years: a bar per person and role, with today marked. */
export function GroupTimeline({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const entries = useGroupEntries(groupId);
  const roles = useGroupRoles();
  const roleCodes = (roles.data?.rows ?? []).map((r) => r.code);
  if (!entries.data) return null;
  const timeline = buildTimeline(entries.data.rows, todayIsoLocal(), roleCodes);
  if (timeline.lanes.length === 0) return <Text c="dimmed">{t('groups.timeline.none')}</Text>;
  const years = Array.from({ length: timeline.endYear - timeline.startYear }, (_, i) => timeline.startYear + i);
  const yearWidth = 100 / years.length;

  return (
    <Stack gap={4} data-testid="group-timeline">
      <Group gap={0} wrap="nowrap">
        <Box w={LABEL_WIDTH} miw={LABEL_WIDTH} />
        <Box pos="relative" h={20} style={{ flex: 1 }}>
          {years.map((y, i) => (
            <Text key={y} size="xs" c="dimmed" pos="absolute" left={`${i * yearWidth}%`} pl={4} data-testid="timeline-year">
              {y}
            </Text>
          ))}
        </Box>
      </Group>
      {timeline.lanes.map((lane) => {
        const color = roleColor(Math.max(0, roleCodes.indexOf(lane.roleCode ?? '')));
        return (
          <Group key={lane.key} gap={0} wrap="nowrap" data-testid="timeline-lane" data-name={lane.name} data-role={lane.roleName ?? ''}>
            <Box w={LABEL_WIDTH} miw={LABEL_WIDTH} pr="sm">
              <Text size="sm" truncate lh={1.2}>
                {lane.name}
              </Text>
              <Text size="xs" c="dimmed" truncate lh={1.2}>
                {lane.roleName ?? ''}
              </Text>
            </Box>
            <Box pos="relative" h={LANE_HEIGHT} style={{ flex: 1, background: 'var(--mantine-color-gray-light)', borderRadius: 'var(--mantine-radius-sm)' }}>
              {years.map((y, i) => (
                <Box key={y} pos="absolute" top={0} bottom={0} left={`${i * yearWidth}%`} style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }} />
              ))}
              {lane.bars.map((bar) => (
                <Tooltip key={bar.entryId} label={period(bar.validFrom, bar.validTo) || t('conditions.period.always')} withArrow>
                  <Box
                    pos="absolute"
                    top={6}
                    bottom={6}
                    left={`${bar.left}%`}
                    w={`${bar.width}%`}
                    data-testid="timeline-bar"
                    style={{
                      background: `var(--mantine-color-${color}-filled)`,
                      borderRadius: 'var(--mantine-radius-sm)',
                      opacity: bar.left > timeline.today ? 0.55 : 1,
                      borderTopRightRadius: bar.openEnd ? 0 : undefined,
                      borderBottomRightRadius: bar.openEnd ? 0 : undefined,
                    }}
                  />
                </Tooltip>
              ))}
              <Box pos="absolute" top={0} bottom={0} left={`${timeline.today}%`} style={{ borderLeft: '2px solid var(--mantine-color-red-filled)' }} />
            </Box>
          </Group>
        );
      })}
      <Group gap="md" mt={4}>
        <Group gap={4}>
          <Box w={12} h={12} style={{ borderLeft: '2px solid var(--mantine-color-red-filled)' }} />
          <Text size="xs" c="dimmed">
            {t('groups.timeline.today')}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('groups.timeline.futureHint')}
        </Text>
      </Group>
    </Stack>
  );
}
