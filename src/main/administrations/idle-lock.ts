import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ensureDir, writePrivateFile } from '../core/storage/private-files';

/** Locks after ten minutes without use unless the user chose otherwise (Settings → Beveiliging). */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

const prefs = z.record(z.string(), z.number().int().min(0).max(1440));

/**
 * The idle-lock minutes of each encrypted administration on this computer: a preference of
 * the computer, not of the file (a backup or a copy on a USB stick carries none), kept in a
 * small private JSON file in the app's data folder beside the recent list.
 */
export function idleLockPreferences(dataDir: string) {
  const file = path.join(dataDir, 'vergrendelen.json');
  function read(): Record<string, number> {
    try {
      return prefs.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      return {}; // missing or unreadable: the default applies
    }
  }
  return {
    minutes: (administration: string): number => read()[path.resolve(administration)] ?? DEFAULT_IDLE_LOCK_MINUTES,
    set(administration: string, minutes: number): void {
      ensureDir(dataDir);
      writePrivateFile(file, JSON.stringify({ ...read(), [path.resolve(administration)]: minutes }, null, 2));
    },
  };
}
