const STORAGE_KEY = 'ledenbeheer.token';

/**
 * The web host hands out a per-run token in the URL hash (`#token=…`). It is moved into
 * sessionStorage and removed from the visible URL at once, so it does not end up in
 * screenshots, bookmarks or the history list; a reload finds it in sessionStorage.
 */
export function takeSessionToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  const fromQuery = new URLSearchParams(loc.search).get('token');
  const found = fromHash ?? fromQuery;
  if (found) {
    storage.setItem(STORAGE_KEY, found);
    const url = new URL(loc.href);
    url.hash = '';
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search);
  }
  return found ?? storage.getItem(STORAGE_KEY);
}
