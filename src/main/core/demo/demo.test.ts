import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import type { Core } from '../create-core';
import { generateDemo } from './generate-demo';
import { buildDemoData } from './build-demo';
import { demoEnvironment } from './generate-demo';
import { exportJson } from '../exchange/json-export';
import { validateIban } from '../../../shared/dutch/iban';
import { normalizePostcode } from '../../../shared/dutch/postcode';
import { normalizePhone } from '../../../shared/dutch/phone';
import { normalizeEmail } from '../../../shared/dutch/email';
import { isKnownInfix } from '../../../shared/dutch/names';
import { ageOn } from '../../../shared/dutch/dates';
import { DomainError } from '../../../shared/errors';
import { idKeySql } from '../db/audit-keys';

const TODAY = '2026-11-22';
const N = 1500;

type Row = Record<string, unknown>;
const all = (core: Core, sql: string, ...params: unknown[]) => core.ctx.sqlite.prepare(sql).all(...params) as Row[];
const one = (core: Core, sql: string, ...params: unknown[]) => core.ctx.sqlite.prepare(sql).get(...params) as Row;

let core: Core;
let dir: { dir: string; cleanup: () => void };

beforeAll(() => {
  dir = tempDir();
  core = createTestCore({ file: path.join(dir.dir, 'demo.sqlite') });
  generateDemo(core, { relations: N, seed: 'test', today: TODAY });
});

afterAll(() => {
  core.close();
  dir.cleanup();
});

