import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import type { Condition, OverviewFigure } from '../../../shared/contract';
import { generateDemo } from '../demo/generate-demo';
import { countOnDays, monthStarts } from './member-series';

/**
 * A small association with known answers on 2026-06-15, and the rule the overview lives by:
 * every number equals the length of the list it opens (the same condition, evaluated again
 * through `conditions.evaluate`, paged to the end).
 */
const ON = '2026-06-15';
const IBAN = 'NL91ABNA0417164300';
let core: ReturnType<typeof createTestCore>;
const ids: Record<string, string> = {};

async function listLength(core: ReturnType<typeof createTestCore>, f: Pick<OverviewFigure, 'condition' | 'moment'>): Promise<{ total: number; rows: number }> {
  let offset = 0;
  let rows = 0;
  let total = 0;
  for (;;) {
    const page = await core.call('conditions.evaluate', { condition: f.condition, moment: f.moment, offset, limit: 500 });
    total = page.total;
    rows += page.rows.length;
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.total) break;
  }
  return { total, rows };
}

async function person(key: string, firstName: string, lastName: string, opts: { birth?: string; postcode?: string; email?: string; iban?: string; from?: string; to?: string; sub?: string }) {
  const { id } = await core.call('relations.create', {
    kind: 'person',
    fields: { firstName, lastName, birthDate: opts.birth ?? null, email: opts.email ?? null, iban: opts.iban ?? null },
    ...(opts.postcode ? { address: { street: 'Straat', houseNumber: 1, postcode: opts.postcode, validFrom: '2000-01-01' } } : {}),
  });
  ids[key] = id;
  if (opts.from) {
    const types = (await core.call('subscriptionTypes.list', {})).rows;
    await core.call('subscriptions.add', {
      relationId: id,
      subscription: { typeId: types.find((t) => t.code === (opts.sub ?? 'lidmaatschap'))!.id, startDate: opts.from, endDate: opts.to ?? null },
    });
  }
}

