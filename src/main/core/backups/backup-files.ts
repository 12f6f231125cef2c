import fs from 'node:fs';
import path from 'node:path';

/**
 * The backups of one administration: files in its backup folder named
 * `<administration>-<UTC stamp>-<reason>.sqlite.gz`, so the folder can be moved, copied or
 * read by a person and the list needs no index beside it. The folder may be shared by
 * several administrations (the default is `backups` beside the file): each lists only the
 * files that carry its own name. Pre-migration copies (`…-voor-migratie.sqlite`, made by
 * db/migrate.ts before the core exists) belong to the same list.
 */
export const BACKUP_REASONS = ['open', 'interval', 'manual', 'import', 'merge', 'contributions', 'rules', 'migration', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupFile {
  /** The file name in the folder: the id the UI and the CLI pass back. */
  name: string;
  file: string;
  /** Epoch ms. */
  at: number;
  reason: BackupReason;
  bytes: number;
  compressed: boolean;
}

const STAMP = String.raw`(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)`;
const GZ = new RegExp(`^(.+)-${STAMP}-(${BACKUP_REASONS.join('|')})\\.sqlite\\.gz$`);
const MIGRATION = new RegExp(`^(.+)-${STAMP}-voor-migratie\\.sqlite$`);

export const administrationBase = (file: string) => path.basename(file, path.extname(file));

export function stampOf(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

function parseStamp(stamp: string): number {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
}

export function backupName(file: string, at: number, reason: BackupReason): string {
  return `${administrationBase(file)}-${stampOf(at)}-${reason}.sqlite.gz`;
}

/** The file name read back, or null when it is not a backup of `base`. */
export function parseBackupName(name: string, base: string): Omit<BackupFile, 'file' | 'bytes'> | null {
  const gz = GZ.exec(name);
  if (gz && gz[1] === base) return { name, at: parseStamp(gz[2] as string), reason: gz[3] as BackupReason, compressed: true };
  const mig = MIGRATION.exec(name);
  if (mig && mig[1] === base) return { name, at: parseStamp(mig[2] as string), reason: 'migration', compressed: false };
  return null;
}

/** The administration's backups in `folder`, newest first. */
export function listBackups(file: string, folder: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const base = administrationBase(file);
  const out: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name, base);
    if (!parsed) continue;
    const stat = fs.statSync(path.join(folder, name), { throwIfNoEntry: false });
    if (stat?.isFile()) out.push({ ...parsed, file: path.join(folder, name), bytes: stat.size });
  }
  return out.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
}

const DAY = 86_400_000;

/** Local calendar keys, so "one a day" follows the user's days, not UTC's. */
const dayKey = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};
const weekKey = (at: number) => {
  const d = new Date(at);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday.getTime());
};
const monthKey = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}`;
};

/**
 * Which backups the rotation keeps: the last 10; the newest of each day for a week; of each
 * week for a month; of each month for a year. Anything else is removed. `items` newest first.
 */
export function backupsToKeep<T extends { at: number }>(items: T[], now: number): Set<T> {
  const keep = new Set<T>(items.slice(0, 10));
  const tiers: [number, (at: number) => string][] = [
    [7 * DAY, dayKey],
    [31 * DAY, weekKey],
    [366 * DAY, monthKey],
  ];
  for (const [span, key] of tiers) {
    const seen = new Set<string>();
    for (const item of items) {
      if (now - item.at > span) continue;
      const k = key(item.at);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(item);
    }
  }
  return keep;
}

/** Removes what the rotation does not keep; returns the names removed. */
export function rotateBackups(file: string, folder: string, now: number): string[] {
  const items = listBackups(file, folder);
  const keep = backupsToKeep(items, now);
  const removed: string[] = [];
  for (const item of items) {
    if (keep.has(item)) continue;
    fs.rmSync(item.file, { force: true });
    removed.push(item.name);
  }
  return removed;
}
