import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ensureDir, writePrivateFile } from '../core/storage/private-files';

/**
 * The administrations opened on this computer, newest first, for the start screen: a small
 * JSON file in the app's data folder (not in any administration: it lists several).
 */
const entry = z.object({ file: z.string(), name: z.string(), openedAt: z.string(), demo: z.boolean() });
export type RecentEntry = z.infer<typeof entry>;
const MAX = 12;

export function recentList(dataDir: string) {
  const file = path.join(dataDir, 'recent.json');
  function read(): RecentEntry[] {
    try {
      return z.array(entry).parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      // Missing or unreadable: the list starts over; it only saves a few clicks.
      return [];
    }
  }
  function write(list: RecentEntry[]): void {
    ensureDir(dataDir);
    writePrivateFile(file, JSON.stringify(list, null, 2));
  }
  return {
    list: (): (RecentEntry & { exists: boolean })[] => read().map((e) => ({ ...e, exists: fs.existsSync(e.file) })),
    add(e: RecentEntry): void {
      write([e, ...read().filter((r) => path.resolve(r.file) !== path.resolve(e.file))].slice(0, MAX));
    },
  };
}
