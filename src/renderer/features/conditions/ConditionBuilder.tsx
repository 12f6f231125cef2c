import { useMemo } from 'react';
import type { Condition } from '../../../shared/contract';
import { BuilderContext, type BuilderContextValue } from './builder-context';
import { asGroup, type GroupCondition } from './condition-model';
import { useConditionLookups } from './useConditionLookups';
import { ConditionGroup } from './ConditionGroup';

export interface ConditionBuilderProps {
  value: Condition | null;
  /**
   * Receives every edit, drafts included (a row may still lack its values); use
   * `isComplete` from condition-model before saving or evaluating. No rows → null.
   */
  onChange: (c: Condition | null) => void;
  /** Atom types not to offer, e.g. ['membership', 'selection', 'groupMember'] for membership rules. */
  exclude?: Condition['type'][];
  /** The group or selection being edited, so it is not offered to refer to itself. */
  selfRef?: { kind: 'group' | 'selection'; id: string } | null;
}

const NONE: Condition['type'][] = [];

/**
 * The visual condition builder: "Alle volgende voorwaarden (EN)" / "Een van de volgende (OF)"
 * over rows in plain Dutch, each with NIET, nested groups where needed. No syntax to learn.
 */
export function ConditionBuilder({ value, onChange, exclude = NONE, selfRef = null }: ConditionBuilderProps) {
  const lookups = useConditionLookups(exclude);
  const context = useMemo<BuilderContextValue>(() => ({ lookups, exclude, selfRef }), [lookups, exclude, selfRef]);
  const root = asGroup(value);
  const change = (next: GroupCondition) => onChange(next.items.length ? next : null);
  return (
    <BuilderContext.Provider value={context}>
      <div data-testid="condition-builder">
        <ConditionGroup value={root} onChange={change} depth={0} />
      </div>
    </BuilderContext.Provider>
  );
}
