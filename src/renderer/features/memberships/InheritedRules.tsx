import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDto } from '../../../shared/contract';
import { conditionText, type ConditionNames } from './condition-text';
import { versionStatus } from './rule-versions';
import { useMembershipTypes } from './useMemberships';
import { useRulesOf } from './useRulesOf';

/** The rules in force on `on` at every unit above this one: members must meet those too. */
export function InheritedRules({ ancestors, on, names }: { ancestors: UnitDto[]; on: string; names: ConditionNames }) {
  const { t } = useTranslation();
  const rules = useRulesOf(ancestors.map((u) => u.id));
  const types = useMembershipTypes();
  const typeName = (id: string | null) =>
    id === null ? t('units.rules.general') : t('units.rules.forType', { type: types.data?.rows.find((r) => r.id === id)?.name ?? '' });
  const lines = ancestors.flatMap((unit) =>
    (rules.get(unit.id) ?? [])
      .filter((r) => versionStatus(r, on) === 'current' && r.condition)
      .map((r) => ({ key: r.id, unit: unit.name, rule: typeName(r.membershipTypeId), text: conditionText(t, r.condition, names) })),
  );
  if (ancestors.length === 0) return null;
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-gray-light)" data-testid="inherited-rules">
      <Title order={5} mb={4}>
        {t('units.rules.inherited')}
      </Title>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('units.rules.inheritedNone')}
        </Text>
      ) : (
        <Stack gap={2}>
          {lines.map((l) => (
            <Text key={l.key} size="sm">
              <Text span fw={600}>
                {l.unit}
              </Text>{' '}
              · {l.rule}: {l.text}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
