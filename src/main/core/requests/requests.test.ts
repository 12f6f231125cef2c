import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { createTestCore } from '../../../../test/support/test-core';
import { DomainError } from '../../../shared/errors';

let core: ReturnType<typeof createTestCore>;
let jan: string;
let zoe: string;

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

beforeEach(async () => {
  core = createTestCore(); // today = 2026-11-22
  jan = (
    await core.call('relations.create', {
      kind: 'person',
      number: 1024,
      fields: { initials: 'J', firstName: 'Jan', infix: 'de', lastName: 'Vries', email: 'jan@example.nl', iban: 'NL91ABNA0417164300' },
      address: { street: 'Oudegracht', houseNumber: 12, postcode: '3511 AB', city: 'Utrecht', validFrom: '2010-01-01' },
    })
  ).id;
  zoe = (await core.call('relations.create', { kind: 'person', number: 1025, fields: { firstName: 'Zoë', lastName: 'Dijk', email: 'zoe@example.nl', phone: '030-1234567' } })).id;
});
afterEach(() => core.close());

/** A web form's export as secretaries get it: Dutch headers, semicolons, Dutch dates. */
const WEBFORM_CSV = [
  'Tijdstempel;Lidnummer;Voornaam;Achternaam;E-mailadres;Telefoonnummer;Straat;Huisnummer;Postcode;Woonplaats',
  '20-11-2026 14:03:11;1024;Jan;de Vries;jan@example.nl;;Biltstraat;8;3572ap;Utrecht',
  '21-11-2026 09:15:40;;Zoë;Dijk;zoe@example.nl;06-12345678;;;;',
  '21-11-2026 10:00:00;99999;Onbekend;Persoon;nobody@example.nl;;;;;',
].join('\r\n');

async function load(text: string | Uint8Array, fileName: string) {
  return core.call('requests.load', { file: b64(text), fileName });
}

