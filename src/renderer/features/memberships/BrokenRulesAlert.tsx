import type { EventName } from '../../../shared/contract/events';
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../rpc/useQuery';
import { brokenRuleText } from './broken-rule-text';

const REFRESH: EventName[] = ['memberships.changed', 'groups.changed', 'selections.changed', 'relations.changed'];

/**
 * Rules that cannot be evaluated (an older file, an edit outside the program), by name, and
 * which units' memberships are therefore not being updated. Shown where memberships are.
 */
export function BrokenRulesAlert() {
  const { t } = useTranslation();
  const q = useQuery('memberships.brokenRules', {}, { refreshOn: REFRESH });
  const rows = q.data?.rows ?? [];
  if (rows.length === 0) return null;
  const units = [...new Map(rows.flatMap((r) => r.staleUnits).map((u) => [u.id, u.name])).values()];
  return (
    <Alert color="orange" title={t('memberships.broken.title', { count: rows.length })} data-testid="broken-rules">
      <List size="sm" mb="xs">
        {rows.map((r) => (
          <List.Item key={r.ruleId}>{brokenRuleText(t, r)}</List.Item>
        ))}
      </List>
      <Text size="sm">{t('memberships.broken.stale', { units: units.join(', ') })}</Text>
      <Text size="sm">{t('memberships.broken.repair')}</Text>
    </Alert>
  );
}
