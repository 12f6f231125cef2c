import path from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import { APP_ORIGIN, WINDOW_WEB_PREFERENCES, isAllowedExternalUrl, isAllowedNavigation } from './security-policy';

/** The hardened window (see WINDOW_WEB_PREFERENCES), with locked navigation and no permissions. */
export function createMainWindow(preloadFile: string): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Also for the session: no dictionary download, whatever a window asks.
  session.defaultSession.setSpellCheckerEnabled(false);

  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Ledenbeheer',
    webPreferences: { preload: path.resolve(preloadFile), ...WINDOW_WEB_PREFERENCES },
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
  });
  return win;
}