describe('change requests from a web-form CSV', () => {
  it('matches by member number then e-mail, stores only the differences, and loads the file once', async () => {
    const first = await load(WEBFORM_CSV, 'webformulier.csv');
    expect(first.created).toHaveLength(3);
    expect(first.issues).toContainEqual({ row: 4, field: null, code: 'REQUEST_UNMATCHED' });
    const pile = (await core.call('requests.list', { status: 'open' })).rows;
    expect(pile.map((r) => [r.relationNumber, r.matchedBy, r.requestedOn, r.fieldCount])).toEqual([
      [1024, 'number', '2026-11-20', 3],
      [1025, 'email', '2026-11-21', 1],
      [null, null, '2026-11-21', 3],
    ]);
    const janReq = await core.call('requests.get', { id: pile[0]!.id });
    expect(janReq.fields.map((f) => [f.field, f.original, f.submitted, f.current, f.stale])).toEqual([
      ['street', 'Oudegracht', 'Biltstraat', 'Oudegracht', false],
      ['houseNumber', '12', '8', '12', false],
      ['postcode', '3511 AB', '3572 AP', '3511 AB', false],
      ['city', 'Utrecht', 'Utrecht', 'Utrecht', false],
    ].filter((f) => f[1] !== f[2]));

    const again = await load(WEBFORM_CSV, 'kopie van webformulier.csv');
    expect(again).toEqual({ created: [], alreadyLoaded: 3, issues: [] });
    expect((await core.call('requests.list', {})).rows).toHaveLength(3);
  });

  it('approves field by field as one operation named after the request; a move keeps the old address as history', async () => {
    await load(WEBFORM_CSV, 'webformulier.csv');
    const [janReq] = (await core.call('requests.list', { status: 'open' })).rows;
    const done = await core.call('requests.approve', {
      id: janReq!.id,
      fields: [
        { field: 'street', value: 'Biltstraat' },
        { field: 'houseNumber', value: '8' },
        { field: 'postcode', value: '3572 AP' },
      ],
    });
    expect(done.status).toBe('approved');
    const card = await core.call('relations.get', { id: jan });
    const current = card.addresses.filter((a) => a.current);
    expect(current.map((a) => [a.street, a.houseNumber, a.postcode, a.city, a.validFrom])).toEqual([['Biltstraat', 8, '3572 AP', 'Utrecht', '2026-11-22']]);
    expect(card.addresses.find((a) => a.street === 'Oudegracht')?.validTo).toBe('2026-11-22');
    const history = await core.call('audit.forRelation', { relationId: jan, limit: 50 });
    const op = history.rows.find((r) => r.tableName === 'change_requests' && r.field === 'status');
    expect(op?.operationKind).toBe('requests.approve');
    const sameOp = history.rows.filter((r) => r.operationId === op?.operationId).map((r) => r.tableName);
    expect(new Set(sameOp)).toEqual(new Set(['addresses', 'change_requests']));
    expect(op?.recordLabel).toContain('Wijzigingsverzoek Jan de Vries (1024)');
    await expect(core.call('requests.approve', { id: janReq!.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a typed correction is checked like an edit on the card, and a bad one changes nothing', async () => {
    await load(WEBFORM_CSV, 'webformulier.csv');
    const zoeReq = (await core.call('requests.list', { relationId: zoe })).rows[0]!;
    const err = await core.call('requests.approve', { id: zoeReq.id, fields: [{ field: 'phone', value: 'geen idee' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).issues?.[0]).toMatchObject({ field: 'phone' });
    expect((await core.call('requests.get', { id: zoeReq.id })).status).toBe('open');
    expect((await core.call('relations.get', { id: zoe })).fields.phone).toBe('030-1234567');
    await core.call('requests.approve', { id: zoeReq.id, fields: [{ field: 'phone', value: '0612345679' }] });
    expect((await core.call('relations.get', { id: zoe })).fields.phone).toBe('06-12345679');
  });

  it('a rejected request keeps its reason and changes nothing', async () => {
    await load(WEBFORM_CSV, 'webformulier.csv');
    const zoeReq = (await core.call('requests.list', { relationId: zoe })).rows[0]!;
    await expect(core.call('requests.reject', { id: zoeReq.id, reason: ' ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const r = await core.call('requests.reject', { id: zoeReq.id, reason: 'Nummer hoort bij haar werkgever' });
    expect([r.status, r.reason]).toEqual(['rejected', 'Nummer hoort bij haar werkgever']);
    expect((await core.call('relations.get', { id: zoe })).fields.phone).toBe('030-1234567');
  });

  it('warns when the record changed since the request, and shows other open requests together', async () => {
    await load(WEBFORM_CSV, 'webformulier.csv');
    await load(JSON.stringify([{ lidnummer: 1024, telefoon: '030-7654321', datum: '2026-11-21' }]), 'app.json');
    const card = await core.call('relations.get', { id: jan });
    await core.call('addresses.update', { id: card.addresses[0]!.id, address: { street: 'Oudegracht', houseNumber: 14, postcode: '3511 AB', city: 'Utrecht', validFrom: '2010-01-01' } });
    const janReqs = (await core.call('requests.list', { relationId: jan })).rows;
    expect(janReqs).toHaveLength(2);
    const d = await core.call('requests.get', { id: janReqs[0]!.id });
    expect(d.fields.find((f) => f.field === 'houseNumber')).toMatchObject({ original: '12', submitted: '8', current: '14', stale: true });
    expect(d.fields.find((f) => f.field === 'street')?.stale).toBe(false);
    expect(d.otherOpen.map((o) => o.sourceKind)).toEqual(['json']);
  });

  it('reads the same web form exported to Excel, with real date cells', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Formulierreacties 1');
    ws.addRow(['Tijdstempel', 'Lidnummer', 'Geboortedatum', 'Telefoonnummer']);
    ws.addRow([new Date(Date.UTC(2026, 10, 18, 9, 30)), 1025, new Date(Date.UTC(1990, 11, 12)), '030 765 43 21']);
    const r = await load(new Uint8Array(await wb.xlsx.writeBuffer()), 'Wijzigingen (antwoorden).xlsx');
    const d = await core.call('requests.get', { id: r.created[0]! });
    expect([d.sourceKind, d.relationNumber, d.requestedOn]).toEqual(['xlsx', 1025, '2026-11-18']);
    expect(d.fields.map((f) => [f.field, f.original, f.submitted])).toEqual([
      ['birthDate', null, '1990-12-12'],
      ['phone', '030-1234567', '030-7654321'],
    ]);
  });

  it('a member number of a relation merged away lands on the survivor', async () => {
    core.ctx.write('test.redirect', {}, () =>
      core.ctx.sqlite.prepare('INSERT INTO relation_redirects (id, old_relation_id, old_number, relation_id, operation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('rd1', 'gone', 777, jan, 'op', 0),
    );
    const r = await load('Lidnummer;Mobiel\n777;06-99998888\n', 'oud-nummer.csv');
    const d = await core.call('requests.get', { id: r.created[0]! });
    expect([d.relationNumber, d.matchedBy]).toEqual([1024, 'number']);
  });

  it('without number or known e-mail, the duplicate scorer finds the member (name, birth date, address)', async () => {
    await core.call('relations.update', { id: jan, fields: { initials: 'J', firstName: 'Jan', infix: 'de', lastName: 'Vries', birthDate: '1968-04-02', email: 'jan@example.nl' } });
    const r = await load(
      'Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;E-mailadres;Postcode;Huisnummer\nJan;;De Vries;02-04-1968;jan.devries@nieuw.nl;3511AB;12\nPiet;;Jansen;01-01-1990;piet@nieuw.nl;;\n',
      'formulier.csv',
    );
    const [matched, stranger] = await Promise.all(r.created.map((id) => core.call('requests.get', { id })));
    expect([matched?.relationNumber, matched?.matchedBy]).toEqual([1024, 'scorer']);
    expect([stranger?.relationNumber, stranger?.matchedBy]).toEqual([null, null]);
  });

  it('an unmatched request is assigned by hand, then approved', async () => {
    await load(WEBFORM_CSV, 'webformulier.csv');
    const unmatched = (await core.call('requests.list', {})).rows.find((r) => r.relationId === null)!;
    await expect(core.call('requests.approve', { id: unmatched.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const assigned = await core.call('requests.assign', { id: unmatched.id, relationId: zoe });
    expect(assigned.relationName).toBe('Zoë Dijk');
  });
});

describe('change requests from mail and from the app’s own PDF form', () => {
  it('reads a web form’s notification mail (.eml), matching the sender', async () => {
    const eml = [
      'From: Jan de Vries <jan@example.nl>',
      'To: ledenadministratie@vereniging.nl',
      'Subject: Wijzigingsformulier ingevuld',
      'Date: Thu, 19 Nov 2026 20:14:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Er is een formulier ingevuld:',
      '',
      'Mobiel: 06 11 22 33 44',
      'IBAN: NL44 RABO 0123 4567 89',
      '',
      'Met vriendelijke groet',
    ].join('\r\n');
    const r = await load(eml, 'wijziging.eml');
    expect(r.created).toHaveLength(1);
    const d = await core.call('requests.get', { id: r.created[0]! });
    expect([d.sourceKind, d.matchedBy, d.requestedOn, d.needsMandateProof]).toEqual(['eml', 'email', '2026-11-19', true]);
    expect(d.fields.map((f) => [f.field, f.submitted])).toEqual([
      ['mobile', '06-11223344'],
      ['iban', 'NL44RABO0123456789'],
    ]);
    await core.call('requests.approve', { id: d.id });
    expect((await core.call('relations.get', { id: jan })).fields.iban).toBe('NL44RABO0123456789');
    // SEPA does not exist yet: the new IBAN is flagged with a task asking for mandate proof.
    const tasks = (await core.call('tasks.list', { relationId: jan })).rows;
    expect(tasks.map((t) => [t.title, t.systemKey])).toEqual([['Machtiging nodig voor nieuw rekeningnummer', `mandate-proof:${d.id}`]]);
  });

  it('makes a prefilled fillable PDF per member and reads it back when it returns filled in', async () => {
    const form = await core.call('requests.form', { source: { kind: 'relations', ids: [jan] } });
    expect([form.fileName, form.mimeType]).toEqual(['wijzigingsformulier-1024.pdf', 'application/pdf']);
    const doc = await PDFDocument.load(Buffer.from(form.bytes, 'base64'));
    const f = doc.getForm();
    expect(f.getTextField('Lidnummer').getText()).toBe('1024');
    expect(f.getTextField('Lidnummer').isReadOnly()).toBe(true);
    expect(f.getTextField('Straat').getText()).toBe('Oudegracht');
    expect(f.getTextField('IBAN').getText()).toBe('NL91 ABNA 0417 1643 00');
    // The member fills it in (as a PDF viewer would) and sends it back.
    f.getTextField('Straat').setText('Biltstraat');
    f.getTextField('Huisnummer').setText('8');
    f.getTextField('Postcode').setText('3572AP');
    f.getTextField('Datum').setText('23-11-2026');
    const returned = await doc.save();
    const r = await load(returned, 'wijzigingsformulier-1024-ingevuld.pdf');
    expect(r.issues).toEqual([]);
    const d = await core.call('requests.get', { id: r.created[0]! });
    expect([d.sourceKind, d.matchedBy, d.requestedOn]).toEqual(['pdf', 'number', '2026-11-23']);
    // Unchanged prefilled fields (name, IBAN in its printed form) are no request.
    expect(d.fields.map((x) => [x.field, x.original, x.submitted])).toEqual([
      ['street', 'Oudegracht', 'Biltstraat'],
      ['houseNumber', '12', '8'],
      ['postcode', '3511 AB', '3572 AP'],
    ]);
    expect((await load(returned, 'nogmaals.pdf')).alreadyLoaded).toBe(1);
  });

  it('a form for several members comes as a zip of PDFs', async () => {
    const form = await core.call('requests.form', { source: { kind: 'relations', ids: [jan, zoe] } });
    expect(form.fileName).toBe('wijzigingsformulieren.zip');
    expect(Buffer.from(form.bytes, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a file it cannot read with a code, and stores nothing', async () => {
    await expect(load('%PDF-1.7 kapot', 'kapot.pdf')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await core.call('requests.list', {})).rows).toEqual([]);
  });
});
