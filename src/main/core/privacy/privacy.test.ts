import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir, testClock, type TestClock } from '../../../../test/support/test-core';
import { createCore, type Core } from '../create-core';
import { generateDemo } from '../demo/generate-demo';
import { exportJson } from '../exchange/json-export';
import { backupAdministration } from '../exchange/backup';
import { ZipReader } from '../io/read/zip-reader';
import { erasureListFile, readErasureList } from './erasure-list';
import { anonymise, reapplyErasures } from './anonymise';
import type { AnonymiseResultDto } from '../../../shared/contract/privacy';
import { PERSON_EXPORT_ENTRIES, type PersonExport } from './person-export';
import { retentionCandidates } from './retention';

const TODAY = '2026-11-22';
const NAME = { firstName: 'Xandrielle', lastName: 'Zwanenburg' };
const EMAIL = 'wilhelmina.zwanenburg@voorbeeld.nl';
const IBAN = 'NL91ABNA0417164300';
// A number no demo value contains (the bank demo's IBAN NL71INGB0009876543 before a date did).
const PHONE = '06-97531864';
/** The values that must be gone everywhere after anonymising. */
const SECRETS = ['Xandrielle', 'Quirijntje', '1961-03-04', '7654321', 'Zwanenburg', EMAIL, IBAN, 'NL91 ABNA 0417 1643 00', '97531864', 'nieuw-voorbeeld', 'Meidoornlaan'];

/** The caller's words (the app passes its i18n's; cli/privacy.test.ts checks those). */
const LABELS = { tables: { addresses: 'Adres', subscriptions: 'Abonnement', invoices: 'Factuur' }, columns: { street: 'Straat' }, operations: { relations_create: 'Relatie aangemaakt' } };

let dir: { dir: string; cleanup: () => void };
let file: string;
let core: Core & { clock: TestClock };
let person: string;
let friend: string;
let olderBackup: string;

const sql = <T>(q: string, ...p: unknown[]) => core.ctx.sqlite.prepare(q).all(...p) as T[];

/** Every place a value could hide in the file and beside it: the database, its WAL, and whatever the text export writes. */
function rawBytes(): string {
  const parts = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1'));
  return parts.join('\n');
}

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return SECRETS.filter((s) => lower.includes(s.toLowerCase()));
}

beforeAll(async () => {
  dir = tempDir();
  file = path.join(dir.dir, 'vereniging.sqlite');
  core = createTestCore({ file, clock: testClock(`${TODAY}T10:00:00`) });
  generateDemo(core, { relations: 120, seed: 'privacy', today: TODAY });
  const lid = (await core.call('relationTypes.list', {})).rows.find((t) => t.code === 'lid')!;
  const created = await core.call('relations.create', {
    kind: 'person',
    fields: { ...NAME, email: EMAIL, iban: IBAN, mobile: PHONE, birthDate: '1961-03-04', notes: 'Allergisch voor noten' },
    address: { street: 'Meidoornlaan', houseNumber: 17, postcode: '3721 AB', city: 'Bilthoven' },
  });
  person = created.id;
  friend = (await core.call('relations.create', { kind: 'person', fields: { firstName: 'Gerrit', lastName: 'Buurman' } })).id;
  await core.call('relations.addType', { relationId: person, typeId: lid.id, validFrom: '2001-01-01', validTo: '2023-07-01' });
  const partner = (await core.call('linkTypes.list', {})).rows.find((t) => t.code === 'partner')!;
  await core.call('links.add', { fromRelationId: person, toRelationId: friend, linkTypeId: partner.id, link: {} });
  const board = (await core.call('groups.list', {})).rows.find((g) => g.name === 'Bestuur')!;
  await core.call('groups.addMember', { groupId: board.id, relationId: person, member: { validFrom: '2010-01-01', validTo: '2020-01-01' } });
  const sub = await core.call('subscriptionTypes.create', { code: 'papieren-post', name: 'Papieren post' });
  await core.call('subscriptions.add', { relationId: person, subscription: { typeId: sub.id, startDate: '2005-01-01', endDate: '2023-07-01' } });
  await core.call('log.add', { kind: 'call', date: '2026-11-01', subject: 'Opzegging', body: `Mevrouw ${NAME.firstName} ${NAME.lastName} belde, mail naar ${EMAIL}`, relationIds: [person] });
  // A shared entry (also about someone else) keeps its text, without her values.
  await core.call('log.add', { kind: 'note', date: '2026-11-02', subject: 'Buren', body: `Gerrit en ${NAME.firstName} ${NAME.lastName} helpen bij de braderie`, relationIds: [person, friend] });
  await core.call('tasks.create', { title: 'Afscheidskaart sturen', relationId: person });
  const nr = (await core.call('relations.get', { id: person })).number;
  const csv = `Datum;Lidnummer;Voornaam;E-mailadres;Mobiel\n1-11-2026;${nr};Xandrielle;w.zwanenburg@nieuw-voorbeeld.nl;06-11223344\n`;
  await core.call('requests.load', { file: Buffer.from(csv).toString('base64'), fileName: 'formulier.csv' });
  // A form file with her row and her neighbour's: kept for his request, without her values.
  const friendNr = (await core.call('relations.get', { id: friend })).number;
  const shared = `Datum;Lidnummer;E-mailadres\n2-11-2026;${nr};${EMAIL.replace('@', '+nieuw@')}\n2-11-2026;${friendNr};gerrit.buurman@voorbeeld.nl\n`;
  await core.call('requests.load', { file: Buffer.from(shared).toString('base64'), fileName: 'gedeeld.csv' });
  const invoice = await core.call('invoices.create', { relationId: person, invoiceDate: '2023-01-05', description: `Contributie ${NAME.lastName}`, lines: [{ description: 'Contributie 2023', amountCents: 4500 }] });
  await core.call('payments.add', { invoiceIds: [invoice.id], amountCents: 4500, date: '2023-01-20' });
  // A double of her merged in: the merge keeps both row images in its summary, for its undo.
  const double = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Quirijntje', lastName: 'Zwanenburg', birthDate: '1961-03-04', phone: '030-7654321' } });
  await core.call('dedupe.merge', { keepId: person, removeId: double.id });
  olderBackup = path.join(dir.dir, 'backups', 'voor-anonimiseren.sqlite');
  await backupAdministration(core.ctx.sqlite, olderBackup);
});

