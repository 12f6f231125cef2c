/** Placeholder until the feature lands. */
export function GroupsPage(_props: { id?: string | undefined }) {
  return null;
}
