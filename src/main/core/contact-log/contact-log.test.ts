import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { makeMsg } from '../../../../test/support/mail/make-msg';

let core: ReturnType<typeof createTestCore>;
let jan: string;
let marieke: string;
let board: string;

beforeEach(async () => {
  core = createTestCore(); // today = 2026-11-22
  jan = (await core.call('relations.create', { kind: 'person', number: 1, fields: { firstName: 'Jan', lastName: 'Vries', email: 'jan@example.nl' } })).id;
  marieke = (await core.call('relations.create', { kind: 'person', number: 2, fields: { firstName: 'Marieke', lastName: 'Vries' } })).id;
  board = (await core.call('groups.create', { name: 'Bestuur', type: 'board' })).id;
});
afterEach(() => core.close());

const MAIL = [
  'From: Jan Vries <jan@example.nl>',
  'To: secretaris@vereniging.nl',
  'Subject: Afmelding ledenvergadering',
  'Date: Fri, 20 Nov 2026 08:30:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="xyz"',
  '',
  '--xyz',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Ik kan er helaas niet bij zijn; mijn volmacht zit in de bijlage.',
  '--xyz',
  'Content-Type: application/pdf; name="volmacht.pdf"',
  'Content-Disposition: attachment; filename="volmacht.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4 volmacht').toString('base64'),
  '--xyz--',
].join('\r\n');

