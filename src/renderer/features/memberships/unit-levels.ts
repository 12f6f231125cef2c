/** Level names offered when creating a unit; free text is allowed too. */
export const LEVEL_KEYS = ['organisation', 'province', 'municipality', 'department', 'region'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

/** What usually hangs under a unit of this level (Provincie → Gemeente → Afdeling). */
export function childLevel(parentLevel: LevelKey | null): LevelKey {
  switch (parentLevel) {
    case null:
      return 'organisation';
    case 'organisation':
      return 'province';
    case 'province':
      return 'municipality';
    default:
      return 'department';
  }
}
