import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/test-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = tempDir();
afterAll(() => dir.cleanup());
const file = (name: string) => path.join(dir.dir, name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it: a separate Node process (process.execPath is Node 24 here). */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: root, env: { ...process.env, LEDENBEHEER_DEBUG: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function expectUserError(run: Run, code: number, message: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  const [first] = run.stderr.split('\n');
  expect(first).toMatch(/^ledenbeheer: fout: /);
  expect(first).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('ledenbeheer CLI', () => {
  it('demo → search → export-json → import-json → backup', { timeout: 180_000 }, async () => {
    const demo = await cli('demo', '--db', file('a.sqlite'), '--relations', '400', '--seed', '5', '--today', '2026-11-22');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Demo-administratie gemaakt in .*a\.sqlite: 400 relaties/);

    const search = await cli('search', '--db', file('a.sqlite'), 'de', '--json');
    expect(search.code, search.stderr).toBe(0);
    const found = JSON.parse(search.stdout) as { rows: { displayName: string }[] };
    expect(found.rows.length).toBeGreaterThan(0);

    const exported = await cli('export-json', '--db', file('a.sqlite'), '--out', file('a.json'));
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Geëxporteerd naar .*a\.json: 400 relaties/);

    const imported = await cli('import-json', '--db', file('b.sqlite'), file('a.json'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Ingelezen in .*b\.sqlite: 400 relaties/);

    const backup = await cli('backup', '--db', file('b.sqlite'), '--out', file('b-kopie.sqlite'));
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Reservekopie gemaakt: .*integriteit gecontroleerd/);

    const plain = await cli('search', '--db', file('b-kopie.sqlite'), found.rows[0]?.displayName ?? '');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(found.rows[0]?.displayName);
  });

  it('answers bad input with one line of Dutch and a non-zero exit code', { timeout: 180_000 }, async () => {
    fs.writeFileSync(file('notes.txt'), 'geen database');
    await cli('demo', '--db', file('full.sqlite'), '--relations', '5');
    // One process per file: opening an administration writes (triggers), so no two at once.
    fs.copyFileSync(file('full.sqlite'), file('full2.sqlite'));
    const doc = JSON.parse(fs.readFileSync(file('a.json'), 'utf8')) as { relations: Record<string, unknown>[] };
    (doc.relations[2] as Record<string, unknown>)['iban'] = 'NL91ABNA0417164301';
    fs.writeFileSync(file('bad-iban.json'), JSON.stringify(doc));
    fs.writeFileSync(file('broken.json'), '{"format": "ledenbeheer-administratie", "version": 1, "relations": [');

    const runs = await Promise.all([
      cli('verwijder-alles'),
      cli('search', 'jansen'),
      cli('demo', '--db', file('x.sqlite'), '--relations', 'veel'),
      cli('demo', '--db', file('x.sqlite'), '--relations', '0'),
      cli('search', '--db', file('bestaat-niet.sqlite'), 'jan'),
      cli('search', '--db', file('notes.txt'), 'jan'),
      cli('demo', '--db', file('full.sqlite'), '--relations', '10'),
      cli('import-json', '--db', file('full2.sqlite'), file('a.json')),
      cli('import-json', '--db', file('c.sqlite'), file('bad-iban.json')),
      cli('import-json', '--db', file('d.sqlite'), file('broken.json')),
      cli('import-json', '--db', file('e.sqlite'), file('ontbreekt.json')),
      cli('search', '--db', file('a.sqlite'), 'jan', '--kleur', 'rood'),
      cli('export-json', '--db', file('a.sqlite'), '--out', file('a.json')),
      cli('backup', '--db', file('a.sqlite'), '--out', file('notes.txt')),
      cli('search', '--db', file('a.sqlite')),
    ]);
    const [unknown, noDb, notNumber, zero, missing, notAdmin, nonEmpty, importNonEmpty, badIban, broken, noSource, badOption, outExists, backupExists, noText] = runs as Run[];
    expectUserError(unknown as Run, 2, /onbekende opdracht 'verwijder-alles'/);
    expectUserError(noDb as Run, 2, /administratiebestand ontbreekt: geef --db op/);
    expectUserError(notNumber as Run, 2, /ongeldig getal voor --relations: 'veel'/);
    expectUserError(zero as Run, 2, /ongeldig getal voor --relations: '0'/);
    expectUserError(missing as Run, 1, /bestand niet gevonden: .*bestaat-niet\.sqlite/);
    expectUserError(notAdmin as Run, 1, /notes\.txt is geen Ledenbeheer-administratie/);
    expectUserError(nonEmpty as Run, 1, /full\.sqlite is niet leeg \(5 relaties\)/);
    expectUserError(importNonEmpty as Run, 1, /is niet leeg/);
    expectUserError(badIban as Run, 1, /bad-iban\.json is afgekeurd: relations\[2\]\.iban: controlegetal klopt niet \[IBAN_INVALID_CHECKSUM\].*er is niets gewijzigd/);
    expectUserError(broken as Run, 1, /broken\.json is afgekeurd: json: geen geldige JSON \[JSON_INVALID\].*regel 1/);
    expectUserError(noSource as Run, 1, /bestand niet gevonden: .*ontbreekt\.json/);
    expectUserError(badOption as Run, 2, /onbekende optie --kleur/);
    expectUserError(outExists as Run, 1, /a\.json bestaat al/);
    expectUserError(backupExists as Run, 1, /notes\.txt bestaat al/);
    expectUserError(noText as Run, 2, /zoektekst ontbreekt/);
    // A refused import into a new file leaves no file behind.
    expect(fs.existsSync(file('c.sqlite'))).toBe(false);
    expect(fs.existsSync(file('x.sqlite'))).toBe(false);
  });

  it('ends quietly when the reader of its output has gone (| head)', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'help'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reading end is closed before the CLI writes its first line: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('explains itself', async () => {
    const [help, demoHelp] = await Promise.all([cli('help'), cli('demo', '--help')]);
    expect(help.code).toBe(0);
    for (const c of ['demo', 'search', 'export-json', 'import-json', 'backup', 'help']) expect(help.stdout).toContain(c);
    expect(demoHelp.stdout).toContain('Gebruik: ledenbeheer demo --db BESTAND --relations N');
  });
});
