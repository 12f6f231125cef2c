import { Badge, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitRuleDto } from '../../../shared/contract';
import { usePeriodText } from '../../lib/usePeriodText';
import { conditionText, type ConditionNames } from './condition-text';
import { brokenReasonText } from './broken-rule-text';
import { versionStatus } from './rule-versions';

interface Props {
  title: string;
  versions: UnitRuleDto[];
  on: string;
  names: ConditionNames;
  onNewVersion: () => void;
  onRemove: (version: UnitRuleDto) => void;
}

const STATUS_COLOR = { past: 'gray', current: 'teal', scheduled: 'blue' } as const;

/** One rule's versions on a small timeline: from … t/m …, the one in force on `on` marked. */
export function RuleTimeline({ title, versions, on, names, onNewVersion, onRemove }: Props) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const active = versions.reduce((last, v, i) => (versionStatus(v, on) === 'scheduled' ? last : i), -1);
  return (
    <Paper withBorder p="md" data-testid="rule-timeline" data-rule={title}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        <Button size="xs" variant="light" onClick={onNewVersion} data-testid="new-version">
          {t('units.rules.newVersion')}
        </Button>
      </Group>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('units.rules.none')}
        </Text>
      ) : (
        <Timeline active={active} bulletSize={14} lineWidth={2}>
          {versions.map((v) => {
            const status = versionStatus(v, on);
            return (
              <Timeline.Item
                key={v.id}
                data-testid="rule-version"
                data-status={status}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {period(v.validFrom, v.validTo) || t('units.rules.always')}
                    </Text>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[status]}>
                      {t(`units.rules.status.${status}`)}
                    </Badge>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(v)}>
                      {t('units.rules.removeVersion')}
                    </Button>
                  </Group>
                }
              >
                <Stack gap={2}>
                  {v.broken ? (
                    <Text size="sm" c="orange.8" data-testid="rule-condition">
                      <Badge size="sm" color="orange" variant="light" mr={6}>
                        {t('memberships.broken.badge')}
                      </Badge>
                      {brokenReasonText(t, v.broken)}
                    </Text>
                  ) : (
                    <Text size="sm" c={v.condition ? undefined : 'dimmed'} data-testid="rule-condition">
                      {v.condition ? conditionText(t, v.condition, names) : t('units.rules.noRestriction')}
                    </Text>
                  )}
                  {v.note && (
                    <Text size="xs" c="dimmed">
                      {v.note}
                    </Text>
                  )}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
