import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { relationReferences } from './move-references';
import { idTextSql } from '../db/audit-keys';

let core: ReturnType<typeof createTestCore>;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

const sql = () => core.ctx.sqlite;
const person = async (firstName: string, lastName: string, extra: Record<string, unknown> = {}) =>
  (await core.call('relations.create', { kind: 'person', fields: { firstName, lastName, ...extra } })) as { id: string; number: number };

/** Runs raw inserts inside one audited operation, as the domains do. */
function seed(fn: () => void, touched: string[] = []) {
  core.ctx.write('test.seed', null, (op) => {
    fn();
    if (touched.length) op.changed('relations.changed', { ids: touched });
  });
}

/**
 * A row in a referencing table no code here knows: every NOT NULL column gets a value, and
 * references point at an existing row of their table (or the relation being merged away);
 * a referenced table without rows (say a batch for its items) gets a generic row first.
 */
function fillGeneric(table: string, relationColumn: string | null, relationId: string): string {
  const cols = sql().prepare(`SELECT name, type, "notnull" AS nn, dflt_value AS d, pk FROM pragma_table_info(?)`).all(table) as {
    name: string;
    type: string;
    nn: number;
    d: unknown;
    pk: number;
  }[];
  const fks = new Map(
    (sql().prepare(`SELECT "from" AS c, "table" AS t FROM pragma_foreign_key_list(?)`).all(table) as { c: string; t: string }[]).map((f) => [f.c, f.t]),
  );
  const values: Record<string, unknown> = {};
  for (const c of cols) {
    if (c.name === relationColumn) values[c.name] = relationId;
    else if (fks.has(c.name)) {
      const target = fks.get(c.name) as string;
      const row = sql().prepare(`SELECT id FROM "${target}" ${target === 'relations' ? 'WHERE id = ?' : 'LIMIT 1'}`).get(...(target === 'relations' ? [relationId] : [])) as { id: string } | undefined;
      if (!row && c.nn && target !== 'relations' && target !== table) values[c.name] = fillGeneric(target, null, relationId);
      else if (!row && c.nn) throw new Error(`test needs a row in ${target} to fill ${table}.${c.name}`);
      else values[c.name] = row?.id ?? null;
    } else if (c.nn && c.d === null) values[c.name] = c.pk ? `gen-${table}` : /INT|REAL|NUM/i.test(c.type) ? 1 : 'x';
  }
  const names = Object.keys(values);
  sql()
    .prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`)
    .run(values);
  return `gen-${table}`;
}

describe('a merge moves every row that references the removed relation', () => {
  it('covers every referencing table, including one added later', async () => {
    // A table another domain might add later (say invoices): no code in the merge knows it.
    sql().exec(`CREATE TABLE test_invoices (id TEXT PRIMARY KEY, relation_id TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE, amount INTEGER NOT NULL)`);
    sql().exec(`CREATE TABLE test_payments (relation_id TEXT REFERENCES relations(id), paid_by TEXT REFERENCES relations(id), amount INTEGER)`);

    const keep = await person('Jan', 'Bakker', { email: 'jan@bakker.nl' });
    const remove = await person('Johannes', 'Bakker', { birthDate: '1970-05-01' });
    const other = await person('Marie', 'Bakker');
    const older = await person('J.', 'Bakker');
    // An earlier merge left a redirect pointing at the relation we now merge away.
    await core.call('dedupe.merge', { keepId: remove.id, removeId: older.id });

    const subType = await core.call('subscriptionTypes.create', { code: 'blad', name: 'Clubblad' });
    const memberType = await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['blad'] } });
    const unit = await core.call('units.create', { unit: { name: 'Vereniging', startDate: '2000-01-01' }, parentId: null, generalRule: null });
    await core.call('subscriptions.add', { relationId: remove.id, subscription: { typeId: subType.id, startDate: '2020-01-01', endDate: null } });
    const lt = sql().prepare(`SELECT id FROM link_types LIMIT 1`).get() as { id: string };
    const rt = sql().prepare(`SELECT id FROM relation_types LIMIT 1`).get() as { id: string };
    seed(() => {
      const t = core.ctx.now();
      sql().prepare(`INSERT INTO addresses (id, relation_id, type, street, house_number, postcode, city, country, created_at, updated_at) VALUES ('addr-r', ?, 'home', 'Dorpsstraat', 3, '3511 AB', 'Utrecht', 'NL', ?, ?)`).run(remove.id, t, t);
      sql().prepare(`INSERT INTO relation_links (id, link_type_id, from_relation_id, to_relation_id, created_at, updated_at) VALUES ('link-from', ?, ?, ?, ?, ?), ('link-to', ?, ?, ?, ?, ?)`).run(lt.id, remove.id, other.id, t, t, lt.id, other.id, remove.id, t, t);
      sql().prepare(`INSERT INTO relation_type_assignments (id, relation_id, type_id, valid_from, created_at) VALUES ('rta-r', ?, ?, '2020-01-01', ?)`).run(remove.id, rt.id, t);
      sql().prepare(`INSERT INTO custom_fields (id, code, label, data_type, created_at) VALUES ('cf', 'shirt', 'Shirtmaat', 'text', ?)`).run(t);
      sql().prepare(`INSERT INTO custom_values (id, relation_id, field_id, value) VALUES ('cv-r', ?, 'cf', 'XL')`).run(remove.id);
      sql().prepare(`INSERT INTO tags (id, name, created_at) VALUES ('tag', 'Vrijwilliger', ?)`).run(t);
      sql().prepare(`INSERT INTO relation_tags (id, relation_id, tag_id, created_at) VALUES ('rt-r', ?, 'tag', ?)`).run(remove.id, t);
      sql().prepare(`INSERT INTO groups (id, name, type, created_at, updated_at) VALUES ('grp', 'Bestuur', 'static', ?, ?)`).run(t, t);
      sql().prepare(`INSERT INTO group_members (id, group_id, relation_id, valid_from, created_at, updated_at) VALUES ('gm-r', 'grp', ?, '2019-01-01', ?, ?)`).run(remove.id, t, t);
      sql().prepare(`INSERT INTO membership_exceptions (id, relation_id, unit_id, membership_type_id, valid_from, created_at, updated_at) VALUES ('exc-r', ?, ?, ?, '2021-01-01', ?, ?)`).run(remove.id, unit.id, memberType.id, t, t);
      sql().prepare(`UPDATE units SET relation_id = ? WHERE id = ?`).run(remove.id, unit.id);
      sql().prepare(`INSERT INTO duplicate_dismissals (id, relation_a_id, relation_b_id, created_at) VALUES ('dd-r', ?, ?, ?)`).run(...[remove.id, other.id].sort(), t);
      sql().prepare(`INSERT INTO test_invoices (id, relation_id, amount) VALUES ('inv-r', ?, 2500)`).run(remove.id);
      sql().prepare(`INSERT INTO test_payments (relation_id, paid_by, amount) VALUES (?, ?, 2500)`).run(remove.id, remove.id);
      // Change requests, contact log, tasks and meetings (their child rows need parents).
      sql().prepare(`INSERT INTO change_requests (id, title, source_kind, source_name, source_key, requested_on, relation_id, changes, created_at, updated_at) VALUES ('cr-r', 'Verzoek', 'csv', 'f.csv', 'k:1', '2026-01-01', ?, '[]', ?, ?)`).run(remove.id, t, t);
      sql().prepare(`INSERT INTO contact_log (id, kind, date, subject, created_at, updated_at) VALUES ('log-r', 'call', '2026-01-01', 'Gebeld', ?, ?)`).run(t, t);
      sql().prepare(`INSERT INTO contact_log_links (id, entry_id, relation_id) VALUES ('ll-r', 'log-r', ?)`).run(remove.id);
      sql().prepare(`INSERT INTO tasks (id, title, relation_id, created_at, updated_at) VALUES ('task-r', 'Bellen', ?, ?, ?)`).run(remove.id, t, t);
      sql().prepare(`INSERT INTO meetings (id, group_id, title, date, created_at, updated_at) VALUES ('mt', 'grp', 'Vergadering', '2026-01-01', ?, ?)`).run(t, t);
      sql().prepare(`INSERT INTO meeting_attendance (id, meeting_id, relation_id, status) VALUES ('ma-r', 'mt', ?, 'present')`).run(remove.id);
      // A SEPA batch for the batch items that name the relation (their other parents are filled in below).
      sql().prepare(`INSERT INTO sepa_batches (id, kind, message_version, msg_id, transaction_count, control_sum_cents, created_at) VALUES ('sb', 'collection', 'pain.008.001.02', 'INC-TEST', 0, 0, ?)`).run(t);
    }, [remove.id]);

    // Any referencing table not filled above (added by another domain since) gets a generic row.
    const refs = relationReferences(sql());
    // A few passes: a table may need a row of another one filled here first (invoice lines need an invoice).
    for (let pass = 0; pass < 3; pass++) {
      for (const r of refs) {
        const n = (sql().prepare(`SELECT count(*) AS n FROM "${r.table}" WHERE "${r.column}" = ?`).get(remove.id) as { n: number }).n;
        if (n > 0) continue;
        try {
          seed(() => fillGeneric(r.table, r.column, remove.id));
        } catch (e) {
          if (pass === 2 || !(e instanceof Error) || !e.message.startsWith('test needs a row')) throw e;
        }
      }
    }
    const before = new Map(refs.map((r) => [`${r.table}.${r.column}`, (sql().prepare(`SELECT count(*) AS n FROM "${r.table}" WHERE "${r.column}" = ?`).get(remove.id) as { n: number }).n]));
    for (const [k, n] of before) expect(n, `a row in ${k} points at the removed relation`).toBeGreaterThan(0);
    expect([...before.keys()]).toEqual(expect.arrayContaining(['test_invoices.relation_id', 'test_payments.relation_id', 'test_payments.paid_by', 'memberships.relation_id', 'relation_redirects.relation_id']));

    const result = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id, take: { birthDate: 'remove' } });
    expect(result.saved).toBe(true);
    for (const r of refs) {
      const left = (sql().prepare(`SELECT count(*) AS n FROM "${r.table}" WHERE "${r.column}" = ?`).get(remove.id) as { n: number }).n;
      const now = (sql().prepare(`SELECT count(*) AS n FROM "${r.table}" WHERE "${r.column}" = ?`).get(keep.id) as { n: number }).n;
      expect(left, `${r.table}.${r.column} still points at the removed relation`).toBe(0);
      if (r.table !== 'duplicate_dismissals') expect(now, `${r.table}.${r.column} moved to the survivor`).toBeGreaterThanOrEqual(before.get(`${r.table}.${r.column}`) as number);
    }
    // The dismissal (removed, other) became (keep, other), smaller id first.
    expect(sql().prepare(`SELECT count(*) AS n FROM duplicate_dismissals WHERE ? IN (relation_a_id, relation_b_id) AND relation_a_id < relation_b_id`).get(keep.id)).toEqual({ n: 1 });
    expect(result.moved.map((m) => m.table)).toEqual(expect.arrayContaining(['test_invoices', 'test_payments', 'addresses', 'subscriptions']));
    // Memberships were recomputed for the survivor: the subscription now makes him a member.
    const ms = await core.call('memberships.ofRelation', { relationId: keep.id });
    expect(ms.rows.length).toBeGreaterThan(0);
    expect(sql().prepare('SELECT count(*) AS n FROM relations WHERE id = ?').get(remove.id)).toEqual({ n: 0 });
    // The picked field came over, the survivor's own e-mail stayed.
    const survivor = await core.call('relations.get', { id: keep.id });
    expect(survivor.fields.birthDate).toBe('1970-05-01');
    expect(survivor.fields.email).toBe('jan@bakker.nl');
    // Old ids and numbers of both merged-away relations lead to the survivor.
    for (const gone of [remove, older]) {
      expect(await core.call('dedupe.resolve', { number: gone.number })).toEqual({ id: keep.id, number: keep.number, redirected: true });
      expect(await core.call('dedupe.resolve', { id: gone.id })).toEqual({ id: keep.id, number: keep.number, redirected: true });
    }
  });

  it('folds identical facts, joins overlapping periods and reports each collision', async () => {
    const keep = await person('Anna', 'Smit');
    const remove = await person('Anna', 'Smit');
    const other = await person('Piet', 'Smit');
    const lt = sql().prepare(`SELECT id FROM link_types LIMIT 1`).get() as { id: string };
    seed(() => {
      const t = core.ctx.now();
      sql().prepare(`INSERT INTO tags (id, name, created_at) VALUES ('tag', 'Vrijwilliger', ?)`).run(t);
      sql().prepare(`INSERT INTO relation_tags (id, relation_id, tag_id, created_at) VALUES ('rt-k', ?, 'tag', ?), ('rt-r', ?, 'tag', ?)`).run(keep.id, t, remove.id, t);
      sql().prepare(`INSERT INTO groups (id, name, type, created_at, updated_at) VALUES ('grp', 'Bestuur', 'static', ?, ?)`).run(t, t);
      sql().prepare(`INSERT INTO group_members (id, group_id, relation_id, valid_from, valid_to, notes, created_at, updated_at) VALUES ('gm-k', 'grp', ?, '2010-01-01', '2015-01-01', 'penningmeester', ?, ?), ('gm-r', 'grp', ?, '2014-06-01', '2018-01-01', 'voorzitter', ?, ?), ('gm-r2', 'grp', ?, '2020-01-01', NULL, NULL, ?, ?)`).run(keep.id, t, t, remove.id, t, t, remove.id, t, t);
      sql().prepare(`INSERT INTO relation_links (id, link_type_id, from_relation_id, to_relation_id, created_at, updated_at) VALUES ('l-k', ?, ?, ?, ?, ?), ('l-r', ?, ?, ?, ?, ?), ('l-self', ?, ?, ?, ?, ?)`).run(lt.id, keep.id, other.id, t, t, lt.id, remove.id, other.id, t, t, lt.id, remove.id, keep.id, t, t);
      sql().prepare(`INSERT INTO custom_fields (id, code, label, data_type, created_at) VALUES ('cf', 'shirt', 'Shirtmaat', 'text', ?)`).run(t);
      sql().prepare(`INSERT INTO custom_values (id, relation_id, field_id, value) VALUES ('cv-k', ?, 'cf', 'M'), ('cv-r', ?, 'cf', 'L')`).run(keep.id, remove.id);
      sql().prepare(`INSERT INTO subscription_types (id, code, name, created_at) VALUES ('st', 'blad', 'Clubblad', ?)`).run(t);
      sql().prepare(`INSERT INTO subscriptions (id, relation_id, type_id, start_date, created_at, updated_at) VALUES ('s-k', ?, 'st', '2020-01-01', ?, ?), ('s-r', ?, 'st', '2022-01-01', ?, ?)`).run(keep.id, t, t, remove.id, t, t);
    });
    const preview = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id, take: { 'custom.shirt': 'remove' }, dryRun: true });
    expect(preview.saved).toBe(false);
    expect(sql().prepare('SELECT count(*) AS n FROM relations WHERE id = ?').get(remove.id)).toEqual({ n: 1 });
    const kinds = preview.collisions.map((c) => `${c.table}:${c.kind}`).sort();
    expect(kinds).toEqual([
      'custom_values:VALUE_TAKEN',
      'group_members:PERIODS_JOINED',
      'relation_links:PERIODS_JOINED',
      'relation_links:SELF_LINK_REMOVED',
      'relation_tags:FOLDED',
      'subscriptions:OVERLAP_KEPT',
    ]);
    const done = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id, take: { 'custom.shirt': 'remove' } });
    expect(done.collisions).toEqual(preview.collisions);
    const groups = sql().prepare(`SELECT valid_from AS f, valid_to AS t, notes FROM group_members WHERE relation_id = ? ORDER BY valid_from`).all(keep.id);
    expect(groups).toEqual([
      { f: '2010-01-01', t: '2018-01-01', notes: 'penningmeester\nvoorzitter' },
      { f: '2020-01-01', t: null, notes: null },
    ]);
    expect(sql().prepare(`SELECT value FROM custom_values WHERE relation_id = ?`).all(keep.id)).toEqual([{ value: 'L' }]);
    expect(sql().prepare(`SELECT count(*) AS n FROM relation_links WHERE ? IN (from_relation_id, to_relation_id)`).get(keep.id)).toEqual({ n: 1 });
  });

  it('records everything an undo needs, and the audit names both relations', async () => {
    const keep = await person('Kees', 'Jansen');
    const remove = (await core.call('relations.create', {
      kind: 'person',
      fields: { firstName: 'Cornelis', lastName: 'Jansen', email: 'c.jansen@example.nl' },
      address: { type: 'home', street: 'Kerkstraat', houseNumber: 1, postcode: '1234 AB', city: 'Ergens' },
    } as never)) as { id: string; number: number };
    const r = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id, take: { email: 'remove' } });
    const op = sql().prepare('SELECT kind, summary FROM operations WHERE id = ?').get(r.operationId) as { kind: string; summary: string };
    expect(op.kind).toBe('dedupe.merge');
    const summary = JSON.parse(op.summary);
    expect(summary.keep.number).toBe(keep.number);
    expect(summary.removed.number).toBe(remove.number);
    const images = summary.undo.rows.filter((r: { table: string }) => r.table === 'relations').map((r: { row: Record<string, unknown> }) => r.row);
    expect(images.find((r: Record<string, unknown>) => r.id === remove.id).first_name).toBe('Cornelis');
    expect(images.find((r: Record<string, unknown>) => r.id === keep.id).email).toBeNull();
    // The delete of the removed relation and the survivor's change are in the audit log, under this operation.
    const audit = sql().prepare(`SELECT table_name, action, ${idTextSql('record_id')} AS record_id FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) AND table_name = 'relations'`).all(r.operationId);
    expect(audit).toEqual(expect.arrayContaining([
      { table_name: 'relations', action: 'delete', record_id: remove.id },
      { table_name: 'relations', action: 'update', record_id: keep.id },
    ]));
    // The survivor's History includes what was recorded about the removed relation before.
    const history = await core.call('audit.forRelation', { relationId: keep.id, offset: 0, limit: 100 });
    expect(history.rows.some((e) => e.recordId === remove.id && e.action === 'insert')).toBe(true);
    // The moved address names both relations, not two ids.
    const moved = history.rows.find((e) => e.tableName === 'addresses' && e.field === 'relation_id');
    expect(moved).toMatchObject({ oldValue: `Cornelis Jansen (nr. ${remove.number})`, newValue: `Kees Jansen (nr. ${keep.number})` });
    const redirect = history.rows.find((e) => e.tableName === 'relation_redirects');
    expect(redirect?.recordLabel).toBe(`nr. ${remove.number}`);
  });

  it('redirects the old number and id: search, an old link, and the number is never handed out again', async () => {
    const keep = await person('Piet', 'Mulder');
    const remove = await person('Petrus', 'Mulder'); // the highest number
    await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id });
    const found = await core.call('relations.search', { query: String(remove.number) });
    expect(found.rows[0]?.id).toBe(keep.id);
    expect((await core.call('relations.get', { id: remove.id })).id).toBe(keep.id);
    const next = await person('Nieuw', 'Lid');
    expect(next.number).toBe(remove.number + 1);
    await expect(core.call('relations.setNumber', { id: next.id, number: remove.number })).rejects.toMatchObject({ issues: [{ code: 'NUMBER_TAKEN' }] });
  });

  it('refuses what cannot be merged, with a field-level reason', async () => {
    const a = await person('A', 'Test');
    const org = (await core.call('relations.create', { kind: 'organisation', fields: { name: 'Club' } })) as { id: string };
    await expect(core.call('dedupe.merge', { keepId: a.id, removeId: a.id })).rejects.toMatchObject({ issues: [{ code: 'MERGE_SAME_RELATION' }] });
    await expect(core.call('dedupe.merge', { keepId: a.id, removeId: org.id })).rejects.toMatchObject({ issues: [{ code: 'MERGE_KIND_DIFFERS' }] });
    const b = await person('B', 'Test');
    await expect(core.call('dedupe.merge', { keepId: a.id, removeId: b.id, take: { phone: 'both', kvkNumber: 'remove' } })).rejects.toMatchObject({
      issues: [{ field: 'take.kvkNumber', code: 'MERGE_FIELD_UNKNOWN' }],
    });
    await expect(core.call('dedupe.merge', { keepId: a.id, removeId: b.id, take: { birthDate: 'both' } })).rejects.toMatchObject({
      issues: [{ field: 'take.birthDate', code: 'MERGE_CANNOT_KEEP_BOTH' }],
    });
    // Nothing changed.
    expect(sql().prepare('SELECT count(*) AS n FROM relations').get()).toEqual({ n: 3 });
  });

  it('keeps both e-mail addresses when asked', async () => {
    const a = await person('Sanne', 'Visser', { email: 'sanne@werk.nl' });
    const b = await person('Sanne', 'Visser', { email: 'sanne@thuis.nl' });
    await core.call('dedupe.merge', { keepId: a.id, removeId: b.id, take: { email: 'both' } });
    const s = await core.call('relations.get', { id: a.id });
    expect([s.fields.email, s.fields.email2]).toEqual(['sanne@werk.nl', 'sanne@thuis.nl']);
  });
});
