import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir, type TestClock } from '../../../../test/support/test-core';
import { createCore, type Core } from '../create-core';
import { DomainError } from '../../../shared/errors';

let core: Core & { clock: TestClock };
afterEach(() => core?.close());

const jan = {
  kind: 'person' as const,
  fields: { initials: 'j', firstName: 'Jan', infix: 'De', lastName: 'Vries', addressForm: 'heer' as const, email: ' Jan@Example.NL ', birthDate: '1961-07-03' },
  address: { street: 'Oudegracht', houseNumber: 12, houseLetter: 'a', postcode: '3511ab', country: 'nl' },
};

async function issuesOf(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return (e as DomainError).issues ?? [];
}

describe('relations', () => {
  it('creates a person with normalised Dutch fields, a number and a PC4-completed address', async () => {
    core = createTestCore();
    const { id, number } = await core.call('relations.create', jan);
    expect(number).toBe(1);
    const card = await core.call('relations.get', { id });
    expect(card.displayName).toBe('Jan de Vries');
    expect(card.fields.infix).toBe('de');
    expect(card.fields.initials).toBe('J.');
    expect(card.fields.email).toBe('jan@example.nl');
    expect(card.salutation.formal).toBe('Geachte heer De Vries');
    expect(card.salutation.informal).toBe('Beste Jan');
    expect(card.addresses).toHaveLength(1);
    const [a] = card.addresses;
    expect(a).toMatchObject({ postcode: '3511 AB', houseLetter: 'A', country: 'NL', municipality: 'Utrecht', province: 'Utrecht', current: true });
    expect(a?.lines).toEqual(['Oudegracht 12A', '3511 AB  UTRECHT']);
  });

  it('rejects an invalid postcode and IBAN with field codes and saves nothing', async () => {
    core = createTestCore();
    const before = (await core.call('relations.list', {})).total;
    const issues = await issuesOf(
      core.call('relations.create', { ...jan, fields: { ...jan.fields, iban: 'NL91ABNA0417164301' }, address: { ...jan.address, postcode: '0123 AB' } }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'fields.iban', code: 'IBAN_INVALID_CHECKSUM' }),
        expect.objectContaining({ field: 'address.postcode' }),
      ]),
    );
    expect((await core.call('relations.list', {})).total).toBe(before);
    const ops = core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM operations WHERE kind = 'relations.create'`).get() as { n: number };
    expect(ops.n).toBe(0);
  });

  it('refuses control characters in names and text fields, with a field error, and saves nothing', async () => {
    core = createTestCore();
    const hostile = ['Jan\u0000', '\u001b[31mJan\u001b[0m', 'Jan\u202eseiV', 'Jan\u2066x\u2069', 'Ja\u0085n', 'Jan\nPiet'];
    for (const lastName of hostile) {
      const issues = await issuesOf(core.call('relations.create', { kind: 'person', fields: { firstName: 'Jan', lastName } }));
      expect(issues, JSON.stringify(lastName)).toEqual([{ field: 'fields.lastName', code: 'TEXT_CONTROL_CHARACTER' }]);
    }
    expect(await issuesOf(core.call('relations.create', { ...jan, address: { ...jan.address, street: 'Oude\u202egracht' } }))).toEqual([
      { field: 'address.street', code: 'TEXT_CONTROL_CHARACTER' },
    ]);
    expect(await issuesOf(core.call('relations.create', { kind: 'person', fields: { lastName: 'Bos', notes: 'regel 1\u001b[2J' } }))).toEqual([
      { field: 'fields.notes', code: 'TEXT_CONTROL_CHARACTER' },
    ]);
    expect(await issuesOf(core.call('groups.create', { name: 'Bestuur\u0007', type: 'board' }))).toEqual([{ field: 'name', code: 'TEXT_CONTROL_CHARACTER' }]);
    expect(await issuesOf(core.call('tags.create', { name: '\u202eTag' }))).toEqual([{ field: 'name', code: 'TEXT_CONTROL_CHARACTER' }]);
    expect((await core.call('relations.list', {})).total).toBe(0);
    // Notes are multi-line: line breaks and tabs are text there, and accents and emoji are fine everywhere.
    const { id } = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Zoë', lastName: 'Ðorđević 👍', notes: 'regel 1\r\n\tregel 2' } });
    expect((await core.call('relations.get', { id })).fields.notes).toBe('regel 1\r\n\tregel 2');
  });

  it('refuses a birth or death date after today and a death before the birth, on create and update', async () => {
    core = createTestCore(); // today is 2026-11-22
    expect(await issuesOf(core.call('relations.create', { kind: 'person', fields: { lastName: 'Bos', birthDate: '2026-11-23' } }))).toEqual([
      { field: 'fields.birthDate', code: 'DATE_IN_FUTURE' },
    ]);
    expect(await issuesOf(core.call('relations.create', { kind: 'person', fields: { lastName: 'Bos', birthDate: '1950-01-01', deathDate: '1949-12-31' } }))).toEqual([
      { field: 'fields.deathDate', code: 'DEATH_BEFORE_BIRTH' },
    ]);
    const { id } = await core.call('relations.create', { kind: 'person', fields: { lastName: 'Bos', birthDate: '2026-11-22' } });
    expect(await issuesOf(core.call('relations.update', { id, fields: { lastName: 'Bos', birthDate: '1950-01-01', deathDate: '2027-01-01' } }))).toEqual([
      { field: 'fields.deathDate', code: 'DATE_IN_FUTURE' },
    ]);
    expect((await core.call('relations.get', { id })).fields.birthDate).toBe('2026-11-22');
    // Tomorrow the date is no longer in the future.
    core.clock.set('2027-01-01');
    await core.call('relations.update', { id, fields: { lastName: 'Bos', birthDate: '1950-01-01', deathDate: '2027-01-01' } });
  });

  it('accepts a person with only an e-mail, but not one with nothing to identify them', async () => {
    core = createTestCore();
    const { id } = await core.call('relations.create', { kind: 'person', fields: { email: 'anoniem@example.org' } });
    expect((await core.call('relations.get', { id })).displayName).toBe('anoniem@example.org');
    const issues = await issuesOf(core.call('relations.create', { kind: 'person', fields: { notes: 'wie?' } }));
    expect(issues[0]?.code).toBe('PERSON_NEEDS_NAME_OR_EMAIL');
  });

  it('finds relations by name prefix, diacritics-insensitively, by postcode, phone, city and number', async () => {
    core = createTestCore();
    const zoe = await core.call('relations.create', {
      kind: 'person',
      fields: { firstName: 'Zoë', lastName: 'Müller', mobile: '06-12345678' },
      address: { street: 'Dorpsstraat', houseNumber: 1, postcode: '9999 ZZ', city: 'Groningen' },
    });
    await core.call('relations.create', jan);
    const names = async (q: string) => (await core.call('relations.search', { query: q })).rows.map((r) => r.displayName);
    expect(await names('zoe')).toEqual(['Zoë Müller']);
    expect(await names('mull')).toEqual(['Zoë Müller']);
    expect(await names('mueller')).toEqual(['Zoë Müller']);
    expect(await names('9999zz')).toEqual(['Zoë Müller']);
    expect(await names('9999 z')).toEqual(['Zoë Müller']);
    expect(await names('0612')).toEqual(['Zoë Müller']);
    expect(await names('+31 6 1234')).toEqual(['Zoë Müller']);
    expect(await names('gron')).toEqual(['Zoë Müller']);
    expect(await names('utrecht')).toEqual(['Jan de Vries']);
    expect(await names('jan@exa')).toEqual(['Jan de Vries']);
    expect(await names(String(zoe.number))).toContain('Zoë Müller');
    expect(await names('"OR*')).toEqual([]);
  });

  it('keeps search in step with edits, moves and the trash', async () => {
    core = createTestCore();
    const { id } = await core.call('relations.create', jan);
    const hits = async (q: string) => (await core.call('relations.search', { query: q })).rows.length;
    const card = await core.call('relations.get', { id });
    await core.call('relations.update', { id, fields: { ...card.fields, lastName: 'Bakker' } });
    expect(await hits('vries')).toBe(0);
    expect(await hits('bakk')).toBe(1);
    core.clock.set('2026-11-22');
    await core.call('addresses.move', { relationId: id, date: '2026-11-01', address: { street: 'Markt', houseNumber: 1, postcode: '6211 CK', city: 'Maastricht' } });
    expect(await hits('maastricht')).toBe(1);
    expect(await hits('utrecht')).toBe(0);
    await core.call('relations.delete', { id });
    expect(await hits('bakk')).toBe(0);
    await core.call('relations.restore', { id });
    expect(await hits('bakk')).toBe(1);
  });

  it('keeps the old address as history when a person moves', async () => {
    core = createTestCore();
    const { id } = await core.call('relations.create', { ...jan, address: { ...jan.address, validFrom: '2010-05-01' } });
    await core.call('addresses.move', { relationId: id, date: '2026-11-01', address: { street: 'Markt', houseNumber: 1, postcode: '6211CK' } });
    const card = await core.call('relations.get', { id });
    const byStreet = Object.fromEntries(card.addresses.map((a) => [a.street, a]));
    expect(byStreet['Oudegracht']).toMatchObject({ validFrom: '2010-05-01', validTo: '2026-11-01', current: false });
    expect(byStreet['Markt']).toMatchObject({ validFrom: '2026-11-01', validTo: null, current: true, city: 'Maastricht' });
  });

  it('logs every change with operation, field, old and new value', async () => {
    core = createTestCore();
    const { id } = await core.call('relations.create', jan);
    const card = await core.call('relations.get', { id });
    await core.call('relations.update', { id, fields: { ...card.fields, lastName: 'Bakker', phone: '030-1234567' } });
    const { rows } = await core.call('audit.forRelation', { relationId: id });
    const updates = rows.filter((r) => r.action === 'update').map((r) => [r.operationKind, r.field, r.oldValue, r.newValue]);
    expect(updates).toEqual(
      expect.arrayContaining([
        ['relations.update', 'last_name', 'Vries', 'Bakker'],
        ['relations.update', 'phone', null, '030-1234567'],
      ]),
    );
    expect(updates).toHaveLength(2);
    const inserts = rows.filter((r) => r.action === 'insert').map((r) => r.tableName);
    expect(inserts.sort()).toEqual(['addresses', 'relations']);
    expect(rows.every((r) => r.actor === 'test')).toBe(true);
  });

  it('names the record each history line is about, from either side of a link', async () => {
    core = createTestCore();
    const { id } = await core.call('relations.create', jan);
    const org = await core.call('relations.create', { kind: 'organisation', fields: { name: 'Bakkerij Brood BV' } });
    const employment = (await core.call('linkTypes.list', {})).rows.find((t) => t.code === 'employment')!;
    await core.call('links.add', { linkTypeId: employment.id, fromRelationId: id, toRelationId: org.id, link: { function: 'Bakker' } });
    const mine = (await core.call('audit.forRelation', { relationId: id })).rows;
    expect(mine.find((r) => r.tableName === 'addresses')?.recordLabel).toBe('Oudegracht 12A, 3511 AB Utrecht');
    expect(mine.find((r) => r.tableName === 'relation_links')?.recordLabel).toBe('werkt bij Bakkerij Brood BV');
    const theirs = (await core.call('audit.forRelation', { relationId: org.id })).rows;
    expect(theirs.find((r) => r.tableName === 'relation_links')?.recordLabel).toBe('heeft als medewerker Jan de Vries');
  });

  it('refuses a write that bypasses the operation writer', () => {
    core = createTestCore();
    expect(() =>
      core.ctx.sqlite.prepare(`INSERT INTO tags (id, name, position, created_at) VALUES ('x', 'y', 0, 0)`).run(),
    ).toThrow(/AUDIT_CONTEXT_MISSING/);
  });

  it('rolls back the whole operation when one part fails', async () => {
    core = createTestCore();
    const { id } = await core.call('relations.create', jan);
    const card = await core.call('relations.get', { id });
    await expect(core.call('relations.setNumber', { id, number: 1 })).resolves.toEqual({ id, number: 1 });
    const other = await core.call('relations.create', { kind: 'organisation', fields: { name: 'Stichting X' } });
    await expect(core.call('relations.setNumber', { id: other.id, number: card.number })).rejects.toThrow(/NUMBER_TAKEN/);
    await expect(core.call('relations.create', { ...jan, typeCodes: ['bestaat-niet'] })).rejects.toThrow(/RELATION_TYPE_UNKNOWN/);
    expect((await core.call('relations.list', {})).total).toBe(2);
  });

  it('empties the trash for good, with the deletion in the audit log', async () => {
    core = createTestCore();
    const { id } = await core.call('relations.create', jan);
    await core.call('relations.delete', { id });
    expect((await core.call('relations.list', {})).total).toBe(0);
    expect((await core.call('relations.list', { trash: true })).rows.map((r) => r.id)).toEqual([id]);
    expect(await core.call('relations.emptyTrash', {})).toEqual({ deleted: 1 });
    await expect(core.call('relations.get', { id })).rejects.toThrow(/NOT_FOUND/);
    const deletes = core.ctx.sqlite.prepare(`SELECT table_name FROM audit_log WHERE action = 'delete' ORDER BY table_name`).all();
    expect(deletes).toEqual([{ table_name: 'addresses' }, { table_name: 'relations' }]);
  });

  it('keeps the list total in step with writes of its own and of another process on the same file', async () => {
    const { dir, cleanup } = tempDir();
    const file = path.join(dir, 'admin.sqlite');
    core = createTestCore({ file });
    // Another process: its own connection and its own ids.
    const other = createCore({ file, actor: 'other' });
    try {
      const total = async () => (await core.call('relations.list', { offset: 0, limit: 10 })).total;
      expect(await total()).toBe(0);
      const { id } = await core.call('relations.create', jan);
      expect(await total()).toBe(1);
      expect(await total()).toBe(1);
      await other.call('relations.create', { kind: 'person', fields: { firstName: 'Piet', lastName: 'Jansen' } });
      expect(await total()).toBe(2);
      await core.call('relations.delete', { id });
      expect(await total()).toBe(1);
      expect((await core.call('relations.list', { offset: 0, limit: 10, trash: true })).total).toBe(1);
    } finally {
      other.close();
      cleanup();
    }
  });
});

