/** Placeholder until the feature lands. */
export function RelationMembershipsTab(_props: { relationId: string }) {
  return null;
}
