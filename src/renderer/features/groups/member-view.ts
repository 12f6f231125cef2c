import type { GroupMemberEntryDto } from '../../../shared/contract';
import type { MembersQuery } from './useGroups';

/** The members tab's switch: by scope relative to today, or on a chosen date. */
export type MemberView = 'current' | 'past' | 'future' | 'all' | 'on';
export const MEMBER_VIEWS: MemberView[] = ['current', 'past', 'future', 'all', 'on'];

export function membersQuery(view: MemberView, on: string, page: number, pageSize: number): MembersQuery {
  const paging = { offset: (page - 1) * pageSize, limit: pageSize };
  return view === 'on' ? { on, scope: 'current', ...paging } : { scope: view, ...paging };
}

/** Hand-entered memberships of a relation that hold on `day` ([validFrom, validTo)). */
export function entriesOn(entries: GroupMemberEntryDto[], relationId: string, day: string): GroupMemberEntryDto[] {
  return entries.filter(
    (e) => e.mode === 'include' && e.relationId === relationId && (!e.validFrom || e.validFrom <= day) && (!e.validTo || e.validTo > day),
  );
}