afterAll(() => {
  core.close();
  dir.cleanup();
});

describe('Alles over deze persoon', () => {
  it('is a zip with the JSON of every kind of record and a readable Word document', async () => {
    const out = await core.call('privacy.export', { relationId: person, labels: LABELS });
    expect(out.fileName).toMatch(/^persoonsgegevens-\d+\.zip$/);
    const zip = new ZipReader(Buffer.from(out.bytes, 'base64'), { maxPartBytes: 50e6, maxTotalBytes: 100e6 });
    expect(zip.names().sort()).toEqual([PERSON_EXPORT_ENTRIES.document, PERSON_EXPORT_ENTRIES.json].sort());
    const data = JSON.parse(zip.read(PERSON_EXPORT_ENTRIES.json).toString('utf8')) as PersonExport;
    expect(data.relation.name).toBe('Xandrielle Zwanenburg');
    expect(Object.keys(data.records).sort()).toEqual(
      expect.arrayContaining(['relations', 'addresses', 'relation_type_assignments', 'relation_links', 'groups', 'group_members', 'subscriptions', 'contact_log', 'contact_log_links', 'change_requests', 'tasks', 'invoices', 'invoice_lines', 'payments', 'payment_allocations']),
    );
    expect(data.records['relations']?.[0]).toMatchObject({ email: EMAIL, iban: IBAN, notes: 'Allergisch voor noten' });
    expect(data.records['addresses']?.[0]).toMatchObject({ street: 'Meidoornlaan', city: 'Bilthoven' });
    expect(data.records['contact_log']).toHaveLength(2);
    expect(data.history.some((h) => h.operation === 'relations.create' && h.table === 'relations')).toBe(true);
    expect(data.history.some((h) => h.table === 'payments')).toBe(true);
    // The document really is Word: its text names the person, her address and her invoice.
    const docx = zip.read(PERSON_EXPORT_ENTRIES.document);
    const xml = new ZipReader(docx, { maxPartBytes: 50e6, maxTotalBytes: 100e6 }).read('word/document.xml').toString('utf8');
    for (const text of ['Alles over Xandrielle Zwanenburg', 'Meidoornlaan', 'Straat', 'Abonnement (1)', 'Factuur (1)', 'Historie', 'Relatie aangemaakt']) expect(xml).toContain(text);
    const docxFile = path.join(dir.dir, 'persoonsgegevens.docx');
    fs.writeFileSync(docxFile, docx);
    if (process.env['PRIVACY_DOC_OUT']) fs.copyFileSync(docxFile, process.env['PRIVACY_DOC_OUT']);
  });
});

