import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { schedule2027, setupClub } from '../core/contributions/testing/contribution-fixture';
import { runCli } from './run-cli';

/** The treasurer's commands on a real administration file: schedule, run (dry and real), invoices, payments, reminders, undo. */
const dir = tempDir();
const db = path.join(dir.dir, 'club.sqlite');
afterAll(() => dir.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let noAddress = '';
beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  const { person } = await setupClub(core);
  await person({ name: 'Anna Bakker', birthDate: '1980-01-01' });
  await person({ name: 'Bert Visser', birthDate: '2012-01-01' });
  noAddress = await person({ name: 'Cor Zonder', birthDate: '1980-01-01', address: null });
  core.close();
  fs.writeFileSync(path.join(dir.dir, 'tarieven.json'), JSON.stringify(schedule2027({ household: null, oneOffCharges: [] })));
  fs.writeFileSync(path.join(dir.dir, 'fout.json'), JSON.stringify(schedule2027({ fees: [{ membershipType: 'lid', amountCents: 12.5 }] })));
});

describe('contributions CLI', () => {
  it('sets a schedule from a JSON file, refuses a wrong one by field, and reads it back', async () => {
    const bad = await run('contributions', 'schedule', '--db', db, '--set', path.join(dir.dir, 'fout.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('schedule.fees.0.amountCents: bedrag moet in hele centen zijn [AMOUNT_NOT_CENTS]');
    const ok = await run('contributions', 'schedule', '--db', db, '--set', path.join(dir.dir, 'tarieven.json'));
    expect(ok).toMatchObject({ code: 0, stdout: 'Tarieven opgeslagen als versie 1.' });
    const back = await run('contributions', 'schedule', '--db', db, '--get', '2027');
    expect(JSON.parse(back.stdout).fees).toHaveLength(4);
  });

  it('lists blocking problems in Dutch and saves nothing', async () => {
    const r = await run('contributions', 'run', '--db', db, '--period', '2027', '--date', '1-12-2026');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cor Zonder: betaalt per factuur maar heeft geen adres');
    expect(r.stderr).toContain('De run heeft problemen die eerst opgelost moeten worden; er is niets opgeslagen.');
        expect((await run('invoices', '--db', db)).stdout).toBe('0 facturen, open € 0,00.');
  });

  it('dry-runs and commits a run, lists open invoices, books a partial payment, reminds and undoes', async () => {
    const core = createCore({ file: db, actor: 'test' });
    await core.call('paymentSettings.set', { relationId: noAddress, settings: { method: 'contant' } });
    core.close();
    const dry = await run('contributions', 'run', '--db', db, '--period', '2027', '--date', '1-12-2026', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Proefrun 2027 (niets opgeslagen): 3 facturen');
    expect(dry.stdout).toContain('Lid, Jeugd op 1-1-2027: € 30,00  € 30,00');
    const real = await run('contributions', 'run', '--db', db, '--period', '2027', '--date', '1-12-2026', '--json');
    const result = JSON.parse(real.stdout);
    expect(result).toMatchObject({ saved: true, invoiceCount: 3, totalCents: 6150 + 3150 + 6000 });
    const open = JSON.parse((await run('invoices', '--db', db, '--open', '--json')).stdout) as { number: string; openCents: number }[];
    expect(open.map((i) => i.number).sort()).toEqual(['C2026-00001', 'C2026-00002', 'C2026-00003']);
    const paid = await run('payments', 'add', '--db', db, '--invoice', 'C2026-00001', '--amount', '€ 20,00', '--date', '10-12-2026');
    expect(paid.stdout).toBe('Betaling van € 20,00 op 2026-12-10 geboekt: C2026-00001 € 20,00.');
    const after = JSON.parse((await run('invoices', '--db', db, '--open', '--json')).stdout) as { number: string; openCents: number }[];
    expect(after.find((i) => i.number === 'C2026-00001')!.openCents).toBe(6150 - 2000);
    const reminders = await run('reminders', '--db', db, '--stage', '1', '--date', '2027-03-01', '--dry-run', '--json');
    expect(JSON.parse(reminders.stdout).rows).toHaveLength(3);
    const undo = await run('contributions', 'undo-run', '--db', db, '--run', result.runId);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain('Er zijn al betalingen op facturen van deze run geboekt; verwijder die eerst of crediteer.');
  });

  it('writes the invoice letters of a run as one PDF, as a Word file per invoice in a folder, and the reminders of a stage', async () => {
    const runs = JSON.parse((await run('contributions', 'runs', '--db', db, '--json')).stdout) as { id: string }[];
    const pdf = path.join(dir.dir, 'uit', 'facturen.pdf');
    const one = await run('invoices', '--db', db, '--run', runs[0]!.id, '--out', pdf);
    expect(one).toMatchObject({ code: 0, stdout: expect.stringMatching(/^3 brief\/brieven geschreven naar .*facturen\.pdf/) });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.statSync(pdf).mode & 0o777).toBe(0o600);
    const folder = path.join(dir.dir, 'per-factuur');
    const each = await run('invoices', '--db', db, '--run', runs[0]!.id, '--out', folder, '--format', 'docx');
    expect(each.stdout).toBe(`3 Word-bestand(en) geschreven in ${folder}.`);
    expect(fs.readdirSync(folder).sort()[0]).toMatch(/^C2026-00001 .+\.docx$/);
    const reminders = await run('reminders', '--db', db, '--stage', '1', '--date', '2027-03-01', '--out', path.join(dir.dir, 'herinneringen.docx'));
    expect(reminders.code).toBe(0);
    expect(reminders.stdout).toContain('Vastgelegd: 3 herinneringen.');
    expect(reminders.stdout).toContain('3 brief/brieven geschreven naar');
    expect((await run('reminders', '--db', db, '--stage', '1', '--out', 'x.pdf', '--dry-run')).stderr).toContain('laat --dry-run weg');
    expect((await run('invoices', '--db', db, '--out', 'x.pdf')).stderr).toContain('geef --run ID');
    expect((await run('invoices', '--db', db, '--run', runs[0]!.id, '--out', 'x.pdf', '--format', 'docx')).stderr).toContain('--format docx past niet bij x.pdf');
  });

  it('explains a wrong amount and a missing option', async () => {
    expect((await run('payments', 'add', '--db', db, '--invoice', 'C2026-00002', '--amount', 'twaalf', '--date', '2026-12-10')).stderr).toContain('ongeldig bedrag voor --amount');
    expect((await run('contributions', 'run', '--db', db)).stderr).toContain('de periode ontbreekt: geef --period op');
    expect((await run('payments', 'add', '--db', db, '--invoice', 'C2099-00001', '--amount', '5', '--date', '2026-12-10')).stderr).toBe('ledenbeheer: fout: Deze factuur (C2099-00001) bestaat niet (meer).');
    expect((await run('contributions', 'run', '--db', db, '--period', '1999', '--dry-run')).stderr).toBe("ledenbeheer: fout: Deze tarieven (1999) bestaat niet (meer). Zet ze met 'contributions schedule --set'.");
  });
});
