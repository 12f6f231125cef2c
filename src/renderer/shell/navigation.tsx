import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Condition, EvaluationMoment } from '../../shared/contract';
import type { ReportKey } from '../features/reports/report-requests';
import { UnsavedChangesModal } from './UnsavedChangesModal';

export type CardTab = 'fields' | 'addresses' | 'links' | 'classification' | 'groups' | 'memberships' | 'contributions' | 'contacts' | 'history';

export type Route =
  | { page: 'overview' }
  /** The list behind a number: exactly the condition and moment that counted it. */
  | { page: 'list'; title: string; condition: Condition; moment: EvaluationMoment }
  | { page: 'reports'; report?: ReportKey }
  | { page: 'relations' }
  | { page: 'relation'; id: string; tab?: CardTab }
  | { page: 'trash' }
  | { page: 'history' }
  | { page: 'settings' }
  | { page: 'groups'; id?: string }
  | { page: 'selections'; id?: string }
  | { page: 'units'; id?: string }
  | { page: 'duplicates' }
  | { page: 'io'; tab?: 'import' | 'export' | 'merge' | 'labels' }
  | { page: 'today' }
  | { page: 'requests' }
  | { page: 'log' }
  | { page: 'contributions'; tab?: 'schedules' | 'runs' | 'invoices' | 'open' | 'incasso' } 
  | { page: 'bank' };

interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
  back: () => void;
  canGoBack: boolean;
  /** A screen says whether it holds unsaved edits (see useUnsavedChanges). */
  setUnsaved: (owner: string, dirty: boolean) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

/**
 * In-memory routing: the app is one window with a handful of screens, and the URL of the
 * web host carries the session token, so screens are state, with a back stack. Leaving a
 * screen that holds unsaved edits asks first, whichever way the user leaves (menu, back,
 * search, a link).
 */
export function NavigationProvider({ children }: { children: ReactNode }) {
  const [stack, setStack] = useState<Route[]>([{ page: 'overview' }]);
  const unsaved = useRef(new Set<string>());
  const [pending, setPending] = useState<(() => void) | null>(null);
  const guarded = useCallback((go: () => void) => {
    if (unsaved.current.size > 0) setPending(() => go);
    else go();
  }, []);
  const navigate = useCallback((route: Route) => guarded(() => setStack((s) => [...s.slice(-30), route])), [guarded]);
  const back = useCallback(() => guarded(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s))), [guarded]);
  const setUnsaved = useCallback((owner: string, dirty: boolean) => {
    if (dirty) unsaved.current.add(owner);
    else unsaved.current.delete(owner);
  }, []);
  const value = useMemo<Navigation>(
    () => ({ route: stack[stack.length - 1] ?? { page: 'overview' }, navigate, back, canGoBack: stack.length > 1, setUnsaved }),
    [stack, navigate, back, setUnsaved],
  );
  return (
    <NavigationContext.Provider value={value}>
      {children}
      <UnsavedChangesModal
        opened={pending !== null}
        onStay={() => setPending(null)}
        onLeave={() => {
          // The edits are given up: the screen unmounts and its guard with it.
          unsaved.current.clear();
          pending?.();
          setPending(null);
        }}
      />
    </NavigationContext.Provider>
  );
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside NavigationProvider');
  return nav;
}

/**
 * Marks the calling screen as holding unsaved edits while `dirty`: leaving it then asks first.
 * Returns `saved()`, for a save that navigates at once (before `dirty` has re-rendered false).
 */
export function useUnsavedChanges(dirty: boolean): () => void {
  const { setUnsaved } = useNavigation();
  const owner = useId();
  useEffect(() => {
    setUnsaved(owner, dirty);
    return () => setUnsaved(owner, false);
  }, [owner, dirty, setUnsaved]);
  return useCallback(() => setUnsaved(owner, false), [owner, setUnsaved]);
}
