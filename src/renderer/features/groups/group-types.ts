import type { GroupType } from '../../../shared/contract';

export const GROUP_TYPES: GroupType[] = ['board', 'committee', 'working_group', 'mailing_list', 'contribution', 'other'];

/** A Mantine palette colour per type, so the tree can be scanned by type at a glance. */
export const GROUP_TYPE_COLOR: Record<GroupType, string> = {
  board: 'teal',
  committee: 'blue',
  working_group: 'grape',
  mailing_list: 'orange',
  contribution: 'cyan',
  other: 'gray',
};

/** Role colours for the timeline, cycling through theme palettes. */
const ROLE_COLORS = ['teal', 'blue', 'grape', 'orange', 'indigo', 'pink', 'lime', 'cyan'];

export function roleColor(index: number): string {
  return ROLE_COLORS[index % ROLE_COLORS.length] ?? 'gray';
}
