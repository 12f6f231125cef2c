import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { setupBankClub } from '../core/bank/testing/bank-fixture';
import { runCli } from './run-cli';

/** The treasurer's bank commands on a real administration file: import (dry and real), a bad file, lists, matching by hand. */
const dir = tempDir();
const db = path.join(dir.dir, 'club.sqlite');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/bank');
const statement = path.join(FIXTURES, 'camt053-ing-without-batch-details.xml');
afterAll(() => dir.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  await setupBankClub(core);
  core.close();
});

describe('bank CLI', () => {
  it('previews an import without saving, then imports it', async () => {
    const dry = await run('bank', 'import', '--db', db, statement, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Proef (niets opgeslagen): camt053-ing-without-batch-details.xml, rekening NL71INGB0009876543 (CAMT.053), 2026-11-01 t/m 2026-11-03.');
    expect(dry.stdout).toContain('gekoppeld 8, niet gekoppeld 2, storneringen 0, batches 1');
    expect(dry.stdout).toContain('gekoppeld: Betalingskenmerk 1202600000000008 van factuur C2026-00008');
    expect((await run('bank', 'entries', '--db', db, '--json')).stdout).toContain('"total": 0');
    const real = await run('bank', 'import', '--db', db, statement, '--json');
    expect(JSON.parse(real.stdout)).toMatchObject({ saved: true, newCount: 6, counts: { matched: 8, unmatched: 2 } });
  });

  it('says in Dutch what is wrong with a bad file, naming it, and changes nothing', async () => {
    const bad = path.join(dir.dir, 'afschrift.xml');
    fs.writeFileSync(bad, fs.readFileSync(statement, 'utf8').slice(0, 2500));
    const before = (await run('bank', 'entries', '--db', db, '--json')).stdout;
    const r = await run('bank', 'import', '--db', db, bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/afschrift\.xml: Het XML-bestand is onvolledig of beschadigd \(regel \d+: .+\)\. Download het afschrift opnieuw\. Er is niets gewijzigd\./u);
    expect((await run('bank', 'entries', '--db', db, '--json')).stdout).toBe(before);
  });

  it('lists the unmatched entries with their reason, and matches one by hand', async () => {
    const list = await run('bank', 'entries', '--db', db, '--status', 'unmatched');
    expect(list.stdout).toContain('Stichting Vrienden van de Club');
    expect(list.stdout).toContain('NIET GEKOPPELD: Geen factuur gevonden bij kenmerk, rekening of naam');
    expect(list.stdout).toContain('2 posten.');
    const gift = JSON.parse((await run('bank', 'entries', '--db', db, '--status', 'unmatched', '--json')).stdout).rows.find((e: { amountCents: number }) => e.amountCents === 1234);
    const m = await run('bank', 'match', '--db', db, '--entry', gift.id, '--invoice', 'C2026-00010');
    expect(m).toMatchObject({ code: 0, stdout: 'Gekoppeld: Met de hand gekoppeld aan C2026-00010.' });
    const again = await run('bank', 'match', '--db', db, '--entry', gift.id, '--invoice', 'C2026-00010');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Deze post is al verwerkt; vernieuw de lijst.');
  });
});
