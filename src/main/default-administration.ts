import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from './core/create-core';
import { startCoreThread, type CoreThread } from './thread/core-thread';
import { generateDemo } from './core/demo/generate-demo';
import { openAdministrationSession, type AdministrationSession } from './session/administration-session';
import type { RememberedPasswords } from './session/remembered-passwords';

/** Fills an empty administration with a realistic demo (the web host's --demo N, a first start). */
export function fillWithDemo(core: Core, count: number): void {
  const existing = core.ctx.sqlite.prepare('SELECT count(*) AS n FROM relations').get() as { n: number };
  if (existing.n > 0) return;
  generateDemo(core, { relations: count, seed: 1 });
}

/** Where administrations live when the user has not chosen: the per-user data folder. */
export function defaultDataDir(): string {
  const base = process.env.LEDENBEHEER_DATA ?? (process.platform === 'win32'
    ? path.join(process.env.APPDATA ?? os.homedir(), 'Ledenbeheer')
    : process.platform === 'darwin'
      ? path.join(os.homedir(), 'Library', 'Application Support', 'Ledenbeheer')
      : path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'ledenbeheer'));
  return base;
}

/**
 * The administration opened when the user has none yet: a demo file, so a first start shows
 * a working program instead of an empty screen. It runs on the core's worker threads.
 */
export function openDefaultAdministration(opts: { dataDir: string; resourcesDir?: string; demoRelations?: number; remembered?: RememberedPasswords }): Promise<AdministrationSession> {
  const file = path.join(opts.dataDir, 'demo-vereniging.sqlite');
  const isNew = !fs.existsSync(file);
  const thread = (password: string | null): Promise<CoreThread> =>
    startCoreThread({ file, ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}), demoIfEmpty: isNew ? (opts.demoRelations ?? 5000) : 0, password });
  // An encrypted administration starts locked (or with its remembered password): main/session.
  return openAdministrationSession({ file, open: thread, preferencesFile: path.join(opts.dataDir, 'sessie-voorkeuren.json'), ...(opts.remembered ? { remembered: opts.remembered } : {}) });
}
