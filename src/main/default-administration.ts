import os from 'node:os';
import path from 'node:path';
import type { Core } from './core/create-core';
import { generateDemo } from './core/demo/generate-demo';

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
