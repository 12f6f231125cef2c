/** Placeholder until the feature lands. */
export function RelationGroupsTab(_props: { relationId: string }) {
  return null;
}
