const STORAGE_KEY = 'ledenbeheer.token';

/**
 * The web host hands out a per-run token in the URL hash (`#token=…`). It is moved into
 * sessionStorage and removed from the visible URL at once, so it does not end up in
 * screenshots, bookmarks or the history list; a reload finds it in sessionStorage.
 */
export function takeSessionToken(
  loc: Pick<Location, 'hash' | 'search' | 'href'> = window.location,
  storage: Pick<Storage, 'getItem' | 'setItem'> = window.sessionStorage,
  history: Pick<History, 'replaceState' | 'state'> = window.history,
): string | null {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  const fromQuery = new URLSearchParams(loc.search).get('token');
  const found = fromHash ?? fromQuery;
  if (found) {
    storage.setItem(STORAGE_KEY, found);
    const url = new URL(loc.href);
    url.hash = '';
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search);
  }
  return found ?? storage.getItem(STORAGE_KEY);
}
