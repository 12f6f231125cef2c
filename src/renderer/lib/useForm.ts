import { useCallback, useMemo, useRef, useState } from 'react';
import type { FieldIssue } from '../../shared/errors';
import { fieldKey } from './issues';
import type { Check } from './validators';

export interface FormState<V> {
  values: V;
  set: <K extends keyof V>(field: K, value: V[K]) => void;
  /** Replaces all values (e.g. after loading) and clears the issues. */
  reset: (values: V) => void;
  /** Issue per field name (the form's names; server paths are mapped with prefixes stripped). */
  issues: Record<string, FieldIssue>;
  setIssues: (issues: FieldIssue[], stripPrefixes?: readonly string[]) => void;
  /** Runs the field's instant check; call on blur. */
  checkField: (field: keyof V & string) => void;
  dirty: boolean;
}

function omit<T>(map: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...map };
  delete copy[key];
  return copy;
}

/** Plain controlled form state with Dutch field checks; no library needed for forms this size. */
export function useForm<V extends object>(initial: V, checks: Partial<Record<keyof V & string, Check>> = {}): FormState<V> {
  const [values, setValues] = useState<V>(initial);
  const [pristine, setPristine] = useState<V>(initial);
  const [issues, setIssueMap] = useState<Record<string, FieldIssue>>({});

  // "Reward early, punish late": a field that shows a problem is re-checked on every change,
  // so the message updates or disappears while typing instead of on blur (which would move
  // the layout under the pointer just as the user clicks Save).
  const checksRef = useRef(checks);
  checksRef.current = checks;
  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setIssueMap((m) => {
      const name = field as string;
      if (!(name in m)) return m;
      const check = checksRef.current[field as keyof V & string];
      if (!check || typeof value !== 'string') return omit(m, name);
      const r = check(value);
      return r.ok ? omit(m, name) : { ...m, [name]: { field: name, code: r.code, details: r.details } };
    });
  }, []);

  const reset = useCallback((next: V) => {
    setValues(next);
    setPristine(next);
    setIssueMap({});
  }, []);

  const setIssues = useCallback((list: FieldIssue[], stripPrefixes?: readonly string[]) => {
    const map: Record<string, FieldIssue> = {};
    for (const issue of list) {
      const key = fieldKey(issue.field, stripPrefixes);
      map[key] ??= { ...issue, field: key };
    }
    setIssueMap(map);
  }, []);

  const checkField = useCallback(
    (field: keyof V & string) => {
      const check = checks[field];
      const raw = (values as Record<string, unknown>)[field];
      if (!check || typeof raw !== 'string') return;
      const r = check(raw);
      setIssueMap((m) => (r.ok ? omit(m, field) : { ...m, [field]: { field, code: r.code, details: r.details } }));
    },
    [checks, values],
  );

  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(pristine), [values, pristine]);
  return { values, set, reset, issues, setIssues, checkField, dirty };
}
