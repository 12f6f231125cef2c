import { useCallback, useRef, useState } from 'react';

/**
 * Selection the way file managers do it, over the rows shown: a click selects one row,
 * Ctrl/⌘-click adds or removes one, Shift-click selects the range from the last clicked row.
 * "Alle N selecteren" selects the whole list, including rows not on this page.
 */
export function useListSelection(rowIds: readonly string[] | ((index: number) => string | undefined)) {
  const [ids, setIds] = useState<Set<string>>(new Set());
  const [all, setAll] = useState(false);
  const anchor = useRef<number | null>(null);

  const click = useCallback(
    (index: number, mods: { shift: boolean; toggle: boolean }) => {
      const idAt = typeof rowIds === 'function' ? rowIds : (i: number) => rowIds[i];
      const id = idAt(index);
      if (id === undefined) return;
      setAll(false);
      if (mods.shift && anchor.current !== null) {
        const [a, b] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        // Rows of a long list that are not loaded yet are left out of the range.
        const range: string[] = [];
        for (let i = a; i <= b; i++) {
          const r = idAt(i);
          if (r !== undefined) range.push(r);
        }
        setIds((s) => new Set([...(mods.toggle ? s : []), ...range]));
        return;
      }
      anchor.current = index;
      if (mods.toggle) {
        setIds((s) => {
          const next = new Set(s);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        });
      } else setIds((s) => (s.size === 1 && s.has(id) ? new Set() : new Set([id])));
    },
    [rowIds],
  );
  const clear = useCallback(() => {
    setIds(new Set());
    setAll(false);
    anchor.current = null;
  }, []);
  const selectAll = useCallback(() => setAll(true), []);
  const isSelected = useCallback((id: string) => all || ids.has(id), [all, ids]);
  return { ids, all, click, clear, selectAll, isSelected };
}

export type ListSelection = ReturnType<typeof useListSelection>;
