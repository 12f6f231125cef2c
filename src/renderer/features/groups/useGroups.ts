import type { EventName } from '../../../shared/contract/events';
import type { Input } from '../../../shared/contract';
import { useMutation, useQuery } from '../../rpc/useQuery';

const GROUPS: EventName[] = ['groups.changed'];
// Members depend on relation facts (smart groups) as well as on the group's own entries.
const MEMBERS: EventName[] = ['groups.changed', 'relations.changed', 'selections.changed', 'memberships.changed'];

export function useGroupList() {
  return useQuery('groups.list', {}, { refreshOn: MEMBERS });
}

export function useGroup(id: string | undefined) {
  return useQuery('groups.get', { id: id ?? '' }, { enabled: Boolean(id), refreshOn: GROUPS });
}

export type MembersQuery = Omit<Input<'groups.members'>, 'groupId'>;

export function useGroupMembers(groupId: string, query: MembersQuery) {
  return useQuery('groups.members', { groupId, ...query }, { refreshOn: MEMBERS });
}

export function useGroupEntries(groupId: string) {
  return useQuery('groups.entries', { groupId }, { refreshOn: GROUPS });
}

export function useGroupRoles() {
  return useQuery('groupRoles.list', {}, {});
}

export function useGroupsOfRelation(relationId: string) {
  return useQuery('groups.ofRelation', { relationId }, { refreshOn: MEMBERS });
}

export function useGroupMutations() {
  return {
    create: useMutation('groups.create'),
    update: useMutation('groups.update'),
    remove: useMutation('groups.delete'),
  };
}

export function useMemberMutations() {
  return {
    add: useMutation('groups.addMember'),
    update: useMutation('groups.updateMember'),
    remove: useMutation('groups.removeMember'),
    exclude: useMutation('groups.exclude'),
  };
}
