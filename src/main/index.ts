import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow } from 'electron';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { registerCoreIpc } from './shell/ipc';
import { createMainWindow } from './shell/main-window';
import { createSession } from './administrations/session';
import { nativeFilePicker } from './shell/file-dialogs';
import { resourcesDir } from './paths';

/** Electron entry: wiring only. Built by electron-vite into out/main/index.js. */
const here = path.dirname(fileURLToPath(import.meta.url));

// Files Chromium writes for us (downloaded exports, letters) are private like the core's own
// (PRIVATE_FILE_MODE): the mask applies to this process, before any file is created.
if (process.platform !== 'win32') process.umask(0o077);
app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(async () => {
  const resources = app.isPackaged ? path.join(process.resourcesPath, 'resources') : resourcesDir();
  let win: BrowserWindow | null = null;
  // No administration is opened before the window shows: the start screen chooses (new,
  // open, recent, demo), and a file that fails to open says why there instead of crashing.
  const core = createSession({
    dataDir: process.env.LEDENBEHEER_DATA ?? path.join(app.getPath('userData'), 'administraties'),
    resourcesDir: resources,
    pickFile: nativeFilePicker(() => win),
  });
  serveRenderer(path.join(here, '..', 'renderer'));
  win = createMainWindow(path.join(here, '..', 'preload', 'index.cjs'));
  win.on('closed', () => (win = null));
  const unregister = registerCoreIpc(core, () => win?.webContents ?? null);
  app.on('second-instance', () => win?.focus());
  app.on('window-all-closed', () => {
    unregister();
    void core.close().then(() => app.quit());
  });
});

