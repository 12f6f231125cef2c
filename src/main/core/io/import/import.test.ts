import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import { DomainError } from '../../../../shared/errors';
import type { CoreEvent } from '../../../../shared/rpc';
import { fixtureBase64, ioClient } from '../../../../../test/support/io/io-test-kit';

let core: Core & { clock: TestClock };
afterEach(() => core?.close());

async function setup() {
  core = createTestCore();
  await core.call('customFields.create', { code: 'contributie', label: 'Contributie', dataType: 'number' });
  return ioClient(core);
}

const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
const excelNl = () => ({ file: fixtureBase64('leden-excel-nl-1252.csv'), fileName: 'leden.csv' });

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

function auditOf(operationId: string) {
  return core.ctx.sqlite.prepare('SELECT table_name AS t, action, field, old_value AS o, new_value AS n FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) ORDER BY id').all(operationId) as {
    t: string;
    action: string;
    field: string | null;
    o: string | null;
    n: string | null;
  }[];
}

describe('import dry run', () => {
  it('shows per row what will happen, with the cell issues by row number, column header, code and raw value', async () => {
    const io = await setup();
    const r = await io('io.previewImport', excelNl());
    expect(r).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(r.counts).toEqual({ rows: 6, create: 5, update: 0, skip: 0, reject: 1, excluded: 0, warnings: 2, duplicates: 2 });
    expect(r.rows.map((x) => [x.row, x.outcome, x.displayName])).toEqual([
      [2, 'create', 'Jan de Vries'],
      [3, 'create', 'Marieke van den Berg'],
      [4, 'create', 'René Müller'],
      [5, 'create', 'Zoë van Dijk'],
      [6, 'reject', 'Piet Janssen'],
      [7, 'create', 'Jan de Vries'],
    ]);
    const piet = r.rows[4];
    expect(piet?.issues).toContainEqual({ row: 6, column: 8, field: 'Postcode', code: 'POSTCODE_INVALID_FORMAT', severity: 'error', raw: '123AB' });
    expect(piet?.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['DATE_INVALID', 'EMAIL_INVALID', 'PHONE_INVALID', 'IBAN_INVALID_CHECKSUM', 'HOUSE_NUMBER_INVALID', 'SALUTATION_UNKNOWN', 'AMOUNT_TOO_MANY_DECIMALS']),
    );
    // Rows 2 and 7 are the same person: flagged, both still in the plan for the user to decide.
    expect(r.rows[0]?.duplicateOfRows).toEqual([7]);
    expect(r.rows[5]?.issues).toContainEqual(expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', severity: 'warning' }));
    expect(r.rows[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'postcode', old: null, new: '1234 AB' },
        { field: 'memberSince', old: null, new: '2005-01-01' },
        { field: 'custom:contributie', old: null, new: '12.5' },
        { field: 'iban', old: null, new: 'NL91ABNA0417164300' },
      ]),
    );
    expect(r.rows[0]?.number).toBe(1001);
    // Nothing was written.
    expect((await core.call('relations.list', {})).total).toBe(0);
  });

  it('offers the rejected rows as a CSV with row number and reasons', async () => {
    const io = await setup();
    const r = await io('io.previewImport', excelNl());
    const text = Buffer.from(r.rejectedCsv ?? '', 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = text.slice(1).split('\r\n');
    expect(header).toBe('Rij;Reden;Codes;Lidnr;Voorletters;Roepnaam;Tussenvoegsel;Achternaam;Straat;Huisnr;Toev;Postcode;Woonplaats;E-mail;Telefoon;Geb.datum;Lid sinds;IBAN;Aanhef;Contributie;Opmerking');
    expect(row).toMatch(/^6;"[^"]*Postcode \(123AB\): postcode heeft niet de vorm 1234 AB[^"]*";[A-Z_ ]*POSTCODE_INVALID_FORMAT[A-Z_ ]*;1005;P\.;Piet;/);
  });

  it('reads an Excel file with typed cells', async () => {
    const io = await setup();
    const r = await io('io.previewImport', { file: fixtureBase64('leden.xlsx'), fileName: 'leden.xlsx' });
    expect(r.counts).toMatchObject({ create: 2, reject: 1 });
    const [fleur, sem, noor] = r.rows;
    expect(fleur?.changes).toEqual(expect.arrayContaining([{ field: 'birthDate', old: null, new: '1988-02-29' }, { field: 'custom:contributie', old: null, new: '12.5' }]));
    expect(sem?.changes).toEqual(expect.arrayContaining([{ field: 'memberSince', old: null, new: '2010-01-01' }, { field: 'email', old: null, new: 'sem@example.nl' }]));
    expect(noor?.issues).toEqual([expect.objectContaining({ code: 'DATE_IN_FUTURE', field: 'Geboortedatum', raw: '2031-01-01' })]);
  });

  it('refuses a cell with control characters (NUL, ANSI escape, bidi override) with a row issue, and commits none of them', async () => {
    const io = await setup();
    const file = csv('Voornaam;Achternaam;Straat;Notities', 'Jan;Vries\u001b[31m;Markt 1;', 'Els;Bos;Lange\u202eweg 2;', 'Piet;Smit;Dorp 3;nul\u0000', 'Anna;Jong;Kerk 4;"regel 1\nregel 2"');
    const r = await io('io.previewImport', { file, fileName: 'x.csv' });
    expect(r.rows.map((x) => [x.row, x.outcome])).toEqual([[2, 'reject'], [3, 'reject'], [4, 'reject'], [5, 'create']]);
    expect(r.rows.slice(0, 3).map((x) => x.issues.map((i) => `${i.field} ${i.code}`))).toEqual([
      ['Achternaam TEXT_CONTROL_CHARACTER'],
      ['Straat TEXT_CONTROL_CHARACTER'],
      ['Notities TEXT_CONTROL_CHARACTER'],
    ]);
    await io('io.commitImport', { file, fileName: 'x.csv' });
    const stored = core.ctx.sqlite.prepare('SELECT last_name AS n, notes FROM relations').all();
    expect(stored).toEqual([{ n: 'Jong', notes: 'regel 1\nregel 2' }]);
  });

  it('refuses a mapping to an unknown target and reports it before anything else', async () => {
    const io = await setup();
    const r = await io('io.previewImport', { file: csv('Naam;Schoenmaat', 'Jan;42'), fileName: 'x.csv', mapping: [{ column: 0, target: 'fullName' }, { column: 1, target: 'custom:schoenmaat' }] });
    expect(r.fileIssues).toEqual([expect.objectContaining({ code: 'MAPPING_TARGET_UNKNOWN', field: 'Schoenmaat' })]);
    const e = await failure(io('io.commitImport', { file: csv('Naam;Schoenmaat', 'Jan;42'), fileName: 'x.csv', mapping: [{ column: 1, target: 'custom:schoenmaat' }] }));
    expect(e.issues?.map((i) => i.code)).toEqual(['MAPPING_TARGET_UNKNOWN', 'MAPPING_EMPTY']);
  });
});

