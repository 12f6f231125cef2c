import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import Papa from 'papaparse';
import { report } from './support/figures';
import { createCore } from '../src/main/core/create-core';
import { createRng, type Rng } from '../src/main/core/demo/prng';
import { importInput } from '../src/shared/contract/io';
import { commitImport } from '../src/main/core/io/import/import-pipeline';
import { encodeWindows1252 } from '../src/main/core/io/text/encoding';

/**
 * Import, export and mail merge at the size of a large association. Run alone with
 * `node --import tsx bench/io.bench.ts`; prints one JSON figure per line.
 *   - import: a 100,000-row Windows-1252 CSV as Excel NL writes it, read, normalised,
 *     matched and committed, against papaparse + one prepared INSERT per row into the
 *     same (audited) relations table, in the same run;
 *   - export: those 100,000 relations to .xlsx with the streaming writer, time and peak RSS;
 *   - merge: 5,000 one-page letters into one .docx.
 * The last two run in a child process (bench/io-documents.ts).
 */
const N = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const LETTERS = Number(process.env.BENCH_LETTERS ?? 5_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-io-bench-'));
const resources = path.resolve(import.meta.dirname, '../resources');
const open = (name: string) => createCore({ file: path.join(dir, name), resourcesDir: resources, actor: 'bench', onUnexpected: () => undefined });

// ── a realistic member file ───────────────────────────────────────────────

const FIRST = ['Jan', 'Piet', 'Marieke', 'Sanne', 'Daan', 'Emma', 'Lucas', 'Julia', 'Sem', 'Tess', 'René', 'Zoë', 'Noah', 'Fleur', 'Bram', 'Anouk'];
const LAST = ['Vries, de', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meer, van der', 'Berg, van den', 'Dijk, van', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brink, ten', 'Müller'];
const STREETS = ['Dorpsstraat', 'Kerkweg', 'Stationsplein', 'Molenweg', 'Brink', 'Oudegracht', 'Lange Voorhout', 'Markt'];
const PLACES: [string, string][] = [['3511', 'Utrecht'], ['1012', 'Amsterdam'], ['7411', 'Deventer'], ['9711', 'Groningen'], ['5211', "'s-Hertogenbosch"], ['2514', "'s-Gravenhage"], ['6811', 'Arnhem'], ['8011', 'Zwolle']];

function iban(rng: Rng): string {
  const bban = `ABNA${String(rng.int(0, 99_999)).padStart(5, '0')}${String(rng.int(0, 99_999)).padStart(5, '0')}`;
  const digits = `${bban}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return `NL${String(98 - rest).padStart(2, '0')}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}

function memberFile(n: number): Uint8Array {
  const rng = createRng('io-bench');
  const lines = ['Lidnr;Voorletters;Roepnaam;Achternaam;Straat;Huisnr;Postcode;Woonplaats;E-mail;Telefoon;Geb.datum;Lid sinds;IBAN;Aanhef'];
  for (let i = 1; i <= n; i++) {
    const first = rng.pick(FIRST);
    const [pc4, city] = rng.pick(PLACES);
    const male = rng.chance(0.5);
    const d = `${rng.int(1, 28)}-${rng.int(1, 12)}-${rng.int(1935, 2015)}`;
    lines.push(
      [
        i, `${first[0]}.`, first, rng.pick(LAST), rng.pick(STREETS), `${rng.int(1, 300)}${rng.chance(0.1) ? 'a' : ''}`, `${pc4} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`.replace(/S[ADS]$/, 'AB'),
        city, `lid${i}@example.nl`, `06${String(rng.int(10_000_000, 99_999_999))}`, d, `01-0${rng.int(1, 9)}-${rng.int(1990, 2025)}`, iban(rng), male ? 'Dhr.' : 'Mevr.',
      ].join(';'),
    );
  }
  return encodeWindows1252(`${lines.join('\r\n')}\r\n`).bytes;
}

const bytes = memberFile(N);
const base64 = Buffer.from(bytes).toString('base64');

// ── baseline: papaparse + one prepared insert ─────────────────────────────

const baselineMs = (() => {
  const core = open('baseline.sqlite');
  const t0 = performance.now();
  const text = new TextDecoder('windows-1252').decode(bytes);
  const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.slice(1);
  core.ctx.write('bench.baseline', null, () => {
    const insert = core.ctx.sqlite.prepare(
      `INSERT INTO relations (id, kind, number, initials, first_name, last_name, email, phone, birth_date, iban, display_name, sort_key, created_at, updated_at)
       VALUES (?, 'person', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
    );
    let k = 0;
    for (const r of rows) insert.run(`b${++k}`, Number(r[0]), r[1], r[2], r[3], r[8], r[9], r[10], r[12], `${r[2]} ${r[3]}`, `${r[3]} ${r[2]}`);
  });
  const ms = performance.now() - t0;
  core.close();
  return ms;
})();

// ── the import pipeline ───────────────────────────────────────────────────

const core = open('administration.sqlite');
let maxGapMs = 0;
let last = performance.now();
const watch = setInterval(() => {
  const now = performance.now();
  maxGapMs = Math.max(maxGapMs, now - last);
  last = now;
}, 10);
const t0 = performance.now();
const result = await commitImport(core.ctx, importInput.parse({ file: base64, fileName: 'leden.csv', rowLimit: 0 }));
const importMs = performance.now() - t0;
clearInterval(watch);
report({
  name: 'io.import_csv_100k',
  value: importMs,
  unit: 'ms',
  baseline: { name: 'papaparse + one prepared INSERT per row into relations (audited), same file', value: baselineMs },
  target: '<= 3x baseline',
  ok: importMs / baselineMs <= 3 && result.counts.create === N,
});
report({ name: 'io.import_csv_100k_longest_block', value: maxGapMs, unit: 'ms', target: 'informational: longest time the event loop was blocked (the commit is one transaction)', ok: true });

core.close();

// ── export and merge, in a process of their own ───────────────────────────
/*
 * Export and merge run in a child process started on a plain-JavaScript bundle of this file
 * (esbuild, dependencies external), so its memory is what the app's own process would use:
 * under tsx the transpiled module graph alone costs ~200 MB of RSS.
 */
const bundle = path.resolve(import.meta.dirname, '../node_modules/.cache/ledenbeheer-bench/io-documents.mjs');
await build({ entryPoints: [path.resolve(import.meta.dirname, 'io-documents.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node22', logLevel: 'error' });
const figures = execFileSync(process.execPath, ['--expose-gc', bundle], {
  encoding: 'utf8',
  env: { ...process.env, IO_BENCH_DB: path.join(dir, 'administration.sqlite'), IO_BENCH_RESOURCES: resources, IO_BENCH_LETTERS: String(LETTERS), IO_BENCH_ROWS: String(N) },
  maxBuffer: 1024 * 1024,
});
process.stdout.write(figures);
fs.rmSync(dir, { recursive: true, force: true });
