/** Placeholder until the feature lands. */
export function SelectionsPage(_props: { id?: string | undefined }) {
  return null;
}
