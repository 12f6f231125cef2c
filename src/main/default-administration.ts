import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from './core/create-core';

/** Fills an empty administration with demo relations (the web host's --demo N). */
export function fillWithDemo(core: Core, count: number): void {
  const existing = core.ctx.sqlite.prepare('SELECT count(*) AS n FROM relations').get() as { n: number };
  if (existing.n > 0) return;
  // Temporary until the demo generator lands: simple but valid relations.
  const first = ['Jan', 'Anna', 'Pieter', 'Zoë', 'Mohammed', 'Fleur', 'Daan', 'Sanne'];
  const last: [string | null, string][] = [[null, 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], [null, 'Bakker'], ['van', 'Dijk'], [null, 'Müller']];
  core.ctx.write('demo.generate', { count }, () => {
    const stmt = core.ctx.sqlite.prepare(
      `INSERT INTO relations (id, kind, number, first_name, infix, last_name, display_name, sort_key, created_at, updated_at)
       VALUES (?, 'person', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < count; i++) {
      const f = first[i % first.length] ?? 'Jan';
      const [infix, l] = last[i % last.length] ?? [null, 'Jansen'];
      const display = [f, infix, l].filter(Boolean).join(' ');
      stmt.run(core.ctx.newId(), i + 1, f, infix, l, display, `${l} ${infix ?? ''} ${f}`.toLowerCase(), core.ctx.now(), core.ctx.now());
    }
  });
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
 * a working program instead of an empty screen.
 */
export function openDefaultAdministration(opts: { dataDir: string; resourcesDir?: string; demoRelations?: number }): Core {
  const file = path.join(opts.dataDir, 'demo-vereniging.sqlite');
  const isNew = !fs.existsSync(file);
  const core = createCore({ file, ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}) });
  if (isNew) fillWithDemo(core, opts.demoRelations ?? 5000);
  return core;
}
