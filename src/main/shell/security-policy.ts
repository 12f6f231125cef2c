/**
 * Decisions of the Electron shell that need no Electron, so they are unit-tested here:
 * which page may call the core, where the window may navigate, which links leave the app.
 */
export const APP_ORIGIN = 'app://renderer';

/**
 * The main window's webPreferences (Electron security checklist): isolated, sandboxed, no
 * Node, no webviews. Spellcheck is off: Chromium's spellchecker downloads dictionaries from
 * Google's servers, and an offline app sends nothing anywhere.
 */
export const WINDOW_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** Only our own bundled page may talk to the core; not a frame, not a page navigated elsewhere. */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'renderer';
  } catch {
    return false;
  }
}

export function isAllowedNavigation(url: string): boolean {
  return isTrustedSenderUrl(url);
}

/**
 * Links the user clicks (a relation's website) open in the system browser, and only when
 * they are plain http(s) or mailto without credentials: never file:, javascript:, smb: or
 * custom protocol handlers that could start programs.
 */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(u.pathname));
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    return u.username === '' && u.password === '' && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The shape of a method name from the renderer; anything else is dropped before the dispatcher. */
export function isRpcMethodName(method: unknown): method is string {
  return typeof method === 'string' && method.length <= 100 && /^[a-zA-Z]+\.[a-zA-Z]+$/.test(method);
}
