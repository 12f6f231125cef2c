import { useEffect, useState } from 'react';
import type { UnitRuleDto } from '../../../shared/contract';
import { call, onEvent } from '../../rpc/client';

/**
 * The rule versions of several units at once (the units on one path), reloaded when
 * memberships change. Failures leave the list empty: this only enriches an explanation.
 */
export function useRulesOf(unitIds: string[]): Map<string, UnitRuleDto[]> {
  const [rules, setRules] = useState<Map<string, UnitRuleDto[]>>(new Map());
  const [tick, setTick] = useState(0);
  const key = unitIds.join('|');
  useEffect(() => onEvent((e) => e.name === 'memberships.changed' && setTick((n) => n + 1)), []);
  useEffect(() => {
    let live = true;
    const ids = key ? key.split('|') : [];
    Promise.all(ids.map((id) => call('units.get', { id }).then((u) => [id, u.rules] as const))).then(
      (pairs) => live && setRules(new Map(pairs)),
      () => live && setRules(new Map()),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return rules;
}
