import { createContext, useContext } from 'react';
import type { Condition } from '../../../shared/contract';
import type { ConditionLookups } from './useConditionLookups';

export interface BuilderContextValue {
  lookups: ConditionLookups;
  /** Atom types the builder must not offer (membership rules cannot refer to memberships). */
  exclude: readonly Condition['type'][];
  /** The group or selection being edited: not offered, as referring to itself is a cycle. */
  selfRef: { kind: 'group' | 'selection'; id: string } | null;
}

export const BuilderContext = createContext<BuilderContextValue | null>(null);

/** The lookups and settings of the surrounding ConditionBuilder (rows are always inside one). */
export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error('useBuilder outside ConditionBuilder');
  return value;
}