describe('contact log', () => {
  it('logs a call for two relations; it shows on both timelines and in History', async () => {
    const e = await core.call('log.add', { kind: 'call', date: '2026-11-21', who: 'Secretaris', subject: 'Verhuizing besproken', body: 'Ze verhuizen samen in januari.', relationIds: [jan, marieke] });
    expect(e.relations.map((r) => r.name)).toEqual(['Jan Vries', 'Marieke Vries']);
    for (const id of [jan, marieke]) expect((await core.call('log.list', { relationId: id })).rows.map((r) => r.subject)).toEqual(['Verhuizing besproken']);
    const history = await core.call('audit.forRelation', { relationId: marieke, limit: 20 });
    expect(history.rows.some((r) => r.operationKind === 'log.add' && r.tableName === 'contact_log_links')).toBe(true);
  });

  it('refuses an entry about nobody, or about a relation that does not exist', async () => {
    await expect(core.call('log.add', { kind: 'note', date: '2026-11-21', subject: 'x' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(core.call('log.add', { kind: 'note', date: '2026-11-21', subject: 'x', relationIds: ['nope'] })).rejects.toMatchObject({ issues: [{ field: 'relationIds', code: 'NOT_FOUND' }] });
    expect((await core.call('log.list', {})).total).toBe(0);
  });

  it('reads a saved mail: linked to its sender, attachments and the mail itself kept', async () => {
    const e = await core.call('log.addMail', { file: Buffer.from(MAIL).toString('base64'), fileName: 'afmelding.eml', groupIds: [] });
    expect([e.kind, e.date, e.subject, e.mailFrom, e.mailTo]).toEqual(['email', '2026-11-20', 'Afmelding ledenvergadering', 'Jan Vries <jan@example.nl>', 'secretaris@vereniging.nl']);
    expect(e.body).toContain('volmacht zit in de bijlage');
    expect(e.relations.map((r) => r.id)).toEqual([jan]);
    expect(e.attachments.map((a) => a.fileName)).toEqual(['afmelding.eml', 'volmacht.pdf']);
    const pdf = await core.call('log.attachment', { id: e.attachments.find((a) => a.fileName === 'volmacht.pdf')!.id });
    expect(Buffer.from(pdf.bytes, 'base64').toString()).toBe('%PDF-1.4 volmacht');
  });

  it('reads an Outlook .msg the same way: sender linked, attachment kept', async () => {
    const msg = makeMsg({
      subject: 'Nieuw adres',
      senderName: 'Jan Vries',
      senderSmtp: 'JAN@example.nl',
      to: ['secretaris@vereniging.nl'],
      body: 'Per 1 december wonen wij op de Biltstraat 8.',
      sentAt: new Date('2026-11-18T10:00:00Z'),
      attachments: [{ fileName: 'verhuiskaart.pdf', mimeType: 'application/pdf', content: new Uint8Array(Buffer.from('%PDF-1.4 kaart')) }],
    });
    const e = await core.call('log.addMail', { file: Buffer.from(msg).toString('base64'), fileName: 'nieuw-adres.msg', groupIds: [] });
    expect([e.kind, e.date, e.subject]).toEqual(['email', '2026-11-18', 'Nieuw adres']);
    expect(e.body).toContain('Biltstraat 8');
    expect(e.relations.map((r) => r.id)).toEqual([jan]);
    expect(e.attachments.map((a) => a.fileName)).toEqual(['nieuw-adres.msg', 'verhuiskaart.pdf']);
    const kaart = await core.call('log.attachment', { id: e.attachments.find((a) => a.fileName === 'verhuiskaart.pdf')!.id });
    expect(Buffer.from(kaart.bytes, 'base64').toString()).toBe('%PDF-1.4 kaart');
  });

  it('searches subject, text and addresses; a group page has its own timeline', async () => {
    await core.call('log.add', { kind: 'visit', date: '2026-10-01', subject: 'Jubileum', body: 'Bloemen gebracht voor 25 jaar lidmaatschap', relationIds: [jan] });
    await core.call('log.add', { kind: 'letter', date: '2026-11-01', subject: 'Uitnodiging bestuursvergadering', groupIds: [board] });
    expect((await core.call('log.list', { query: 'bloemen 25' })).rows.map((r) => r.subject)).toEqual(['Jubileum']);
    expect((await core.call('log.list', { query: '100%' })).total).toBe(0);
    expect((await core.call('log.list', { groupId: board })).rows.map((r) => r.groups[0]?.name)).toEqual(['Bestuur']);
  });
});

describe('tasks', () => {
  it('a task due today is in Vandaag and counted; done, it leaves; a recurring one comes back', async () => {
    const t = await core.call('tasks.create', { title: 'Jan terugbellen', dueDate: '2026-11-22', relationId: jan, recurrence: 'monthly' });
    await core.call('tasks.create', { title: 'Oud', dueDate: '2026-11-01', priority: 'high' });
    await core.call('tasks.create', { title: 'Later', dueDate: '2026-12-01' });
    const today = await core.call('tasks.today', {});
    expect(today.overdue.map((x) => x.title)).toEqual(['Oud']);
    expect(today.due.map((x) => [x.title, x.relationName])).toEqual([['Jan terugbellen', 'Jan Vries']]);
    expect((await core.call('tasks.count', {})).due).toBe(2);
    const done = await core.call('tasks.complete', { id: t.id });
    expect(done.next?.dueDate).toBe('2026-12-22');
    expect((await core.call('tasks.count', {})).due).toBe(1);
  });

  it('snoozed tasks stay out of Vandaag until their date', async () => {
    const t = await core.call('tasks.create', { title: 'Nabellen', dueDate: '2026-11-20' });
    await core.call('tasks.snooze', { id: t.id, until: '2026-11-25' });
    expect((await core.call('tasks.count', {})).due).toBe(0);
    core.clock.set('2026-11-25');
    expect((await core.call('tasks.today', {})).overdue.map((x) => x.title)).toEqual(['Nabellen']);
  });

  it('the app makes a task for a change request waiting over 14 days, and closes it when the request is decided', async () => {
    const csv = 'Datum;Lidnummer;Telefoon\n1-11-2026;1;030-1112233\n';
    const r = await core.call('requests.load', { file: Buffer.from(csv).toString('base64'), fileName: 'formulier.csv' });
    const open = (await core.call('tasks.today', {})).overdue;
    expect(open.map((x) => [x.title, x.systemKey, x.relationName])).toEqual([['Wijzigingsverzoek wacht langer dan 14 dagen', `request-stale:${r.created[0]}`, 'Jan Vries']]);
    // Asking again makes nothing twice.
    await core.call('tasks.today', {});
    expect((await core.call('tasks.list', { status: 'all' })).rows).toHaveLength(1);
    await core.call('requests.reject', { id: r.created[0]!, reason: 'Dubbel' });
    expect((await core.call('tasks.count', {})).due).toBe(0);
    expect((await core.call('tasks.list', { status: 'done' })).rows.map((x) => x.doneAt)).toEqual(['2026-11-22']);
  });
});

describe('mail merge logs the letter', () => {
  it('"brief verstuurd" on every recipient’s timeline when asked, nothing when not', async () => {
    const PizZip = (await import('pizzip')).default;
    const zip = new PizZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Beste {voornaam}</w:t></w:r></w:p></w:body></w:document>');
    const template = zip.generate({ type: 'nodebuffer' }).toString('base64');
    const source = { kind: 'relations' as const, ids: [jan, marieke] };
    await core.call('io.merge', { template, source });
    expect((await core.call('log.list', {})).total).toBe(0);
    await core.call('io.merge', { template, source, logLetter: { subject: 'Uitnodiging ALV' } });
    for (const id of [jan, marieke]) {
      expect((await core.call('log.list', { relationId: id })).rows.map((r) => [r.kind, r.subject])).toEqual([['letter', 'Brief verstuurd: Uitnodiging ALV']]);
    }
  });
});

describe('system task: age category changes next period', () => {
  it('is made for a junior turning 18 next year and closes when the fact goes away', async () => {
    await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' });
    const base = { type: 'and' as const, items: [{ type: 'subscription' as const, typeCodes: ['lidmaatschap'] }] };
    await core.call('membershipTypes.create', { code: 'jeugd', name: 'Jeugdlid', baseCondition: { ...base, items: [...base.items, { type: 'age' as const, max: 17 }] } });
    await core.call('membershipTypes.create', { code: 'senior', name: 'Senior', baseCondition: { ...base, items: [...base.items, { type: 'age' as const, min: 18 }] } });
    await core.call('units.create', { unit: { name: 'Vereniging', startDate: '2000-01-01' }, parentId: null });
    const sub = (await core.call('subscriptionTypes.list', {})).rows[0]!;
    const kim = (await core.call('relations.create', { kind: 'person', fields: { firstName: 'Kim', lastName: 'Jong', birthDate: '2009-03-15' } })).id;
    await core.call('subscriptions.add', { relationId: kim, subscription: { typeId: sub.id, startDate: '2020-01-01' } });
    await core.call('tasks.count', {});
    const made = await core.call('tasks.list', { relationId: kim });
    expect(made.rows.map((x) => [x.title, x.systemKey, x.dueDate])).toEqual([['Leeftijdscategorie wijzigt: Jeugdlid → Senior', `age-category:${kim}:2027-03-15`, '2026-12-01']]);
    // The subscription ends this year: no change of category next year any more, so the task closes.
    const s = (await core.call('subscriptions.list', { relationId: kim })).rows[0]!;
    await core.call('subscriptions.update', { id: s.id, subscription: { typeId: sub.id, startDate: '2020-01-01', endDate: '2026-12-31' } });
    await core.call('tasks.count', {});
    expect((await core.call('tasks.list', { relationId: kim, status: 'done' })).rows.map((x) => x.systemKey)).toEqual([`age-category:${kim}:2027-03-15`]);
  });
});
