import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { CREDITOR, seedCollection, xsdErrors } from '../core/sepa/testing/sepa-fixture';
import { runCli } from './run-cli';
import { addDays, todayIso } from '../../shared/dutch/dates';

// The CLI runs on the real clock: every date is relative to today.
const today = todayIso(new Date());
const signed = addDays(today, -30);
const collectOn = addDays(today, 20);
const retryOn = addDays(today, 40);

/** The treasurer's SEPA commands on a real administration file: creditor, mandates, batch (preview, export, retry), refunds, history. */
const dir = tempDir();
const db = path.join(dir.dir, 'club.sqlite');
const out = (name: string) => path.join(dir.dir, name);
afterAll(() => dir.cleanup());

async function run(...argv: string[]) {
  const o: string[] = [];
  const e: string[] = [];
  const code = await runCli(argv, { out: (t) => o.push(t), err: (t) => e.push(t) });
  return { code, stdout: o.join('\n'), stderr: e.join('\n') };
}

let runId = '';
beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  ({ runId } = await seedCollection(core, [{ name: 'Zoë de Vries', signedOn: signed }, { name: 'Bakker & Co', signedOn: signed }, { name: 'Geen Machtiging', noMandate: true }]));
  core.close();
  fs.writeFileSync(out('crediteur.json'), JSON.stringify({ ...CREDITOR, leadDays: 1 }));
  fs.writeFileSync(out('fout.json'), JSON.stringify({ ...CREDITOR, creditorId: 'NL70ZZZ123456780000' }));
});

describe('sepa and mandates CLI', () => {
  it('sets the creditor from JSON and refuses wrong check digits in Dutch', async () => {
    const bad = await run('sepa', 'creditor', '--db', db, '--set', out('fout.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('settings.creditorId: de controlecijfers van dit Incassant-ID kloppen niet');
    const ok = await run('sepa', 'creditor', '--db', db, '--set', out('crediteur.json'));
    expect(ok).toMatchObject({ code: 0, stdout: 'Incassantgegevens opgeslagen: Vereniging De Voorbeeldclub, NL69ZZZ123456780000, pain.008.001.02.' });
    expect(JSON.parse((await run('sepa', 'creditor', '--db', db, '--json')).stdout)).toMatchObject({ creditorId: 'NL69ZZZ123456780000', leadDays: 1 });
  });

  it('lists and adds mandates', async () => {
    const list = JSON.parse((await run('mandates', '--db', db, '--json')).stdout) as { reference: string; relationName: string }[];
    expect(list.map((m) => m.relationName)).toEqual(['Zoë de Vries', 'Bakker & Co']);
    const nr = (JSON.parse((await run('invoices', '--db', db, '--json')).stdout) as { relationName: string; relationNumber: number }[]).find((i) => i.relationName === 'Geen Machtiging')!.relationNumber;
    const bad = await run('mandates', 'add', '--db', db, '--relation', String(nr), '--iban', 'NL00RABO0123456789', '--signed', signed);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('iban');
    const preview = await run('sepa', 'batch', '--db', db, '--run', runId, '--date', collectOn, '--dry-run');
    expect(preview.code).toBe(1);
    expect(preview.stderr).toContain('Geen Machtiging: betaalt per incasso maar heeft geen geldige machtiging');
    const added = await run('mandates', 'add', '--db', db, '--relation', String(nr), '--iban', 'NL44RABO0123456789', '--signed', signed, '--reference', 'LID-3');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Machtiging vastgelegd: LID-3 +\d+ +Geen Machtiging +NL44RABO0123456789 +getekend \d{4}-\d\d-\d\d/);
  });

  it('previews, then exports a private, XSD-valid file once; a second export of the run has nothing to collect', async () => {
    const preview = await run('sepa', 'batch', '--db', db, '--run', runId, '--date', collectOn, '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('Proef pain.008.001.02 (niets opgeslagen): 3 incasso’s, totaal € 177,00.');
    const file = out('incasso-dec.xml');
    const r = await run('sepa', 'batch', '--db', db, '--run', runId, '--date', collectOn, '--out', file, '--version', '08', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { saved: boolean; msgId: string; fileName: string; fileHash: string };
    expect(result).toMatchObject({ saved: true, fileName: 'incasso-dec.xml' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const xml = fs.readFileSync(file, 'utf8');
    expect(xsdErrors(xml, 'pain.008.001.08')).toBe('');
    expect(xml).toContain('<Nm>Zoe de Vries</Nm>');
    expect(xml).toContain('<Nm>Bakker + Co</Nm>');
    expect(fs.readdirSync(dir.dir).filter((f) => f.includes('.part-'))).toEqual([]);
    const again = await run('sepa', 'batch', '--db', db, '--run', runId, '--out', out('nog-eens.xml'));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('er is niets te incasseren');
    expect(fs.existsSync(out('nog-eens.xml'))).toBe(false);
    const history = await run('sepa', 'batches', '--db', db);
    expect(history.stdout).toContain(`${result.msgId}  incasso  pain.008.001.08  3 posten  € 177,00  incasso-dec.xml`);
    // The administration kept the file: saved again it is the same file, byte for byte.
    const copy = out('incasso-dec-kopie.xml');
    const kept = await run('sepa', 'file', '--db', db, '--batch', result.msgId, '--out', copy);
    expect(kept).toMatchObject({ code: 0, stdout: `Bestand incasso-dec.xml opnieuw opgeslagen als ${copy}.` });
    expect(fs.readFileSync(copy).equals(fs.readFileSync(file))).toBe(true);
    expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
  });

  it('retries a returned debit by invoice number and MsgId', async () => {
    const [batch] = JSON.parse((await run('sepa', 'batches', '--db', db, '--json')).stdout) as { msgId: string }[];
    const [inv] = JSON.parse((await run('invoices', '--db', db, '--json')).stdout) as { number: string }[];
    const file = out('herhaling.xml');
    const r = await run('sepa', 'batch', '--db', db, '--retry-of', batch!.msgId, '--invoice', inv!.number, '--date', retryOn, '--out', file);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain(`<EndToEndId>${inv!.number}-R1</EndToEndId>`);
    expect((await run('sepa', 'batches', '--db', db)).stdout).toContain('1 posten  € 59,00  herhaling.xml  (herhaling)');
  });

  it('refunds an overpayment as pain.001 and refuses an existing output file', async () => {
    const [inv] = JSON.parse((await run('invoices', '--db', db, '--json')).stdout) as { number: string }[];
    expect((await run('payments', 'add', '--db', db, '--invoice', inv!.number, '--amount', '70,00', '--date', today)).code).toBe(0);
    fs.writeFileSync(out('bestaat.xml'), 'x');
    const exists = await run('sepa', 'refunds', '--db', db, '--out', out('bestaat.xml'));
    expect(exists).toMatchObject({ code: 1 });
    expect(exists.stderr).toContain('bestaat al');
    const file = out('terug.xml');
    const r = await run('sepa', 'refunds', '--db', db, '--out', file, '--version', '09');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 terugbetalingen, totaal € 11,00.');
    expect(xsdErrors(fs.readFileSync(file), 'pain.001.001.09')).toBe('');
  });
});
