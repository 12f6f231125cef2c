import { useMemo, useState } from 'react';
import { Alert, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { DateField } from '../../components/DateField';
import { ExplanationLineView } from './ExplanationLineView';
import { explainContext, explainLines, verdictText } from './explanation-text';
import { MembershipsError } from './MembershipsError';
import { buildUnitTree, flattenTree, unitPath } from './unit-tree';
import { useConditionNames, useExplanation, useMembershipTypes, useUnits } from './useMemberships';
import { useRulesOf } from './useRulesOf';
import { UnitSelect } from './UnitSelect';

/** "Waarom (niet)?": for a unit, type and date, the engine's reasoning in words. */
export function ExplainSection({ relationId }: { relationId: string }) {
  const { t } = useTranslation();
  const [on, setOn] = useState<string | null>(todayIsoLocal());
  const day = on ?? todayIsoLocal();
  const units = useUnits(day);
  const types = useMembershipTypes();
  const names = useConditionNames();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [chosenType, setChosenType] = useState<string | null>(null);
  const typeId = chosenType ?? types.data?.rows[0]?.id ?? null;
  const type = types.data?.rows.find((r) => r.id === typeId);
  const unitRows = units.data?.rows ?? [];
  const flat = useMemo(() => flattenTree(buildUnitTree(unitRows, day)), [unitRows, day]);
  const path = unitId ? unitPath(unitRows, unitId, day) : [];
  const rules = useRulesOf(path.map((u) => u.id));
  const params = unitId && typeId && on ? { relationId, unitId, membershipTypeId: typeId, on } : null;
  const explanation = useExplanation(params);
  const unitName = unitRows.find((u) => u.id === unitId)?.name ?? '';

  const data = params ? explanation.data : undefined;
  const lines = data ? explainLines(explainContext({ t, names, baseCondition: type?.baseCondition ?? undefined, typeId, path, rules }), data.tree) : null;
  const verdict = { type: type?.name ?? '', unit: unitName, date: showDate(on) };

  return (
    <Stack gap="sm" data-testid="explain">
      <Title order={4}>{t('memberships.explain.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('memberships.explain.explain')}
      </Text>
      <Group align="flex-start">
        <UnitSelect label={t('memberships.explain.unit')} units={flat} value={unitId} onChange={setUnitId} w={260} data-field="explainUnit" />
        <Select
          label={t('memberships.explain.type')}
          data={(types.data?.rows ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={typeId}
          onChange={setChosenType}
          allowDeselect={false}
          w={200}
          data-field="explainType"
        />
        <DateField label={t('memberships.explain.date')} value={on} onChange={setOn} w={150} data-field="explainDate" />
      </Group>
      <MembershipsError error={params ? explanation.error : null} />
      {params && explanation.loading && !data && <Loader size="sm" />}
      {data && lines && (
        <Stack gap="xs">
          <Alert color={data.member ? 'teal' : 'red'} data-testid="explain-verdict" data-member={data.member}>
            {verdictText(t, data.member, verdict)}
          </Alert>
          <Stack gap={2} data-testid="explain-tree">
            {lines.children.map((line, i) => (
              <ExplanationLineView key={i} line={line} />
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