describe('anonymising', () => {
  it('the values are there before (so the checks below can fail)', () => {
    expect(leaks(rawBytes())).toEqual(expect.arrayContaining(['Zwanenburg', EMAIL, IBAN]));
  });

  it('lists her among former members past two years, never acting by itself', () => {
    const list = retentionCandidates(core.ctx, { years: 2, today: TODAY });
    expect(list.cutoff).toBe('2024-11-22');
    expect(list.rows.find((r) => r.relationId === person)).toMatchObject({ leftOn: '2023-07-01', types: 'Lid', openInvoices: 0 });
    expect(retentionCandidates(core.ctx, { years: 5, today: TODAY }).rows.some((r) => r.relationId === person)).toBe(false);
  });

  let preview: AnonymiseResultDto;
  it('a dry run says what would go and stay, and changes nothing: not her records, not History, not the erasure list', async () => {
    const ops = sql('SELECT id FROM operations').length;
    const auditRows = sql('SELECT id FROM audit_log').length;
    preview = await core.call('privacy.anonymise', { relationIds: [person], dryRun: true });
    expect(preview).toMatchObject({ saved: false, operationId: null, anonymised: [{ relationId: person }] });
    expect(preview.deletedRecords).toBeGreaterThan(5);
    expect(preview.keptFinancial).toBeGreaterThan(0);
    expect(preview.scrubbedAuditRows).toBeGreaterThan(0);
    expect((await core.call('relations.get', { id: person })).displayName).toBe('Xandrielle Zwanenburg');
    expect(sql('SELECT 1 FROM addresses WHERE relation_id = ?', person)).toHaveLength(1);
    expect(sql('SELECT id FROM operations')).toHaveLength(ops);
    expect(sql('SELECT id FROM audit_log')).toHaveLength(auditRows);
    expect(leaks(JSON.stringify(await core.call('audit.forRelation', { relationId: person, limit: 500 } as never)))).toEqual(expect.arrayContaining(['Zwanenburg', EMAIL]));
    expect(readErasureList(file)).toEqual([]);
  });

  it('refuses the commit when anything was written since the preview, erasing nothing', async () => {
    await core.call('relations.create', { kind: 'organisation', fields: { name: 'Stichting Tussendoor' } });
    await expect(core.call('privacy.anonymise', { relationIds: [person], basis: preview.basis })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'ANONYMISE_PREVIEW_STALE' } });
    expect((await core.call('relations.get', { id: person })).displayName).toBe('Xandrielle Zwanenburg');
    expect(readErasureList(file)).toEqual([]);
    preview = await core.call('privacy.anonymise', { relationIds: [person], dryRun: true });
  });

  it('removes her personal data, keeps the invoice and payment under the pseudonym', async () => {
    const invoicesBefore = sql<{ n: number }>('SELECT count(*) AS n FROM invoices WHERE relation_id = ?', person)[0]!.n;
    const result = await core.call('privacy.anonymise', { relationIds: [person], basis: preview.basis });
    expect(result.anonymised.map((a) => a.relationId)).toEqual([person]);
    // What the preview showed is what was done.
    expect(result).toMatchObject({ saved: true, deletedRecords: preview.deletedRecords, keptFinancial: preview.keptFinancial, scrubbedAuditRows: preview.scrubbedAuditRows });
    expect(result.operationId).not.toBeNull();
    const r = await core.call('relations.get', { id: person });
    expect(r.displayName).toBe('Geanonimiseerd');
    expect(r.fields).toMatchObject({ firstName: null, email: null, iban: null, mobile: null, birthDate: null, notes: null });
    expect(sql('SELECT 1 FROM addresses WHERE relation_id = ?', person)).toHaveLength(0);
    expect(sql('SELECT 1 FROM group_members WHERE relation_id = ?', person)).toHaveLength(0);
    expect(sql('SELECT 1 FROM subscriptions WHERE relation_id = ?', person)).toHaveLength(0);
    expect(sql('SELECT 1 FROM tasks WHERE relation_id = ?', person)).toHaveLength(0);
    expect(sql('SELECT 1 FROM relation_links WHERE from_relation_id = ? OR to_relation_id = ?', person, person)).toHaveLength(0);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM invoices WHERE relation_id = ?', person)[0]!.n).toBe(invoicesBefore);
    expect(sql<{ description: string }>('SELECT description FROM invoices WHERE relation_id = ?', person)[0]!.description).toBe('Contributie [geanonimiseerd]');
    expect(sql('SELECT 1 FROM payments WHERE relation_id = ?', person)).toHaveLength(1);
    // The shared contact entry stays for the other person, without her name.
    const shared = sql<{ body: string }>(`SELECT c.body FROM contact_log c JOIN contact_log_links l ON l.entry_id = c.id WHERE l.relation_id = ?`, friend);
    expect(shared.map((s) => s.body)).toEqual(['Gerrit en [geanonimiseerd] helpen bij de braderie']);
    // History names the operation in plain Dutch.
    const history = await core.call('audit.forRelation', { relationId: person });
    expect(history.rows[0]?.operationKind ?? history.rows[0]).toBeDefined();
  });

  it('a stored file shared with someone else stays, without her values, under its new hash', () => {
    const files = sql<{ id: string; content: Buffer }>(`SELECT b.id, b.content FROM blobs b JOIN change_requests c ON c.source_blob_id = b.id WHERE c.relation_id = ?`, friend);
    expect(files).toHaveLength(1);
    expect(files[0]!.content.toString('utf8')).toContain('gerrit.buurman@voorbeeld.nl');
    expect(leaks(files[0]!.content.toString('utf8'))).toEqual([]);
    expect(createHash('sha256').update(files[0]!.content).digest('hex')).toBe(files[0]!.id);
  });

  it('export-json, search, History and the raw file bytes no longer hold her name, e-mail or IBAN', async () => {
    const out = exportJson(core.ctx, path.join(dir.dir, 'na.json'));
    expect(leaks(fs.readFileSync(out.file, 'utf8'))).toEqual([]);
    for (const q of ['Zwanenburg', 'Xandrielle Zwanenburg', EMAIL, '0417164300']) expect((await core.call('relations.search', { query: q })).rows).toEqual([]);
    const audit = sql<Record<string, unknown>>('SELECT * FROM audit_log');
    expect(leaks(JSON.stringify(audit))).toEqual([]);
    expect(leaks(JSON.stringify(sql('SELECT * FROM operations')))).toEqual([]);
    expect(leaks(JSON.stringify(await core.call('audit.forRelation', { relationId: person, limit: 500 } as never)))).toEqual([]);
    expect(leaks(JSON.stringify(await core.call('audit.list', { limit: 500 } as never)))).toEqual([]);
    expect(leaks(rawBytes())).toEqual([]);
  });

  it('keeps the erasure list beside the file, private, without personal data', () => {
    const list = erasureListFile(file)!;
    expect(path.dirname(list)).toBe(path.dirname(file));
    expect(fs.statSync(list).mode & 0o777).toBe(0o600);
    expect(readErasureList(file).map((e) => e.relationId)).toEqual([person]);
    expect(leaks(fs.readFileSync(list, 'utf8'))).toEqual([]);
  });

  it('a restore of an older backup cannot bring her back: the erasure list is applied again', async () => {
    // The backup from before still holds her: restoring it (as a restore does, file for file) brings her back…
    core.close();
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(olderBackup, file);
    // A fresh process: ids from the real generator (the test one would start over at id-0001).
    const clock = testClock(`${TODAY}T12:00:00`);
    core = Object.assign(createCore({ file, now: clock.now, actor: 'test', checkOutput: true }), { clock });
    expect((await core.call('relations.get', { id: person })).displayName).toBe('Xandrielle Zwanenburg');
    // …until the post-restore step runs.
    const again = reapplyErasures(core.ctx);
    expect(again?.anonymised.map((a) => a.relationId)).toEqual([person]);
    expect((await core.call('relations.get', { id: person })).displayName).toBe('Geanonimiseerd');
    expect((await core.call('relations.search', { query: 'Zwanenburg' })).rows).toEqual([]);
    expect(leaks(JSON.stringify(sql('SELECT * FROM audit_log')))).toEqual([]);
    expect(leaks(fs.readFileSync(exportJson(core.ctx, path.join(dir.dir, 'hersteld.json')).file, 'utf8'))).toEqual([]);
    expect(leaks(rawBytes())).toEqual([]);
    // Idempotent: nothing left to do.
    expect(reapplyErasures(core.ctx)).toBeNull();
  });

  it('leaves other people alone', async () => {
    expect((await core.call('relations.get', { id: friend })).displayName).toBe('Gerrit Buurman');
    expect((await core.call('relations.search', { query: 'Buurman' })).rows).toHaveLength(1);
  });

  it('refuses an unknown relation without changing anything', async () => {
    const ops = sql('SELECT id FROM operations').length;
    await expect(core.call('privacy.anonymise', { relationIds: ['bestaat-niet'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(sql('SELECT id FROM operations')).toHaveLength(ops);
    expect(() => anonymise(core.ctx, ['bestaat-niet'])).toThrow();
  });
});

