import type { Condition } from '../../../../shared/contract';

/** Every atom editor gets its own atom and hands back the whole replacement. */
export interface EditorProps<T extends Condition['type']> {
  value: Extract<Condition, { type: T }>;
  onChange: (next: Condition) => void;
}

/** NumberInput gives '' for an empty field: that means "no bound". */
export function numberOrUndefined(v: string | number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
