import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type CardTab = 'fields' | 'addresses' | 'links' | 'classification' | 'groups' | 'memberships' | 'contributions' | 'history';

export type Route =
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
  | { page: 'contributions'; tab?: 'schedules' | 'runs' | 'invoices' | 'open' };

interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
  back: () => void;
  canGoBack: boolean;
}

const NavigationContext = createContext<Navigation | null>(null);

/**
 * In-memory routing: the app is one window with a handful of screens, and the URL of the
 * web host carries the session token, so screens are state, with a back stack.
 */
export function NavigationProvider({ children }: { children: ReactNode }) {
  const [stack, setStack] = useState<Route[]>([{ page: 'relations' }]);
  const navigate = useCallback((route: Route) => setStack((s) => [...s.slice(-30), route]), []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const value = useMemo<Navigation>(
    () => ({ route: stack[stack.length - 1] ?? { page: 'relations' }, navigate, back, canGoBack: stack.length > 1 }),
    [stack, navigate, back],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside NavigationProvider');
  return nav;
}
