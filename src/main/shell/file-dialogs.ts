import { dialog, type BrowserWindow } from 'electron';

/**
 * The start screen's "where does the file go" and "which file" in Electron: the system's own
 * save and open dialogs. (The web host has none: the start screen asks for a path there.)
 */
const FILTERS = [
  { name: 'Ledenbeheer-administratie', extensions: ['ledenbeheer', 'sqlite'] },
  { name: 'Alle bestanden', extensions: ['*'] },
];

export function nativeFilePicker(window: () => BrowserWindow | null) {
  return async (purpose: 'new' | 'open', suggestedName: string): Promise<string | null> => {
    const win = window();
    if (purpose === 'new') {
      const base = suggestedName.trim().replace(/[\\/:*?"<>|]+/g, '-') || 'vereniging';
      const options = { title: 'Nieuwe administratie opslaan als', defaultPath: `${base}.ledenbeheer`, filters: FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    }
    const options = { title: 'Administratie openen', filters: FILTERS, properties: ['openFile' as const] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}
