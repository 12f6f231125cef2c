import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import type { Output } from '../../../shared/contract';
import { schedule2027, setupClub } from '../contributions/testing/contribution-fixture';
import { prorate } from './contributions-report';

/**
 * The four reports of issue 15 on an administration file built for the case, with answers known
 * by hand; the Excel and PDF files are read back.
 */
type Report = Output<'reports.birthdays'>;
const lines = (r: Report, keys: string[]) => r.rows.map((row) => keys.map((k) => row[k]).join(' | '));

async function xlsxRows(file: NonNullable<Report['file']>): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.bytes, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => (rows[row.number - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

/** The text a PDF shows, through pdftotext (poppler), as a reader would copy it. */
function pdfText(file: NonNullable<Report['file']>, dir: string): string {
  const pdf = path.join(dir, file.fileName);
  fs.writeFileSync(pdf, Buffer.from(file.bytes, 'base64'));
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

describe('birthdays, jubilees and the board', () => {
  let core: ReturnType<typeof createTestCore>;
  const tmp = tempDir();
  const p: Record<string, string> = {};

  beforeAll(async () => {
    core = createTestCore({ file: path.join(tmp.dir, 'vereniging.sqlite') });
    core.clock.set('2026-06-15');
    const { person } = await setupClub(core);
    p.anna = await person({ name: 'Anna Aalders', birthDate: '1960-06-20', from: '2001-06-25' }); // 25 years on 25 June, turns 66 on 20 June
    p.bert = await person({ name: 'Bert Schrikkel', birthDate: '2000-02-29', from: '2016-07-01' }); // 10 years on 1 July; birthday 1 March in 2026
    // The club's unit starts in 2000, so does every run; Cor's break in 2020 means no 25 years.
    p.cor = await person({ name: 'Cor Claassen', birthDate: '1970-06-10', from: '2001-06-20', to: '2020-01-01' });
    const types = (await core.call('subscriptionTypes.list', {})).rows;
    const sub = (code: string) => types.find((t) => t.code === code)!.id;
    await core.call('subscriptions.add', { relationId: p.cor, subscription: { typeId: sub('lidmaatschap'), startDate: '2021-01-01', endDate: null } });
    p.dina = await person({ name: 'Dina Yılmaz', birthDate: null, from: '2016-06-30' }); // 10 years on 30 June, no birth date
    // Eva: Lid, then Donateur from the same day: one unbroken run since 2001.
    p.eva = await person({ name: 'Eva Evers', birthDate: '1950-06-05', from: '2001-06-01', to: '2010-01-01' });
    await core.call('subscriptions.add', { relationId: p.eva, subscription: { typeId: sub('donatie'), startDate: '2010-01-01', endDate: null } });
    p.frits = await person({ name: 'Frits Fok', birthDate: '1980-06-12', from: '2000-01-01', to: '2010-01-01' }); // no member now
    // 50 years on 10 June and a birthday on 8 June, but died in May.
    p.gerda = (await core.call('relations.create', { kind: 'person', fields: { firstName: 'Gerda', lastName: 'Graf', birthDate: '1940-06-08', deathDate: '2026-05-01' } })).id;
    await core.call('subscriptions.add', { relationId: p.gerda, subscription: { typeId: sub('lidmaatschap'), startDate: '1976-06-10', endDate: null } });
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('lists the birthdays of living members in the period, with the age they turn', async () => {
    const r = await core.call('reports.birthdays', { from: '2026-06-01', to: '2026-07-01' });
    expect(lines(r, ['date', 'name', 'age', 'types'])).toEqual(['2026-06-05 | Eva Evers | 76 | Donateur', '2026-06-10 | Cor Claassen | 56 | Lid', '2026-06-20 | Anna Aalders | 66 | Lid']);
    // 29 February counts on 1 March in a year without it.
    const march = await core.call('reports.birthdays', { from: '2026-02-01', to: '2026-04-01' });
    expect(lines(march, ['date', 'name', 'age'])).toEqual(['2026-03-01 | Bert Schrikkel | 26']);
    // A period longer than a year: each birthday its own line.
    const long = await core.call('reports.birthdays', { from: '2026-06-20', to: '2027-06-21', typeCode: 'lid' });
    expect(lines(long, ['date', 'name', 'age'])).toEqual(['2026-06-20 | Anna Aalders | 66', '2027-03-01 | Bert Schrikkel | 27', '2027-06-10 | Cor Claassen | 57', '2027-06-20 | Anna Aalders | 67']);
    // The same relations as the overview's birthday figure for the period.
    const figure = await core.call('conditions.evaluate', {
      condition: { type: 'and', items: [{ type: 'membership', includeSubunits: true }, { type: 'alive' }, { type: 'birthday' }] },
      moment: { from: '2026-06-01', to: '2026-07-01' },
      offset: 0,
      limit: 100,
    });
    expect(new Set(r.rows.map((row) => row['relationId']))).toEqual(new Set(figure.rows.map((row) => row.id)));
  });

  it('finds jubilees from the unbroken runs of membership, across types and units', async () => {
    const r = await core.call('reports.jubilees', { from: '2026-06-01', to: '2026-07-01' });
    expect(lines(r, ['date', 'years', 'name', 'since'])).toEqual(['2026-06-01 | 25 | Eva Evers | 2001-06-01', '2026-06-25 | 25 | Anna Aalders | 2001-06-25', '2026-06-30 | 10 | Dina Yılmaz | 2016-06-30']);
    // The period's end is exclusive; a chosen set of years; one type only (Eva's Lid run ended in 2010).
    expect(lines(await core.call('reports.jubilees', { from: '2026-06-01', to: '2026-07-02', years: [10] }), ['date', 'name'])).toEqual(['2026-06-30 | Dina Yılmaz', '2026-07-01 | Bert Schrikkel']);
    expect(lines(await core.call('reports.jubilees', { from: '2026-06-01', to: '2026-07-01', typeCode: 'lid' }), ['name'])).toEqual(['Anna Aalders', 'Dina Yılmaz']);
  });

  it('names who held which role in the board and committees on a date', async () => {
    const roles = Object.fromEntries((await core.call('groupRoles.list', {})).rows.map((r) => [r.code, r.id]));
    const board = await core.call('groups.create', { name: 'Bestuur', type: 'board' });
    const kas = await core.call('groups.create', { name: 'Kascommissie', type: 'committee' });
    const ict = await core.call('groups.create', { name: 'ICT', type: 'working_group' });
    const add = (g: string, who: string, role: string | null, validFrom: string, validTo: string | null = null) =>
      core.call('groups.addMember', { groupId: g, relationId: p[who]!, member: { roleId: role ? roles[role]! : null, validFrom, validTo } });
    await add(board.id, 'anna', 'voorzitter', '2020-01-01', '2026-03-01');
    await add(board.id, 'cor', 'voorzitter', '2026-03-01');
    await add(board.id, 'eva', 'secretaris', '2018-05-01');
    await add(board.id, 'dina', null, '2025-01-01');
    await add(kas.id, 'bert', 'lid', '2026-01-01', '2027-01-01');
    await add(ict.id, 'anna', 'lid', '2020-01-01');
    const keys = ['group', 'role', 'name', 'since', 'until'];
    expect(lines(await core.call('reports.board', { on: '2026-02-15' }), keys)).toEqual([
      'Bestuur | Voorzitter | Anna Aalders | 2020-01-01 | 2026-02-28',
      'Bestuur | Secretaris | Eva Evers | 2018-05-01 | ',
      'Bestuur | Lid | Dina Yılmaz | 2025-01-01 | ',
      'Kascommissie | Lid | Bert Schrikkel | 2026-01-01 | 2026-12-31',
    ]);
    expect(lines(await core.call('reports.board', { on: '2026-06-15', groupId: board.id }), ['role', 'name'])).toEqual(['Voorzitter | Cor Claassen', 'Secretaris | Eva Evers', 'Lid | Dina Yılmaz']);
    expect(lines(await core.call('reports.board', { on: '2026-06-15', groupTypes: ['working_group'] }), ['group', 'name'])).toEqual(['ICT | Anna Aalders']);
  });

  it('exports each report to Excel (real dates) and PDF with the same lines', async () => {
    const r = await core.call('reports.jubilees', { from: '2026-06-01', to: '2026-07-01', format: 'xlsx' });
    expect(r.file!.fileName).toBe('jubilea-2026-06-01.xlsx');
    const rows = await xlsxRows(r.file!);
    expect(rows[0]).toEqual(['Jubilea']);
    expect(rows[3]).toEqual(['Datum', 'Jaar lid', 'Naam', 'Nummer', 'Lid sinds', 'Lidmaatschap']);
    expect(rows[4]!.slice(0, 3)).toEqual([new Date('2026-06-01T00:00:00Z'), 25, 'Eva Evers']);
    expect(rows).toHaveLength(4 + 3);
    const pdf = await core.call('reports.board', { on: '2026-02-15', format: 'pdf' });
    const text = pdfText(pdf.file!, tmp.dir);
    expect(text).toContain('Bestuur en commissies');
    expect(text).toMatch(/Bestuur\s+Voorzitter\s+Anna Aalders\s+\d+\s+1-1-2020\s+28-2-2026/);
    const birthdays = pdfText((await core.call('reports.birthdays', { from: '2026-06-01', to: '2026-07-01', format: 'pdf' })).file!, tmp.dir);
    expect(birthdays).toMatch(/20-6-2026\s+Anna Aalders\s+\d+\s+20-6-1960\s+66/);
    // The PDF fonts lack the dotless i: the name is written without it, not as 'Y?lmaz'.
    const jubilees = pdfText((await core.call('reports.jubilees', { from: '2026-06-01', to: '2026-07-01', format: 'pdf' })).file!, tmp.dir);
    expect(jubilees).toMatch(/30-6-2026\s+10\s+Dina Yilmaz/);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(core.call('reports.jubilees', { from: '2026-07-01', to: '2026-06-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('contributions billed, paid and open', () => {
  let core: ReturnType<typeof createTestCore>;
  const tmp = tempDir();

  beforeAll(async () => {
    core = createTestCore({ file: path.join(tmp.dir, 'penningmeester.sqlite') });
    core.clock.set('2027-06-15');
    const { person } = await setupClub(core);
    const anna = await person({ name: 'Anna Senior', birthDate: '1980-01-01' });
    const bert = await person({ name: 'Bert Jeugd', birthDate: '2015-01-01' });
    const gijs = await person({ name: 'Gijs Donateur', birthDate: '1980-01-01', type: 'donatie' });
    const cato = await person({ name: 'Cato Extra', birthDate: '1980-01-01', type: 'donatie', from: '2027-01-01' });
    await core.call('feeSchedules.save', { schedule: schedule2027({ paymentMethods: {}, household: null, oneOffCharges: [] }) });
    const run = await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2027-01-02' });
    const inv = async (who: string) => (await core.call('invoices.list', { relationId: who, offset: 0, limit: 10 })).rows[0]!;
    expect(run.invoices).toHaveLength(4);
    const extra = await core.call('invoices.create', { relationId: cato, invoiceDate: '2027-01-05', lines: [{ description: 'Clubtenue', amountCents: 3999 }] });
    await core.call('payments.add', { invoiceIds: [(await inv(anna)).id], amountCents: 2500, date: '2027-01-10' });
    await core.call('payments.add', { invoiceIds: [(await inv(gijs)).id], amountCents: 2500, date: '2027-02-01' });
    await core.call('payments.add', { invoiceIds: [extra.id], amountCents: 1000, date: '2027-03-01' });
    await core.call('invoices.credit', { id: (await inv(bert)).id, reason: 'Opgezegd', invoiceDate: '2027-03-01' });
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  const sql = (q: string) => (core.ctx.sqlite.prepare(q).get() as { v: number }).v;

  it('reconciles with the invoices, the payments and the open items', async () => {
    const r = await core.call('reports.contributions', { from: '2027-01-01', to: '2028-01-01', groupBy: 'year' });
    expect(r.rows).toHaveLength(1);
    const billed = sql(`SELECT sum(total_cents) AS v FROM invoices WHERE kind = 'invoice'`);
    const credited = sql(`SELECT -sum(total_cents) AS v FROM invoices WHERE kind = 'credit'`);
    const paid = sql('SELECT sum(amount_cents) AS v FROM payment_allocations');
    const open = (await core.call('openItems.list', { asOf: '2027-06-15', offset: 0, limit: 100 })).openCents;
    expect(r.totals).toMatchObject({ invoices: 5, billed, credited, paid, open });
    // By hand: Anna 60, Bert 30 (credited), Gijs 25, Cato 25 + 39,99; paid 25 + 25 + 10.
    expect(r.totals).toMatchObject({ billed: 6000 + 3000 + 2500 + 2500 + 3999, credited: 3000, paid: 6000, open: 3500 + 2500 + 2999 });
  });

  it('splits per run and per type with the same totals', async () => {
    const year = await core.call('reports.contributions', { from: '2027-01-01', to: '2028-01-01', groupBy: 'year' });
    const run = await core.call('reports.contributions', { from: '2027-01-01', to: '2028-01-01', groupBy: 'run' });
    expect(lines(run, ['group', 'invoices', 'billed', 'paid', 'open'])).toEqual(['2027 (2-1-2027) | 4 | 14000 | 5000 | 6000', 'Losse facturen | 1 | 3999 | 1000 | 2999']);
    const type = await core.call('reports.contributions', { from: '2027-01-01', to: '2028-01-01', groupBy: 'type' });
    expect(lines(type, ['group', 'billed', 'credited', 'paid', 'open'])).toEqual(['Donateur | 5000 | 0 | 2500 | 2500', 'Lid | 9000 | 3000 | 2500 | 3500', 'Overige regels | 3999 | 0 | 1000 | 2999']);
    for (const k of ['billed', 'credited', 'paid', 'open']) {
      expect(run.totals![k]).toBe(year.totals![k]);
      expect(type.totals![k]).toBe(year.totals![k]);
    }
  });

  it('counts payments and credits up to the chosen day, and only invoices dated in the period', async () => {
    const early = await core.call('reports.contributions', { from: '2027-01-01', to: '2028-01-01', asOf: '2027-01-31' });
    expect(early.totals).toMatchObject({ paid: 2500, credited: 0 });
    const none = await core.call('reports.contributions', { from: '2027-01-03', to: '2027-01-05' });
    expect(none.rows).toHaveLength(0);
    expect(none.totals).toMatchObject({ invoices: 0, billed: 0 });
  });

  it('exports to Excel with amounts in euros', async () => {
    const r = await core.call('reports.contributions', { from: '2027-01-01', to: '2028-01-01', groupBy: 'run', format: 'xlsx' });
    const rows = await xlsxRows(r.file!);
    expect(rows[3]).toEqual(['Contributierun', 'Facturen', 'Gefactureerd', 'Gecrediteerd', 'Betaald', 'Open']);
    expect(rows[rows.length - 1]).toEqual(['Totaal', 5, 179.99, 30, 60, 89.99]);
  });
});

describe('prorate', () => {
  it('splits in whole cents that add up exactly', () => {
    expect(prorate(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(prorate(-1000, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(-1000);
    expect(prorate(500, [0, 0])).toEqual([500, 0]);
    expect(prorate(999, [6000, -1000, 3000]).reduce((a, b) => a + b, 0)).toBe(999);
  });
});
