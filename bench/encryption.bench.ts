import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, report } from './support/figures';
import { createCore, type Core } from '../src/main/core/create-core';
import { memberFile } from '../test/support/member-file';

/**
 * An encrypted administration (SQLCipher 4 format, docs/encryption.md) against a plain one, in
 * the same run and the same process, alternating so neither gets a warmer machine: a
 * 100,000-row CSV import, a full membership recompute of those relations, and search (the
 * reader's work). Target: encrypted ≤ 1.3× plain. `npm run bench -- encryption`.
 */
const N = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const SEARCHES = 300;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-crypt-bench-'));
const resources = path.resolve(import.meta.dirname, '../resources');
const file = Buffer.from(memberFile(N)).toString('base64');
const QUERIES = ['jansen', 'de vries', 'utrecht', 'bakker', 'van dijk', 'mulder', 'smit', 'zeist', 'visser', 'meijer'];

interface Run {
  importMs: number;
  recomputeMs: number;
  searchP50: number;
  searchP95: number;
  /** CPU time per search (p50, p95): what the cipher costs, without the shared machine's waits. */
  searchCpu: { p50: number; p95: number };
  openMs: number;
  bytes: number;
  /** Process CPU time (user + system) of the same steps: the machine is shared, wall time is noisy. */
  cpu: { importMs: number; recomputeMs: number; openMs: number };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

async function measure(name: string, password: string | null): Promise<Run> {
  const f = path.join(dir, `${name}.sqlite`);
  const open = () => createCore({ file: f, resourcesDir: resources, actor: 'bench', password, onUnexpected: () => undefined });
  let core: Core = open();
  const type = await core.call('membershipTypes.create', { code: 'lid-bench', name: 'Lid', baseCondition: { type: 'alive' } } as never);
  await core.call('units.create', { unit: { name: 'Vereniging' }, typeRules: [{ membershipTypeId: (type as { id: string }).id, condition: { type: 'alive' } }] } as never);
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  await core.call('io.commitImport', { file, fileName: 'leden.csv' });
  const importMs = performance.now() - t0;
  const importCpu = cpuMs(c0);
  t0 = performance.now();
  c0 = process.cpuUsage();
  await core.call('memberships.recompute', {});
  const recomputeMs = performance.now() - t0;
  const recomputeCpu = cpuMs(c0);
  core.close();
  // Search on a freshly opened file: pages come from disk through the cipher, not a warm cache.
  t0 = performance.now();
  c0 = process.cpuUsage();
  core = open();
  const openMs = performance.now() - t0;
  const openCpu = cpuMs(c0);
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const s = performance.now();
    const c = process.cpuUsage();
    await core.call('relations.search', { query: QUERIES[i % QUERIES.length]! });
    cpus.push(cpuMs(c));
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  return { importMs, recomputeMs, searchP50: percentile(times, 50), searchP95: percentile(times, 95), searchCpu: { p50: percentile(cpus, 50), p95: percentile(cpus, 95) }, openMs, bytes: fs.statSync(f).size, cpu: { importMs: importCpu, recomputeMs: recomputeCpu, openMs: openCpu } };
}

try {
  const plain = await measure('plain', null);
  const encrypted = await measure('encrypted', 'Paard-Batterij-Niet');
  const cpuNote = (key: keyof Run) => {
    if (key in plain.cpu) return `; cpu ${Math.round(encrypted.cpu[key as keyof Run['cpu']])} vs ${Math.round(plain.cpu[key as keyof Run['cpu']])} ms`;
    const p = key === 'searchP50' ? 'p50' : key === 'searchP95' ? 'p95' : null;
    return p ? `; cpu per search ${encrypted.searchCpu[p].toFixed(2)} vs ${plain.searchCpu[p].toFixed(2)} ms` : '';
  };
  const figure = (name: string, key: Exclude<keyof Run, 'cpu' | 'searchCpu'>, what: string) =>
    report({
      name: `encryption.${name}`,
      value: encrypted[key],
      unit: key === 'bytes' ? 'bytes' : 'ms',
      baseline: { name: `the same ${what} on a plain administration, same run`, value: plain[key], unit: key === 'bytes' ? 'bytes' : 'ms' },
      target: (key === 'openMs' || key === 'bytes' ? 'informational' : '≤ 1.3× plain') + cpuNote(key),
      ok: key === 'openMs' || key === 'bytes' ? true : encrypted[key] <= 1.3 * plain[key],
    });
  figure('import_csv_100k', 'importMs', `${N}-row CSV import (io.commitImport)`);
  figure('full_recompute', 'recomputeMs', `full membership recompute of ${N} relations`);
  figure('search_p50', 'searchP50', `${SEARCHES} searches after reopening`);
  figure('search_p95', 'searchP95', `${SEARCHES} searches after reopening`);
  figure('open', 'openMs', 'open (key derivation: PBKDF2-SHA512, 256,000 rounds)');
  figure('file_size', 'bytes', 'file');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
