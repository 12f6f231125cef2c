import type { CoreContext } from '../context';
import { addDays } from '../../../shared/dutch/dates';
import { insertLogEntry } from '../contact-log/contact-log.handlers';
import { storeRequests } from '../requests/requests.handlers';
import { sha256 } from '../blobs/blob-store';
import { formatIban } from '../../../shared/dutch/iban';

interface Person {
  id: string;
  number: number;
  first: string;
  email: string | null;
  street: string | null;
  city: string | null;
}

/**
 * The secretary's daily work on top of the demo members: a board with meetings, a contact
 * log, tasks (some due today) and a pile of change requests from a web-form export and
 * returned forms. Runs inside the demo's operation, through the same code the app uses.
 */
export function addContactsDemo(ctx: CoreContext, today: string): void {
  const people = ctx.sqlite
    .prepare(
      `SELECT r.id, r.number, r.first_name AS first, r.email, a.street, a.city FROM relations r
       LEFT JOIN addresses a ON a.relation_id = r.id AND a.valid_to IS NULL AND a.type = 'home'
       WHERE r.kind = 'person' AND r.deleted_at IS NULL AND r.first_name IS NOT NULL ORDER BY r.number LIMIT 40`,
    )
    .all() as Person[];
  if (people.length < 12) return;
  const p = (i: number) => people[i % people.length]!;
  const now = ctx.now();

  // The board and its meetings.
  const boardId = ctx.newId();
  ctx.sqlite.prepare(`INSERT INTO groups (id, parent_id, name, type, position, created_at, updated_at) VALUES (?, NULL, 'Bestuur', 'board', 0, ?, ?)`).run(boardId, now, now);
  const role = (code: string) => (ctx.sqlite.prepare('SELECT id FROM group_roles WHERE code = ?').get(code) as { id: string } | undefined)?.id ?? null;
  const addMember = ctx.sqlite.prepare(
    `INSERT INTO group_members (id, group_id, relation_id, role_id, mode, valid_from, valid_to, created_at, updated_at) VALUES (?, ?, ?, ?, 'include', ?, NULL, ?, ?)`,
  );
  ['voorzitter', 'secretaris', 'penningmeester', 'lid', 'lid'].forEach((code, i) => addMember.run(ctx.newId(), boardId, p(i).id, role(code), '2022-01-01', now, now));
  const meeting = ctx.sqlite.prepare(
    'INSERT INTO meetings (id, group_id, title, date, time, place, agenda, minutes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const past = ctx.newId();
  meeting.run(past, boardId, 'Bestuursvergadering', addDays(today, -21), '20:00', 'Clubhuis De Kantine', JSON.stringify(['Opening en mededelingen', 'Notulen vorige vergadering', 'Ledenwerving', 'Rondvraag en sluiting']), 'Ledenwerving: flyers bij de bibliotheek.\nVolgende vergadering over vier weken.', now, now);
  meeting.run(ctx.newId(), boardId, 'Bestuursvergadering', addDays(today, 7), '20:00', 'Clubhuis De Kantine', JSON.stringify(['Opening', 'Begroting volgend jaar', 'Voorbereiding algemene ledenvergadering', 'Rondvraag']), null, now, now);
  const attend = ctx.sqlite.prepare('INSERT INTO meeting_attendance (id, meeting_id, relation_id, status) VALUES (?, ?, ?, ?)');
  ['present', 'present', 'present', 'excused', 'present'].forEach((s, i) => attend.run(ctx.newId(), past, p(i).id, s));

  // The contact log.
  const entries: [number, 'call' | 'email' | 'visit' | 'letter' | 'note', string, string | null, number[], boolean][] = [
    [-1, 'call', 'Vraag over contributie', 'Wil in twee termijnen betalen; afgesproken: maart en september.', [6], false],
    [-2, 'visit', 'Jubileum 25 jaar lid', 'Bloemen en oorkonde gebracht.', [7], false],
    [-3, 'letter', 'Welkomstbrief', null, [8, 9], false],
    [-5, 'email', 'Adreswijziging doorgegeven', 'Verhuist per de eerste van volgende maand.', [10], false],
    [-8, 'note', 'Wil vrijwilliger worden', 'Interesse in de kascommissie.', [11], false],
    [-12, 'call', 'Afmelding ledenvergadering', 'Met kennisgeving afwezig.', [3], false],
    [-14, 'letter', 'Uitnodiging bestuursvergadering', null, [], true],
    [-30, 'visit', 'Kennismaking nieuwe penningmeester', 'Overdracht van de kas besproken.', [2, 1], false],
  ];
  for (const [days, kind, subject, body, who, board] of entries) {
    insertLogEntry(ctx, { kind, date: addDays(today, days), who: 'Secretaris', subject, body, relationIds: who.map((i) => p(i).id), groupIds: board ? [boardId] : [] });
  }

  // Tasks: one overdue, two today, one recurring, one later.
  const task = ctx.sqlite.prepare(
    `INSERT INTO tasks (id, title, notes, due_date, assignee, priority, recurrence, relation_id, group_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  task.run(ctx.newId(), 'Terugbellen over betalingsregeling', null, addDays(today, -2), 'Penningmeester', 'high', 'none', p(6).id, null, now, now);
  task.run(ctx.newId(), 'Notulen rondsturen', null, today, 'Secretaris', 'normal', 'none', null, boardId, now, now);
  task.run(ctx.newId(), 'Oorkonde bestellen', 'Voor de jubilarissen van volgend jaar.', today, null, 'normal', 'none', p(7).id, null, now, now);
  task.run(ctx.newId(), 'Ledenlijst controleren', null, addDays(today, 14), 'Secretaris', 'low', 'monthly', null, null, now, now);

  // Change requests: a web-form export (as a table) and a returned change form.
  const headers = ['Tijdstempel', 'Lidnummer', 'Voornaam', 'E-mailadres', 'Mobiel', 'Straat', 'Huisnummer', 'Postcode', 'Woonplaats', 'IBAN'];
  const when = (d: number) => addDays(today, d).split('-').reverse().join('-');
  const rows: (string | null)[][] = [
    [when(-3), String(p(12).number), p(12).first, null, '06-24681357', null, null, null, null, null],
    [when(-20), String(p(13).number), p(13).first, null, null, 'Kerkstraat', '14', '3811 CV', 'Amersfoort', null],
    [when(-1), String(p(14).number), p(14).first, null, null, null, null, null, null, formatIban('NL20INGB0001234567')],
    [when(-2), null, 'Sanne', 'sanne.nieuw@example.nl', '06-11112222', null, null, null, null, null],
  ];
  const csvBytes = new TextEncoder().encode([headers, ...rows].map((r) => r.map((c) => c ?? '').join(';')).join('\r\n'));
  storeRequests(ctx, {
    kind: 'csv',
    fileName: 'webformulier-export.csv',
    hash: sha256(csvBytes),
    bytes: csvBytes,
    requests: rows.map((cells, i) => ({ position: i + 2, headers, cells, requestedOn: addDays(today, [-3, -20, -1, -2][i]!), senderEmail: null, originals: null })),
  });
  const form = p(15);
  const formBytes = new TextEncoder().encode(`wijzigingsformulier-${form.number}`);
  storeRequests(ctx, {
    kind: 'pdf',
    fileName: `wijzigingsformulier-${form.number}.pdf`,
    hash: sha256(formBytes),
    bytes: formBytes,
    requests: [{ position: 1, headers: ['Lidnummer', 'E-mail'], cells: [String(form.number), `${form.first.toLowerCase()}.${form.number}@example.nl`], requestedOn: addDays(today, -4), senderEmail: null, originals: null }],
  });
}
