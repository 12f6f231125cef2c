import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from '../storage/private-files';

/**
 * The erasure list: which relations were anonymised, kept in a private file BESIDE the
 * administration and never inside it or its backups, so that restoring an older backup can
 * erase them again (reapplyErasures). It holds ids and dates only, no personal data.
 */
const erasureEntry = z.object({ relationId: z.string().min(1), number: z.number().int(), anonymisedOn: z.string() });
const erasureFile = z.object({ format: z.literal('ledenbeheer-wissingen'), version: z.literal(1), erasures: z.array(erasureEntry) });
export type ErasureEntry = z.infer<typeof erasureEntry>;

export function erasureListFile(administration: string): string | null {
  if (administration === ':memory:' || administration === '') return null;
  const abs = path.resolve(administration);
  return path.join(path.dirname(abs), `${path.basename(abs)}.wissingen.json`);
}

export function readErasureList(administration: string): ErasureEntry[] {
  const file = erasureListFile(administration);
  if (!file || !fs.existsSync(file)) return [];
  const parsed = erasureFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  // A damaged list must not silently forget erasures: refuse, so the user restores the list.
  if (!parsed.success) throw new Error(`erasure list ${file} is damaged`);
  return parsed.data.erasures;
}

/** Adds entries (an id already listed keeps its first date). Written whole, privately (0600). */
export function addToErasureList(administration: string, entries: ErasureEntry[]): void {
  const file = erasureListFile(administration);
  if (!file || entries.length === 0) return;
  const list = readErasureList(administration);
  const known = new Set(list.map((e) => e.relationId));
  for (const e of entries) if (!known.has(e.relationId)) list.push(e);
  const tmp = `${file}.tmp`;
  writePrivateFile(tmp, JSON.stringify({ format: 'ledenbeheer-wissingen', version: 1, erasures: list }, null, 2));
  fs.renameSync(tmp, file);
}
