import type { EventName } from '../../../shared/contract/events';
import { useMemo } from 'react';
import type { Condition, CustomFieldDto, GroupDto, GroupRoleDto, LinkTypeDto, MembershipTypeDto, RelationTypeDto, SelectionDto, TagDto, UnitDto } from '../../../shared/contract';
import { useQuery } from '../../rpc/useQuery';

type SubscriptionTypeRow = { id: string; code: string; name: string };

/** Everything the row editors offer to choose from. Lists the builder may not use stay empty. */
export interface ConditionLookups {
  relationTypes: RelationTypeDto[];
  tags: TagDto[];
  customFields: CustomFieldDto[];
  linkTypes: LinkTypeDto[];
  subscriptionTypes: SubscriptionTypeRow[];
  membershipTypes: MembershipTypeDto[];
  units: UnitDto[];
  groups: GroupDto[];
  groupRoles: GroupRoleDto[];
  selections: SelectionDto[];
}

const CLASSIFICATION: EventName[] = ['classification.changed', 'relations.changed'];

/** Loads the reference lists once per builder (not per row); excluded atoms skip their lists. */
export function useConditionLookups(exclude: readonly Condition['type'][]): ConditionLookups {
  const uses = (type: Condition['type']) => !exclude.includes(type);
  const relationTypes = useQuery('relationTypes.list', {}, { refreshOn: CLASSIFICATION, enabled: uses('relationType') });
  const tags = useQuery('tags.list', {}, { refreshOn: CLASSIFICATION, enabled: uses('tag') });
  const customFields = useQuery('customFields.list', {}, { refreshOn: CLASSIFICATION, enabled: uses('customField') });
  const linkTypes = useQuery('linkTypes.list', {}, { refreshOn: ['linkTypes.changed'], enabled: uses('link') });
  const subscriptionTypes = useQuery('subscriptionTypes.list', {}, { refreshOn: ['memberships.changed'], enabled: uses('subscription') });
  const membershipTypes = useQuery('membershipTypes.list', {}, { refreshOn: ['memberships.changed'], enabled: uses('membership') });
  const units = useQuery('units.list', {}, { refreshOn: ['memberships.changed'], enabled: uses('membership') });
  const groups = useQuery('groups.list', {}, { refreshOn: ['groups.changed'], enabled: uses('groupMember') });
  const groupRoles = useQuery('groupRoles.list', {}, { enabled: uses('groupMember') });
  const selections = useQuery('selections.list', {}, { refreshOn: ['selections.changed'], enabled: uses('selection') });
  return useMemo(
    () => ({
      relationTypes: relationTypes.data?.rows ?? [],
      tags: tags.data?.rows ?? [],
      customFields: customFields.data?.rows ?? [],
      linkTypes: linkTypes.data?.rows ?? [],
      subscriptionTypes: subscriptionTypes.data?.rows ?? [],
      membershipTypes: membershipTypes.data?.rows ?? [],
      units: units.data?.rows ?? [],
      groups: groups.data?.rows ?? [],
      groupRoles: groupRoles.data?.rows ?? [],
      selections: selections.data?.rows ?? [],
    }),
    [
      relationTypes.data,
      tags.data,
      customFields.data,
      linkTypes.data,
      subscriptionTypes.data,
      membershipTypes.data,
      units.data,
      groups.data,
      groupRoles.data,
      selections.data,
    ],
  );
}