describe('demo administration', () => {
  it('is deterministic: the same seed gives byte-identical data, another seed different data', () => {
    const env = demoEnvironment(core.ctx);
    const a = buildDemoData({ relations: 300, seed: 42, today: TODAY }, env);
    const b = buildDemoData({ relations: 300, seed: 42, today: TODAY }, env);
    const c = buildDemoData({ relations: 300, seed: 43, today: TODAY }, env);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('is deterministic through the database too: two files, one export', () => {
    const other = createTestCore({ file: path.join(dir.dir, 'again.sqlite') });
    try {
      generateDemo(other, { relations: N, seed: 'test', today: TODAY });
      const a = exportJson(core.ctx, path.join(dir.dir, 'a.json'));
      const b = exportJson(other.ctx, path.join(dir.dir, 'b.json'));
      const body = (f: string) => fs.readFileSync(f, 'utf8').split('\n').slice(4).join('\n');
      expect(body(b.file)).toBe(body(a.file));
    } finally {
      other.close();
    }
  });

  it('has about 90% persons and 10% organisations, numbered in order of registration', () => {
    const kinds = all(core, 'SELECT kind, count(*) AS n FROM relations GROUP BY kind');
    expect(Object.fromEntries(kinds.map((k) => [k['kind'], k['n']]))).toEqual({ person: N - 150, organisation: 150 });
    const order = all(core, 'SELECT number, created_at FROM relations ORDER BY number');
    expect(order.map((r) => r['number'])).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    for (let i = 1; i < order.length; i++) expect(order[i]?.['created_at'] as number).toBeGreaterThanOrEqual(order[i - 1]?.['created_at'] as number);
  });

  it('writes valid Dutch data: IBANs with check digits on real bank codes, postcodes, phones, e-mails, infixes', () => {
    const banks = core.ctx.reference.banks;
    for (const r of all(core, 'SELECT iban, bic FROM relations WHERE iban IS NOT NULL')) {
      const v = validateIban(r['iban'] as string);
      expect(v).toEqual({ ok: true, value: r['iban'] });
      const bank = banks.get((r['iban'] as string).slice(4, 8));
      expect(bank).toBeDefined();
      if (r['bic'] !== null) expect(r['bic']).toBe(bank?.bic);
    }
    for (const a of all(core, 'SELECT postcode, city, municipality, province FROM addresses')) {
      const pc = a['postcode'] as string;
      expect(normalizePostcode(pc)).toEqual({ ok: true, value: pc });
      expect(['SA', 'SD', 'SS']).not.toContain(pc.slice(5));
      const info = core.ctx.reference.pc4.get(pc.slice(0, 4));
      expect(info?.places).toContain(a['city']);
      expect(a['municipality']).toBe(info?.municipality);
      expect(a['province']).toBe(info?.province);
    }
    for (const r of all(core, 'SELECT phone, mobile, email, email2 FROM relations')) {
      for (const p of [r['phone'], r['mobile']]) if (p !== null) expect(normalizePhone(p as string)).toEqual({ ok: true, value: p });
      for (const e of [r['email'], r['email2']]) if (e !== null) expect(normalizeEmail(e as string)).toEqual({ ok: true, value: e });
    }
    const infixes = all(core, 'SELECT DISTINCT infix FROM relations WHERE infix IS NOT NULL').map((r) => r['infix'] as string);
    expect(infixes).toEqual(expect.arrayContaining(['van', 'de', 'van der', 'van den']));
    for (const infix of infixes) expect(isKnownInfix(core.ctx.reference.infixes, infix)).toBe(true);
    const share = one(core, `SELECT avg(infix IS NOT NULL) AS s FROM relations WHERE kind = 'person'`)['s'] as number;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.4);
  });

  it('has persons aged 6 to 95 with initials, gender and salutation form', () => {
    for (const r of all(core, `SELECT * FROM relations WHERE kind = 'person'`)) {
      if (r['birth_date'] !== null) {
        const age = ageOn(r['birth_date'] as string, TODAY);
        expect(age).toBeGreaterThanOrEqual(6);
        expect(age).toBeLessThanOrEqual(95);
      }
      expect(r['initials']).toMatch(/^([A-Z]\.)+$/);
      expect({ m: 'heer', v: 'mevrouw', x: 'neutraal' }[r['gender'] as 'm']).toBe(r['address_form']);
    }
  });

  it('moves about 30% of the people, ending the old address on the day the new one starts', () => {
    const homes = all(core, `SELECT relation_id, valid_from, valid_to FROM addresses WHERE type = 'home' ORDER BY relation_id, valid_from`);
    const byRelation = new Map<string, Row[]>();
    for (const a of homes) byRelation.set(a['relation_id'] as string, [...(byRelation.get(a['relation_id'] as string) ?? []), a]);
    const persons = (one(core, `SELECT count(*) AS n FROM relations WHERE kind = 'person'`)['n'] as number);
    const moved = [...byRelation.values()].filter((list) => list.length > 1);
    expect(moved.length / persons).toBeGreaterThan(0.2);
    expect(moved.length / persons).toBeLessThan(0.4);
    for (const list of byRelation.values()) {
      list.forEach((a, i) => {
        const next = list[i + 1];
        if (next) expect(a['valid_to']).toBe(next['valid_from']);
        else expect(a['valid_to']).toBeNull();
      });
    }
  });

  it('has history: relation types that start and end, jobs with a function, partners, tags and custom fields', () => {
    const types = one(core, `SELECT count(*) AS n, sum(valid_to IS NOT NULL) AS ended FROM relation_type_assignments`);
    expect(types['ended'] as number).toBeGreaterThan(0.15 * (types['n'] as number));
    const jobs = all(core, `SELECT l.function, l.valid_to, f.kind AS fk, t.kind AS tk FROM relation_links l
      JOIN link_types lt ON lt.id = l.link_type_id JOIN relations f ON f.id = l.from_relation_id JOIN relations t ON t.id = l.to_relation_id
      WHERE lt.code = 'employment'`);
    expect(jobs.length).toBeGreaterThan(N * 0.1);
    expect(jobs.every((j) => j['function'] && j['fk'] === 'person' && j['tk'] === 'organisation')).toBe(true);
    expect(jobs.some((j) => j['valid_to'] !== null)).toBe(true);
    const codes = all(core, `SELECT lt.code FROM relation_links l JOIN link_types lt ON lt.id = l.link_type_id GROUP BY lt.code`).map((r) => r['code']);
    expect(codes).toEqual(expect.arrayContaining(['employment', 'director', 'contact', 'partner', 'parent']));
    const tagged = one(core, `SELECT count(DISTINCT relation_id) AS n FROM relation_tags`)['n'] as number;
    expect(tagged / N).toBeGreaterThan(0.25);
    expect(tagged / N).toBeLessThan(0.35);
    const path = all(core, `WITH RECURSIVE up(id, name, parent_id, depth) AS (
        SELECT id, name, parent_id, 0 FROM tags WHERE name = 'Hongarije'
        UNION ALL SELECT t.id, t.name, t.parent_id, depth + 1 FROM tags t JOIN up ON t.id = up.parent_id)
      SELECT name FROM up ORDER BY depth DESC`).map((r) => r['name']);
    expect(path).toEqual(['Interesses', 'Reizen', 'Oost-Europa', 'Hongarije']);
    const fields = all(core, `SELECT f.code, count(v.id) AS n FROM custom_fields f LEFT JOIN custom_values v ON v.field_id = f.id GROUP BY f.code`);
    expect(fields.map((f) => f['code']).sort()).toEqual(['aantal_medewerkers', 'lid_knvb_sinds', 'rijbewijs', 'shirtmaat']);
    expect(fields.every((f) => (f['n'] as number) > 0)).toBe(true);
  });

  it('is one audited operation demo.generate covering every row it wrote', () => {
    const ops = all(core, `SELECT id FROM operations WHERE kind = 'demo.generate'`);
    expect(ops).toHaveLength(1);
    const op = ops[0]?.['id'];
    for (const table of ['relations', 'addresses', 'relation_type_assignments', 'relation_links', 'custom_values', 'relation_tags', 'tags', 'custom_fields']) {
      const rows = one(core, `SELECT count(*) AS n FROM ${table}`)['n'];
      const audited = one(core, `SELECT count(*) AS n FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) AND table_name = ? AND action = 'insert'`, op, table)['n'];
      expect(audited, table).toBe(rows);
    }
    const missing = one(core, `SELECT count(*) AS n FROM relations r WHERE NOT EXISTS
      (SELECT 1 FROM audit_log a WHERE a.table_name = 'relations' AND a.record_id = ${idKeySql('r.id')} AND a.operation = (SELECT seq FROM operations WHERE id = ?))`, op)['n'];
    expect(missing).toBe(0);
  });

  it('can be found through search: by last name, first name and city', async () => {
    const sample = all(core, `SELECT r.id, r.first_name, r.last_name, a.city FROM relations r JOIN addresses a ON a.relation_id = r.id
      WHERE r.kind = 'person' AND r.deleted_at IS NULL AND r.first_name IS NOT NULL AND a.valid_to IS NULL ORDER BY r.number LIMIT 25`);
    for (const s of sample) {
      const { rows } = await core.call('relations.search', { query: `${s['first_name']} ${s['last_name']} ${s['city']}`, limit: 200 });
      expect(rows.map((r) => r.id)).toContain(s['id']);
    }
  });

  it('refuses an administration that is not empty', () => {
    expect(() => generateDemo(core, { relations: 10, seed: 1, today: TODAY })).toThrow(DomainError);
    try {
      generateDemo(core, { relations: 10, seed: 1, today: TODAY });
    } catch (e) {
      expect((e as DomainError).code).toBe('CONFLICT');
      expect((e as DomainError).details).toMatchObject({ reason: 'ADMINISTRATION_NOT_EMPTY', relations: N });
    }
  });
});

describe('the association around the members (demo-association)', () => {
  const count = (sql: string, ...p: unknown[]) => one(core, sql, ...p)['n'] as number;

  it('has a subscription Lidmaatschap for every lid period, and a club magazine', () => {
    const periods = count(`SELECT count(*) AS n FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id WHERE t.code = 'lid' AND (a.valid_to IS NULL OR a.valid_to > coalesce(a.valid_from, ''))`);
    expect(periods).toBeGreaterThan(N * 0.3);
    expect(count(`SELECT count(*) AS n FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id WHERE t.code = 'lidmaatschap'`)).toBe(periods);
    expect(count(`SELECT count(*) AS n FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id WHERE t.code = 'clubblad'`)).toBeGreaterThan(50);
  });

  it('has an organisation of province › municipality › department units with rules', async () => {
    const { rows } = await core.call('units.list', {});
    const levels = rows.map((u) => u.level);
    expect(levels.filter((l) => l === 'Organisatie')).toHaveLength(1);
    expect(levels.filter((l) => l === 'Provincie')).toHaveLength(3);
    expect(levels.filter((l) => l === 'Gemeente')).toHaveLength(6);
    expect(levels.filter((l) => l === 'Afdeling')).toHaveLength(2);
    expect(count('SELECT count(*) AS n FROM unit_rules')).toBe(11);
  });

  it('computes memberships from the rules: a member in a department is also in its municipality, province and the organisation', () => {
    const dept = one(core, `SELECT u.id, u.name FROM units u WHERE u.level = 'Afdeling' ORDER BY u.position LIMIT 1`);
    const inDept = all(core, `SELECT relation_id FROM memberships WHERE unit_id = ? AND end_date IS NULL`, dept['id']);
    expect(inDept.length).toBeGreaterThan(0);
    const who = inDept[0]!['relation_id'];
    const levels = all(core, `SELECT u.level FROM memberships m JOIN units u ON u.id = m.unit_id WHERE m.relation_id = ? AND m.end_date IS NULL ORDER BY u.level`, who).map((r) => r['level']);
    expect(levels).toEqual(['Afdeling', 'Gemeente', 'Organisatie', 'Provincie']);
    // Everyone with a current Lidmaatschap is a member of the organisation; nobody without one is.
    const current = count(`SELECT count(DISTINCT relation_id) AS n FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id WHERE t.code = 'lidmaatschap' AND s.start_date <= ? AND (s.end_date IS NULL OR s.end_date > ?)`, TODAY, TODAY);
    const rootMembers = count(`SELECT count(DISTINCT m.relation_id) AS n FROM memberships m JOIN units u ON u.id = m.unit_id JOIN membership_types mt ON mt.id = m.membership_type_id WHERE u.level = 'Organisatie' AND mt.code = 'lid' AND (m.end_date IS NULL OR m.end_date > ?) AND (m.start_date IS NULL OR m.start_date <= ?)`, TODAY, TODAY);
    expect(rootMembers).toBe(current);
  });

  it('has jubilees: members reaching 10, 25 or 40 years this year', async () => {
    const j = await core.call('memberships.jubilees', { years: [10, 25, 40], from: '2026-01-01', to: '2027-01-01' });
    const rows = j.rows;
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => [10, 25, 40].includes(r.years) && r.date >= '2026-01-01' && r.date < '2027-01-01')).toBe(true);
  });

  it('has a board with role history and a scheduled change, and committees', async () => {
    const groups = (await core.call('groups.list', {})).rows;
    const names = groups.map((g) => g.name);
    for (const n of ['Bestuur', 'Kascommissie', 'Activiteitencommissie', 'Redactie clubblad']) expect(names).toContain(n);
    const board = groups.find((g) => g.name === 'Bestuur')!;
    const roles = all(core, `SELECT gr.code, gm.valid_from AS "from", gm.valid_to AS "to" FROM group_members gm JOIN group_roles gr ON gr.id = gm.role_id WHERE gm.group_id = ? ORDER BY gr.code, gm.valid_from`, board.id);
    const chairs = roles.filter((r) => r['code'] === 'voorzitter');
    expect(chairs.map((c) => [c['from'], c['to']])).toEqual([['2012-01-01', '2022-01-01'], ['2022-01-01', null]]);
    // The secretary hands over in 30 days: one ends then, the other starts then.
    const secretaries = roles.filter((r) => r['code'] === 'secretaris');
    expect(secretaries).toHaveLength(2);
    expect(secretaries[0]!['to']).toBe('2026-12-22');
    expect(secretaries[1]!['from']).toBe('2026-12-22');
  });

  it('has saved selections and mailing lists that follow one', async () => {
    const selections = (await core.call('selections.list', {})).rows.map((s) => s.name);
    expect(selections).toEqual(expect.arrayContaining(['Jeugdleden', 'Jubilarissen (25 jaar lid of langer)', 'Oud-leden']));
    expect(selections.some((s) => s.startsWith('Leden in '))).toBe(true);
    const lists = (await core.call('groups.list', {})).rows.filter((g) => g.type === 'mailing_list');
    expect(lists.length).toBe(2);
    const news = lists.find((g) => g.name.startsWith('Nieuwsbrief '))!;
    const members = await core.call('groups.members', { groupId: news.id } as never);
    expect((members as { rows: unknown[] }).rows.length).toBeGreaterThan(10);
  });

  it('has contributions: a schedule, a run, payments (some partial), open invoices and a first reminder', () => {
    expect(count('SELECT count(*) AS n FROM fee_schedules')).toBe(1);
    expect(count('SELECT count(*) AS n FROM contribution_runs')).toBe(1);
    const invoices = count('SELECT count(*) AS n FROM invoices');
    expect(invoices).toBeGreaterThan(N * 0.2);
    const payments = count('SELECT count(*) AS n FROM payments');
    expect(payments).toBeGreaterThan(invoices * 0.6);
    expect(payments).toBeLessThan(invoices * 0.8);
    expect(count('SELECT count(*) AS n FROM invoice_reminders')).toBeGreaterThan(0);
    // 4500 + 150 administratiekosten per member invoice.
    expect(one(core, `SELECT total_cents AS t FROM invoices ORDER BY number LIMIT 1`)['t']).toBe(4650);
  });
});