describe('import commit', () => {
  it('writes all accepted rows as one audited operation with the file name and counts', async () => {
    const io = await setup();
    const r = await io('io.commitImport', excelNl());
    const op = core.ctx.sqlite.prepare('SELECT kind, summary FROM operations WHERE id = ?').get(r.operationId) as { kind: string; summary: string };
    expect(op.kind).toBe('io.import');
    expect(JSON.parse(op.summary)).toEqual({ fileName: 'leden.csv', counts: { create: 5, update: 0, skip: 0, reject: 1, excluded: 0 } });
    const audit = auditOf(r.operationId);
    expect(audit.filter((a) => a.t === 'relations' && a.action === 'insert')).toHaveLength(5);
    const list = await core.call('relations.list', { sort: 'number' });
    expect(list.rows.map((x) => [x.number, x.displayName, x.postcode, x.types])).toEqual([
      [1001, 'Jan de Vries', '1234 AB', ['Lid']],
      [1002, 'Marieke van den Berg', '3511 AB', ['Lid']],
      [1003, 'René Müller', '6811 KL', ['Lid']],
      [1004, 'Zoë van Dijk', '7411 BR', []],
      [1006, 'Jan de Vries', '1234 AB', []],
    ]);
    const jan = await core.call('relations.get', { id: r.rows[0]?.relationId ?? '' });
    expect(jan.fields).toMatchObject({ initials: 'J.', infix: 'de', gender: 'm', addressForm: 'heer', iban: 'NL91ABNA0417164300', email: 'jan.de.vries@example.nl', birthDate: '1961-07-03' });
    expect(jan.types).toEqual([expect.objectContaining({ code: 'lid', validFrom: '2005-01-01', validTo: null })]);
    expect(jan.customValues).toEqual([expect.objectContaining({ code: 'contributie', value: '12.5' })]);
    expect(jan.addresses[0]).toMatchObject({ type: 'home', street: 'Dorpsstraat', houseNumber: 12, houseLetter: 'A', current: true, lines: ['Dorpsstraat 12A', '1234 AB  AMSTERDAM'] });
    const marieke = await core.call('relations.get', { id: r.rows[1]?.relationId ?? '' });
    expect(marieke.addresses[0]).toMatchObject({ postcode: '3511 AB', city: 'Utrecht', municipality: 'Utrecht', province: 'Utrecht' });
    expect(marieke.fields.notes).toBe('Let op; post via buren\ngraag');
    expect(jan.salutation.formal).toBe('Geachte heer De Vries');
    // Searchable straight away.
    expect((await core.call('relations.search', { query: 'zoe dijk' })).rows.map((x) => x.number)).toEqual([1004]);
  });

  it('skips identical rows and updates changed fields the second time, showing old → new', async () => {
    const io = await setup();
    await io('io.commitImport', excelNl());
    const again = await io('io.previewImport', excelNl());
    expect(again.counts).toMatchObject({ create: 0, update: 0, skip: 5, reject: 1 });
    expect(again.rows[0]).toMatchObject({ outcome: 'skip', matchedBy: 'number', reasons: ['MATCHED_BY_NUMBER', 'IDENTICAL'] });

    const changed = csv('Lidnr;Achternaam;Postcode;Woonplaats;E-mail;Lid sinds', '1001;Vries;1234 AB;Amsterdam;jan@nieuw.nl;01-02-2005', '1002;Berg, van den;3512 CD;Utrecht;marieke@example.nl;');
    const preview = await io('io.previewImport', { file: changed, fileName: 'wijzigingen.csv' });
    expect(preview.rows[0]).toMatchObject({ outcome: 'update', changes: [{ field: 'email', old: 'jan.de.vries@example.nl', new: 'jan@nieuw.nl' }, { field: 'memberSince', old: '2005-01-01', new: '2005-02-01' }] });
    expect(preview.rows[1]).toMatchObject({ outcome: 'update', changes: [{ field: 'postcode', old: '3511 AB', new: '3512 CD' }] });
    const done = await io('io.commitImport', { file: changed, fileName: 'wijzigingen.csv' });
    const updates = auditOf(done.operationId).filter((a) => a.action === 'update');
    expect(updates).toEqual(
      expect.arrayContaining([
        { t: 'relations', action: 'update', field: 'email', o: 'jan.de.vries@example.nl', n: 'jan@nieuw.nl' },
        { t: 'relation_type_assignments', action: 'update', field: 'valid_from', o: '2005-01-01', n: '2005-02-01' },
        { t: 'addresses', action: 'update', field: 'postcode', o: '3511 AB', n: '3512 CD' },
      ]),
    );
  });

  it('matches on e-mail, or on name + birth date + postcode, in the order the user chose', async () => {
    const io = await setup();
    await io('io.commitImport', excelNl());
    const byEmail = await io('io.previewImport', { file: csv('E-mail;Telefoon', 'ZOE@example.nl;06-11112222'), fileName: 'a.csv' });
    expect(byEmail.rows[0]).toMatchObject({ outcome: 'update', matchedBy: 'email', number: 1004 });
    const byName = await io('io.previewImport', {
      file: csv('Voorletters;Achternaam;Geboortedatum;Postcode;Mobiel', 'R.;Müller;15-02-1975;6811kl;0698765432'),
      fileName: 'b.csv',
    });
    expect(byName.rows[0]).toMatchObject({ outcome: 'update', matchedBy: 'nameBirthPostcode', number: 1003 });
    const onlyNumber = await io('io.previewImport', { file: csv('E-mail;Telefoon', 'zoe@example.nl;06-11112222'), fileName: 'a.csv', options: { matchKeys: ['number'] } });
    expect(onlyNumber.rows[0]).toMatchObject({ outcome: 'create', reasons: ['NO_MATCH'] });
    // Two rows of the file and the same existing relation by e-mail: both point to 1001 and 1006 → ambiguous.
    const twoJans = await io('io.previewImport', { file: csv('E-mail;Telefoon', 'jan.de.vries@example.nl;0201111111'), fileName: 'c.csv' });
    expect(twoJans.rows[0]?.issues).toContainEqual(expect.objectContaining({ code: 'MATCH_AMBIGUOUS', details: { key: 'email', count: 2 } }));
  });

  it('honours the options: exclude rows, skip matches, do not create, clear on empty cells', async () => {
    const io = await setup();
    const excluded = await io('io.commitImport', { ...excelNl(), options: { excludeRows: [7, 3] } });
    expect(excluded.counts).toMatchObject({ create: 3, excluded: 2 });
    expect(excluded.rows.find((x) => x.row === 7)).toMatchObject({ outcome: 'skip', reasons: ['EXCLUDED'], displayName: 'Jan de Vries' });
    const file = csv('Lidnr;E-mail;Roepnaam', '1001;;Johannes', '9999;nieuw@example.nl;Nieuw');
    expect((await io('io.previewImport', { file, fileName: 'x.csv', options: { onMatch: 'skip', createNew: false } })).rows.map((x) => x.reasons)).toEqual([
      ['MATCHED_BY_NUMBER', 'MATCH_SKIPPED'],
      ['NO_MATCH', 'NOT_CREATED'],
    ]);
    const cleared = await io('io.previewImport', { file, fileName: 'x.csv', options: { emptyCells: 'clear' } });
    expect(cleared.rows[0]?.changes).toEqual([
      { field: 'firstName', old: 'Jan', new: 'Johannes' },
      { field: 'email', old: 'jan.de.vries@example.nl', new: null },
    ]);
  });

  it('takes the fast path for large imports and keeps them audited and searchable', async () => {
    const io = await setup();
    const lines = ['Lidnr;Voornaam;Achternaam;Postcode;Huisnr;Plaats;E-mail'];
    for (let i = 1; i <= 1_200; i++) lines.push(`${i};Lid${i};Achternaam${i};1234 AB;${i};Amsterdam;lid${i}@example.nl`);
    const r = await io('io.commitImport', { file: csv(...lines), fileName: 'groot.csv', rowLimit: 10 });
    expect(r.counts.create).toBe(1_200);
    expect(r.rows).toHaveLength(10);
    const audit = core.ctx.sqlite.prepare('SELECT table_name AS t, count(*) AS n FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) GROUP BY table_name ORDER BY t').all(r.operationId);
    expect(audit).toEqual([
      { t: 'addresses', n: 1_200 },
      { t: 'relations', n: 1_200 },
    ]);
    expect((await core.call('relations.search', { query: 'Achternaam1199' })).rows.map((x) => x.number)).toEqual([1199]);
    // The search triggers are back: a later edit is indexed again.
    const [one] = (await core.call('relations.search', { query: 'Lid7 Achternaam7' })).rows;
    await core.call('relations.update', { id: one?.id ?? '', fields: { firstName: 'Zeldzaam', lastName: 'Achternaam7', email: 'lid7@example.nl' } });
    expect((await core.call('relations.search', { query: 'zeldzaam' })).rows).toHaveLength(1);

    // A large update takes the same path: field-level audit rows, and the index follows.
    const renamed = ['Lidnr;Achternaam', ...Array.from({ length: 1_200 }, (_, i) => `${i + 1};Nieuwenaam${i + 1}`)];
    const upd = await io('io.commitImport', { file: csv(...renamed), fileName: 'namen.csv', rowLimit: 0 });
    expect(upd.counts).toMatchObject({ update: 1_200, create: 0 });
    expect(core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) AND action = 'update' AND field = 'last_name'`).get(upd.operationId)).toEqual({ n: 1_200 });
    expect((await core.call('relations.search', { query: 'Nieuwenaam1199' })).rows.map((x) => x.number)).toEqual([1199]);
    expect((await core.call('relations.search', { query: 'Achternaam1199' })).rows).toEqual([]);

    // Undone as a whole: the old names are back, in the search index too.
    expect((await io('io.undoImport', { operationId: upd.operationId })).reverted).toBe(1_200);
    expect((await core.call('relations.search', { query: 'Achternaam1199' })).rows.map((x) => x.number)).toEqual([1199]);
  });
});

describe('undoing an import', () => {
  it('reverses an import as a whole within one new operation', async () => {
    const io = await setup();
    const first = await io('io.commitImport', excelNl());
    const update = await io('io.commitImport', { file: csv('Lidnr;E-mail', '1001;jan@nieuw.nl'), fileName: 'b.csv' });
    const undone = await io('io.undoImport', { operationId: update.operationId });
    expect(undone.reverted).toBe(1);
    const jan = (await core.call('relations.list', { sort: 'number' })).rows[0];
    expect(jan?.email).toBe('jan.de.vries@example.nl');
    const kind = core.ctx.sqlite.prepare('SELECT kind, summary FROM operations WHERE id = ?').get(undone.operationId) as { kind: string; summary: string };
    expect(kind).toEqual({ kind: 'io.undoImport', summary: JSON.stringify({ operationId: update.operationId, rows: 1 }) });
    expect((await failure(io('io.undoImport', { operationId: update.operationId }))).details).toMatchObject({ reason: 'ALREADY_UNDONE' });

    // The second import and its undo touched relation 1001 after the first import, but between
    // them they changed nothing: the first import can still be undone.
    expect((await io('io.undoImport', { operationId: first.operationId })).reverted).toBeGreaterThan(10);
    expect((await core.call('relations.list', {})).total).toBe(0);
  });

  it('removes everything an import created, and refuses when a later edit touched it', async () => {
    const io = await setup();
    const before = core.ctx.sqlite.prepare('SELECT count(*) AS n FROM relation_types').get();
    const r = await io('io.commitImport', excelNl());
    const later = await io('io.commitImport', { file: csv('Lidnr;Voornaam;Achternaam', '5000;Los;Lid'), fileName: 'los.csv' });
    expect((await io('io.undoImport', { operationId: r.operationId })).reverted).toBeGreaterThan(10);
    expect((await core.call('relations.list', {})).rows.map((x) => x.number)).toEqual([5000]);
    for (const table of ['addresses', 'relation_type_assignments', 'custom_values']) {
      expect(core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(core.ctx.sqlite.prepare('SELECT count(*) AS n FROM relation_types').get()).toEqual(before);
    expect((await core.call('relations.search', { query: 'vries' })).rows).toHaveLength(0);

    const again = await io('io.commitImport', excelNl());
    const jan = again.rows[0]?.relationId ?? '';
    await core.call('addresses.add', { relationId: jan, address: { type: 'postal', poBox: 'Postbus 1', postcode: '1000 AA', city: 'Amsterdam' } });
    const e = await failure(io('io.undoImport', { operationId: again.operationId }));
    expect(e.code).toBe('CONFLICT');
    expect(e.details).toMatchObject({ reason: 'CHANGED_LATER' });
    expect((await failure(io('io.undoImport', { operationId: later.operationId.replace(/\d+$/, '9999') }))).code).toBe('NOT_FOUND');
  });
});

describe('long imports', () => {
  it('reports progress in chunks and can be cancelled between them', async () => {
    core = createTestCore();
    const events: CoreEvent[] = [];
    const io = ioClient(core, (e) => events.push(e));
    const lines = ['Lidnr;Achternaam'];
    for (let i = 1; i <= 9_000; i++) lines.push(`${i};Naam${i}`);
    const file = csv(...lines);
    await io('io.previewImport', { file, fileName: 'x.csv', jobId: 'job-1' });
    const phases = events.map((e) => (e.payload as { phase: string }).phase);
    expect(events.every((e) => e.name === 'import.progressed' && (e.payload as { jobId: string }).jobId === 'job-1')).toBe(true);
    expect(phases).toEqual(expect.arrayContaining(['read', 'normalise', 'match']));
    expect(events.at(-1)?.payload).toMatchObject({ phase: 'match', done: 9_000, total: 9_000 });

    events.length = 0;
    const running = io('io.commitImport', { file, fileName: 'x.csv', jobId: 'job-2' });
    await new Promise((r) => setImmediate(r));
    expect(await io('io.cancel', { jobId: 'job-2' })).toEqual({ cancelled: true });
    expect((await failure(running)).details).toEqual({ reason: 'CANCELLED' });
    expect((await core.call('relations.list', {})).total).toBe(0);
    expect(await io('io.cancel', { jobId: 'job-2' })).toEqual({ cancelled: false });
  });
});

describe('saved mappings', () => {
  it('saves a mapping by name and applies it by header to a file with other column order', async () => {
    const io = await setup();
    await io('io.saveMapping', { name: 'Oude ledenlijst', columns: [{ header: 'Code', target: 'number' }, { header: 'Familienaam', target: 'lastName' }, { header: 'Extra', target: null }], options: { matchKeys: ['number'] } });
    expect((await io('io.listMappings', {})).rows.map((m) => m.name)).toEqual(['Oude ledenlijst']);
    const file = csv('Familienaam;Extra;Code', 'Jansen;x;77');
    const inspect = await io('io.inspectImport', { file, fileName: 'x.csv', mappingName: 'Oude ledenlijst' });
    expect(inspect.columns.map((c) => c.suggested)).toEqual(['lastName', null, 'number']);
    expect(inspect.savedOptions).toEqual({ matchKeys: ['number'] });
    expect(inspect.columns[0]?.samples).toEqual(['Jansen']);
    const r = await io('io.previewImport', { file, fileName: 'x.csv', mappingName: 'Oude ledenlijst' });
    expect(r.rows[0]).toMatchObject({ outcome: 'create', number: 77, displayName: 'Jansen' });
    await io('io.deleteMapping', { name: 'Oude ledenlijst' });
    expect((await io('io.listMappings', {})).rows).toEqual([]);
    expect((await failure(io('io.deleteMapping', { name: 'Oude ledenlijst' }))).code).toBe('NOT_FOUND');
  });
});