/** Mandates are built by the SEPA work; until its API lands the test writes the rows the schema defines. */
function mandate(relationId: string, reference: string, signedOn: string, status: 'active' | 'ended', endedOn: string | null, endReason: string | null) {
  core.ctx.write('paymentSettings.set', { test: 'mandate' }, () => {
    core.ctx.sqlite
      .prepare(
        `INSERT INTO sepa_mandates (id, relation_id, reference, signed_on, iban, status, ended_on, end_reason, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
      )
      .run(core.ctx.newId(), relationId, reference, signedOn, IBAN, status, endedOn, endReason);
  });
}

beforeAll(async () => {
  core = createTestCore();
  core.clock.set(ON);
  await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' });
  await core.call('subscriptionTypes.create', { code: 'donatie', name: 'Donatie' });
  await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['lidmaatschap'] } });
  await core.call('membershipTypes.create', { code: 'donateur', name: 'Donateur', baseCondition: { type: 'subscription', typeCodes: ['donatie'] } });
  const root = (await core.call('units.create', { unit: { name: 'Vereniging', startDate: '1990-01-01' }, parentId: null, generalRule: null })).id!;
  const pc = (from: number, to: number): Condition => ({ type: 'address', postcodeRanges: [{ from, to }] });
  ids.noord = (await core.call('units.create', { unit: { name: 'Noord', startDate: '1990-01-01' }, parentId: root, generalRule: pc(9000, 9999) })).id!;
  ids.zuid = (await core.call('units.create', { unit: { name: 'Zuid', startDate: '1990-01-01' }, parentId: root, generalRule: pc(1000, 8999) })).id!;
  ids.root = root;

  await person('anna', 'Anna', 'Aalders', { birth: '1960-06-20', postcode: '9711 LM', email: 'anna@example.nl', iban: IBAN, from: '2001-06-25' });
  await person('anne', 'Anne', 'Aalders', { birth: '1960-06-20', postcode: '9711 LM', email: 'anna@example.nl' }); // a suspected double, no member
  await person('bert', 'Bert', 'Bakker', { birth: '2010-03-01', postcode: '3511 AB', from: '2026-02-01' });
  await person('cor', 'Cor', 'Claassen', { birth: '1975-01-01', postcode: '6211 CK', email: 'cor@example.nl', from: '2010-01-01', to: '2026-03-01' });
  await person('dina', 'Dina', 'Dekker', { from: '2020-01-01' });
  await person('eva', 'Eva', 'Evers', { birth: '1950-12-01', postcode: '1009 AA', email: 'eva@example.nl', iban: IBAN, from: '2015-01-01' });
  await person('gijs', 'Gijs', 'Gerritsen', { birth: '1990-05-05', postcode: '5611 AA', email: 'gijs@example.nl', from: '2018-01-01', sub: 'donatie' });

  for (const key of ['anna', 'bert', 'eva']) await core.call('paymentSettings.set', { relationId: ids[key]!, settings: { method: 'incasso' } });
  await core.call('paymentSettings.set', { relationId: ids.gijs!, settings: { method: 'factuur' } });
  mandate(ids.anna!, 'M-ANNA', '2020-01-01', 'active', null, null);
  mandate(ids.eva!, 'M-EVA', '2015-01-01', 'ended', '2025-11-03', 'MD07');
});
afterAll(() => core.close());

describe('overview of a small association', () => {
  it('counts what a secretary would count by hand', async () => {
    const o = await core.call('overview.get', { on: ON });
    const counts = Object.fromEntries(o.figures.map((f) => [f.key, f.count]));
    expect(counts).toEqual({
      'type:lid': 4, // Anna, Bert, Dina, Eva (Cor left on 1 March)
      'type:donateur': 1,
      [`unit:${ids.root}`]: 5,
      [`unit:${ids.noord}`]: 1,
      [`unit:${ids.zuid}`]: 3, // Bert, Eva, Gijs; Dina has no address
      joined: 1, // Bert
      left: 1, // Cor
      'age:0-17': 1,
      'age:18-29': 0,
      'age:30-44': 1,
      'age:45-64': 0,
      'age:65-79': 2, // Anna 65, Eva 75
      'age:80-': 0,
      'age:unknown': 1, // Dina
      birthdays: 1, // Anna on 20 June
      'jubilee:10': 0,
      'jubilee:25': 1, // Anna since 25 June 2001
      'jubilee:40': 0,
      'jubilee:50': 0,
      'jubilee:60': 0,
      noAddress: 1, // Dina
      'signal:noEmail': 2, // Bert, Dina
      'signal:invalidPostcode': 1, // Eva: 1009 is no postcode area
      'signal:debitWithoutIban': 1, // Bert
      'signal:debitWithoutMandate': 2, // Bert never had one, Eva's ended
      'signal:suspectedDuplicate': 2, // Anna and Anne
      'signal:returnedDebit': 1, // Eva's mandate ended with MD07
    });
    expect(o.figures.find((f) => f.key === `unit:${ids.zuid}`)).toMatchObject({ name: 'Zuid', depth: 1 });
  });

  it('opens exactly the list behind every number', async () => {
    const o = await core.call('overview.get', { on: ON });
    for (const f of o.figures) {
      const list = await listLength(core, f);
      expect({ key: f.key, total: list.total, rows: list.rows }).toEqual({ key: f.key, total: f.count, rows: f.count });
    }
    const names = async (key: string) => {
      const f = o.figures.find((x) => x.key === key)!;
      return (await core.call('conditions.evaluate', { condition: f.condition, moment: f.moment, offset: 0, limit: 50 })).rows.map((r) => r.displayName);
    };
    expect(await names('left')).toEqual(['Cor Claassen']);
    expect(await names('birthdays')).toEqual(['Anna Aalders']);
    expect(await names('signal:debitWithoutMandate')).toEqual(['Bert Bakker', 'Eva Evers']);
  });

  it('counts members on each first of the month as the same condition on that day', async () => {
    const s = await core.call('overview.series', { until: ON, months: 240, by: 'type' });
    expect(s.months).toHaveLength(240);
    expect(s.months[0]).toBe('2006-07-01');
    expect(s.months.at(-1)).toBe('2026-06-01');
    const lid = s.series.find((x) => x.key === 'type:lid')!;
    for (const i of [0, 40, 100, 200, 223, 232, 236, 239]) {
      const on = await core.call('conditions.evaluate', { condition: lid.condition, moment: { on: s.months[i]! }, offset: 0, limit: 1 });
      expect({ month: s.months[i], count: lid.counts[i] }).toEqual({ month: s.months[i], count: on.total });
    }
    // Anna from 2001; Cor 2010–2026-03; Eva 2015; Dina 2020; Bert 2026-02.
    expect(lid.counts[0]).toBe(1);
    expect(lid.counts.at(-1)).toBe(4);
    const units = await core.call('overview.series', { until: ON, months: 12, by: 'unit' });
    expect(units.series.map((x) => x.name)).toEqual(['Noord', 'Zuid']);
  });

  it('reports members per unit and type over a period, in Excel and PDF', async () => {
    const r = await core.call('reports.membersPerUnit', { from: '2026-01-01', to: '2026-06-16', format: 'xlsx' });
    const zuidLid = r.rows.find((x) => String(x.unit).trim() === 'Zuid' && x.type === 'Lid');
    // Cor and Eva on 1 January; Bert came in, Cor went out; Bert and Eva on 15 June.
    expect(zuidLid).toMatchObject({ start: 2, in: 1, out: 1, end: 2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(r.file!.bytes, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(4).values).toEqual([undefined, 'Afdeling', 'Type', 'Op 1-1-2026', 'Erbij', 'Eraf', 'Op 15-6-2026']);
    expect(sheet.actualRowCount).toBe(3 + r.rows.length); // title, period, header (a blank row between is not counted)
    const pdf = await core.call('reports.membersPerUnit', { from: '2026-01-01', to: '2026-06-16', format: 'pdf' });
    const bytes = Buffer.from(pdf.file!.bytes, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync(path.join(os.tmpdir(), 'ledenbeheer-report-members.pdf'), bytes);
  });

  it('counts age categories on 1 January with the levy per head', async () => {
    const r = await core.call('reports.ageCategories', { year: 2026, typeCode: 'lid', format: 'pdf' });
    // On 1 January 2026: Cor 51; Anna 65, Eva 75; Dina has no birth date, Bert joined in February.
    expect(r.rows.map((x) => [x.category, x.members, x.amount])).toEqual([
      ['Jeugd (t/m 17)', 0, 0],
      ['Senioren (18–64)', 1, 1250],
      ['Veteranen (65+)', 2, 1500],
    ]);
    expect(r.totals).toEqual({ category: 'Totaal', members: 3, amount: 2750 });
    fs.writeFileSync(path.join(os.tmpdir(), 'ledenbeheer-report-ages.pdf'), Buffer.from(r.file!.bytes, 'base64'));
  });

  it('gives an empty series for no days', () => {
    expect(countOnDays(core.ctx, { type: 'alive' }, [])).toEqual([]);
    expect(monthStarts('2026-01-31', 3)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
  });
});

describe('overview of the demo', () => {
  let demo: ReturnType<typeof createTestCore>;
  beforeAll(() => {
    demo = createTestCore();
    demo.clock.set(ON);
    generateDemo(demo, { relations: 600, seed: 15, today: ON });
  });
  afterAll(() => demo.close());

  it('opens exactly the list behind every number, and the numbers are not all zero', async () => {
    const o = await demo.call('overview.get', { on: ON });
    for (const f of o.figures) {
      const list = await listLength(demo, f);
      expect({ key: f.key, total: list.total, rows: list.rows }).toEqual({ key: f.key, total: f.count, rows: f.count });
    }
    const nonZero = o.figures.filter((f) => f.count > 0).map((f) => f.section);
    for (const section of ['types', 'units', 'movement', 'ages', 'birthdays', 'jubilees', 'quality']) expect(nonZero).toContain(section);
  });

  it('counts the open items Openstaand lists, after an edit of a relation and after a payment', async () => {
    const listed = async () => (await demo.call('openItems.list', { asOf: ON, offset: 0, limit: 1 })).total;
    const counted = async () => (await demo.call('overview.get', { on: ON })).money.openItems;
    expect(await counted()).toBe(await listed());
    // Kept across a write to none of the tables they are read from …
    const someone = demo.ctx.sqlite.prepare(`SELECT id FROM relations WHERE kind = 'person' LIMIT 1`).get() as { id: string };
    demo.ctx.write('test.change', null, () => demo.ctx.sqlite.prepare(`UPDATE relations SET email = 'x@example.org' WHERE id = ?`).run(someone.id));
    expect(await counted()).toBe(await listed());
    // … and read again after a payment settles an open invoice.
    const open = (await demo.call('openItems.list', { asOf: ON, offset: 0, limit: 1 })).rows[0]!;
    const before = await listed();
    await demo.call('payments.add', { invoiceIds: [open.id], amountCents: open.openCents, date: ON, method: 'bank' });
    expect(await listed()).toBe(before - 1);
    expect(await counted()).toBe(before - 1);
  });
});
