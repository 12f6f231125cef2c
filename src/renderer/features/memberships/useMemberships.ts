import type { EventName } from '../../../shared/contract/events';
import { useMemo } from 'react';
import type { Input } from '../../../shared/contract';
import { useQuery } from '../../rpc/useQuery';
import { useLinkTypes, useRelationTypes, useTags } from '../classification/useClassification';
import type { ConditionNames } from './condition-text';

// Every write to units, rules and types announces 'memberships.changed'; relation writes
// (addresses, subscriptions, exceptions) announce 'relations.changed' and recompute the relation.
const REFRESH: EventName[] = ['memberships.changed', 'relations.changed'];

export function useUnits(on: string) {
  return useQuery('units.list', { on }, { refreshOn: REFRESH });
}

export function useUnit(id: string, on: string) {
  return useQuery('units.get', { id, on }, { refreshOn: REFRESH });
}

export function useMembershipTypes() {
  return useQuery('membershipTypes.list', {}, { refreshOn: ['memberships.changed'] });
}

/** Subscription types announce no event: the section reloads after creating one. */
export function useSubscriptionTypes() {
  return useQuery('subscriptionTypes.list', {}, { refreshOn: ['memberships.changed'] });
}

export function useUnitMembers(params: Input<'memberships.list'>) {
  return useQuery('memberships.list', params, { refreshOn: REFRESH });
}

export function useJubilees(params: Input<'memberships.jubilees'>, enabled: boolean) {
  return useQuery('memberships.jubilees', params, { refreshOn: REFRESH, enabled });
}

export function useRelationMemberships(relationId: string) {
  return useQuery('memberships.ofRelation', { relationId }, { refreshOn: REFRESH });
}

export function useSubscriptions(relationId: string) {
  return useQuery('subscriptions.list', { relationId }, { refreshOn: REFRESH });
}

export function useExceptions(relationId: string) {
  return useQuery('exceptions.list', { relationId }, { refreshOn: REFRESH });
}

export function useExplanation(params: Input<'memberships.explain'> | null) {
  const fallback: Input<'memberships.explain'> = { relationId: '', unitId: '', membershipTypeId: '', on: '2000-01-01' };
  return useQuery('memberships.explain', params ?? fallback, { refreshOn: REFRESH, enabled: params !== null });
}

/** Names for codes and ids inside conditions, from the reference lists. */
export function useConditionNames(): ConditionNames {
  const subscriptionTypes = useSubscriptionTypes();
  const membershipTypes = useMembershipTypes();
  const relationTypes = useRelationTypes();
  const tags = useTags();
  const linkTypes = useLinkTypes();
  const units = useQuery('units.list', {}, { refreshOn: ['memberships.changed'] });
  return useMemo(
    () => ({
      subscriptionTypes: new Map((subscriptionTypes.data?.rows ?? []).map((r) => [r.code, r.name])),
      membershipTypes: new Map((membershipTypes.data?.rows ?? []).map((r) => [r.code, r.name])),
      relationTypes: new Map((relationTypes.data?.rows ?? []).map((r) => [r.code, r.name])),
      tags: new Map((tags.data?.rows ?? []).map((r) => [r.id, r.name])),
      linkTypes: new Map((linkTypes.data?.rows ?? []).map((r) => [r.code, r.name])),
      units: new Map((units.data?.rows ?? []).map((r) => [r.id, r.name])),
    }),
    [subscriptionTypes.data, membershipTypes.data, relationTypes.data, tags.data, linkTypes.data, units.data],
  );
}
