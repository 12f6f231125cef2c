/** Placeholder until the feature lands. */
export function UnitsPage(_props: { id?: string | undefined }) {
  return null;
}
