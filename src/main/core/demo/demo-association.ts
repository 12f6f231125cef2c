import type { CoreContext } from '../context';
import { contract, type MethodName, type Input, type Output } from '../../../shared/contract';
import { addDays, addYears } from '../../../shared/dutch/dates';
import { groupsHandlers } from '../groups/groups.handlers';
import { selectionsHandlers } from '../selections/selections.handlers';
import { subscriptionsHandlers } from '../memberships/subscriptions.handlers';
import { recomputeMemberships } from '../memberships/membership-store';
import { saveSchedule } from '../contributions/schedules';
import { runContributionsNow } from '../contributions/runs';
import { runReminders } from '../contributions/reminders';
import type { Operation } from '../audit/operation-writer';

/**
 * The association around the members, so the rule engine shows: subscriptions mirroring each
 * membership history; membership types; an organisation with province › municipality ›
 * department units and their rules; memberships computed from those rules (and so
 * jubilees); the board's role history with a change scheduled; committees; saved selections
 * and a mailing list from one; a fee schedule, a contribution run, payments and reminders.
 *
 * Runs inside the demo's operation. Rule structure is written as rows (the unit handlers
 * recompute everyone per call, which at 100,000 relations would be once per unit); the
 * memberships are then computed once, by the real engine, before the contribution run.
 */
export function addAssociationDemo(ctx: CoreContext, today: string, op: Operation): void {
  const persons = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM relations WHERE kind = 'person'`).get() as { n: number }).n;
  if (persons < 12) return;
  const handlers = { ...groupsHandlers(ctx), ...selectionsHandlers(ctx), ...subscriptionsHandlers(ctx) };
  // The app's own handlers, with the contract's parsing (defaults included), inside this operation.
  const call = <M extends keyof typeof handlers & MethodName>(method: M, input: Input<M>): Output<M> => {
    const handler = handlers[method] as unknown as (i: unknown) => unknown;
    return handler(contract[method].input.parse(input)) as Output<M>;
  };
  const now = ctx.now();
  const one = <T>(sql: string, ...p: unknown[]) => ctx.sqlite.prepare(sql).get(...p) as T;

  // Long-standing members, carried over from the old register: their one 'lid' period (and their
  // first address, which the unit rules read) began 25 years before a day around today, so the
  // overview and the jubilee report show 25-year jubilees (the generated history starts later).
  const veterans = ctx.sqlite
    .prepare(
      `SELECT a.id, a.relation_id AS relationId FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id JOIN relations r ON r.id = a.relation_id
        WHERE t.code = 'lid' AND a.valid_to IS NULL AND r.kind = 'person' AND r.deleted_at IS NULL AND r.death_date IS NULL AND r.birth_date <= '1975-01-01'
          AND (SELECT count(*) FROM relation_type_assignments b WHERE b.relation_id = a.relation_id AND b.type_id = a.type_id) = 1
        ORDER BY r.number LIMIT 6`,
    )
    .all() as { id: string; relationId: string }[];
  veterans.forEach((v, i) => {
    const since = addYears(addDays(today, -20 + 9 * i), -25);
    ctx.sqlite.prepare('UPDATE relation_type_assignments SET valid_from = ? WHERE id = ?').run(since, v.id);
    ctx.sqlite
      .prepare(`UPDATE addresses SET valid_from = ? WHERE id = (SELECT id FROM addresses WHERE relation_id = ? ORDER BY coalesce(valid_from, '') LIMIT 1)`)
      .run(since, v.relationId);
  });

  // Subscriptions: the Lidmaatschap follows every 'lid' period; a third of the current members read the club magazine.
  const lidmaatschap = call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' }).id;
  const clubblad = call('subscriptionTypes.create', { code: 'clubblad', name: 'Clubblad De Schakel' }).id;
  const addSub = ctx.sqlite.prepare('INSERT INTO subscriptions (id, relation_id, type_id, number, quantity, start_date, end_date, end_reason, recipients, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, NULL, ?, ?)');
  const lidPeriods = ctx.sqlite
    .prepare(
      `SELECT a.relation_id AS relationId, r.number, coalesce(a.valid_from, date(r.created_at / 1000, 'unixepoch')) AS start, a.valid_to AS end
         FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id JOIN relations r ON r.id = a.relation_id
        WHERE t.code = 'lid' ORDER BY r.number, start`,
    )
    .all() as { relationId: string; number: number; start: string; end: string | null }[];
  for (const p of lidPeriods) {
    if (p.end !== null && p.end <= p.start) continue;
    addSub.run(ctx.newId(), p.relationId, lidmaatschap, null, p.start, p.end, p.end ? 'Opgezegd' : null, now, now);
    if (p.end === null && p.number % 3 === 0) addSub.run(ctx.newId(), p.relationId, clubblad, `CB-${p.number}`, p.start < '2015-01-01' ? '2015-01-01' : p.start, null, null, now, now);
  }

  // Membership types and the organisation: province › municipality › department.
  const insertType = ctx.sqlite.prepare('INSERT INTO membership_types (id, code, name, base_condition, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const lidType = ctx.newId();
  insertType.run(lidType, 'lid', 'Lid', JSON.stringify({ type: 'subscription', typeCodes: ['lidmaatschap'] }), 1, now, now);
  insertType.run(ctx.newId(), 'donateur', 'Donateur', JSON.stringify({ type: 'relationType', codes: ['donateur'] }), 2, now, now);
  const insertUnit = ctx.sqlite.prepare('INSERT INTO units (id, name, level, start_date, end_date, position, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)');
  const placeUnit = ctx.sqlite.prepare('INSERT INTO unit_placements (id, unit_id, parent_id, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, NULL, ?)');
  const insertRule = ctx.sqlite.prepare('INSERT INTO unit_rules (id, unit_id, membership_type_id, condition, valid_from, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let position = 0;
  const unit = (name: string, level: string, parentId: string | null, rule: object | null, startDate = '2000-01-01') => {
    const id = ctx.newId();
    insertUnit.run(id, name, level, startDate, ++position, now, now);
    placeUnit.run(ctx.newId(), id, parentId, startDate, now);
    if (rule) insertRule.run(ctx.newId(), id, null, JSON.stringify(rule), startDate, null, now);
    return id;
  };
  const root = unit('Vereniging Het Groene Hart', 'Organisatie', null, null);
  const byProvince = ctx.sqlite
    .prepare(`SELECT province AS name, count(*) AS n FROM addresses WHERE valid_to IS NULL AND type = 'home' AND province IS NOT NULL GROUP BY province ORDER BY n DESC, province LIMIT 3`)
    .all() as { name: string; n: number }[];
  let departments = 0;
  for (const [pi, province] of byProvince.entries()) {
    const provinceId = unit(`Provincie ${province.name}`, 'Provincie', root, { type: 'address', provinces: [province.name] });
    const municipalities = ctx.sqlite
      .prepare(`SELECT municipality AS name, count(*) AS n FROM addresses WHERE valid_to IS NULL AND type = 'home' AND province = ? AND municipality IS NOT NULL GROUP BY municipality ORDER BY n DESC, municipality LIMIT 2`)
      .all(province.name) as { name: string; n: number }[];
    for (const [mi, municipality] of municipalities.entries()) {
      const municipalityId = unit(`Gemeente ${municipality.name}`, 'Gemeente', provinceId, { type: 'address', municipalities: [municipality.name] });
      if (pi > 0 || mi > 0) continue;
      // The largest municipality has two departments, split at its middle postcode; a third one started last year.
      const codes = ctx.sqlite
        .prepare(`SELECT DISTINCT CAST(substr(postcode, 1, 4) AS INTEGER) AS pc FROM addresses WHERE valid_to IS NULL AND municipality = ? AND postcode IS NOT NULL ORDER BY pc`)
        .all(municipality.name) as { pc: number }[];
      if (codes.length < 2) continue;
      const mid = codes[Math.floor(codes.length / 2)]!.pc;
      const first = codes[0]!.pc;
      const last = codes[codes.length - 1]!.pc;
      unit(`Afdeling ${municipality.name}-Noord`, 'Afdeling', municipalityId, { type: 'address', postcodeRanges: [{ from: first, to: mid - 1 < first ? first : mid - 1 }] });
      unit(`Afdeling ${municipality.name}-Zuid`, 'Afdeling', municipalityId, { type: 'address', postcodeRanges: [{ from: mid, to: last }] });
      departments += 2;
    }
  }
  void departments;

  // Memberships once, by the engine, so the run below and the selections see them.
  recomputeMemberships(ctx, null);
  op.derivedUpToDate = true;

  // The board's history: a former chair, and a secretary handing over next month.
  const board = one<{ id: string } | undefined>(`SELECT id FROM groups WHERE name = 'Bestuur' AND type = 'board'`);
  const role = (code: string) => one<{ id: string }>('SELECT id FROM group_roles WHERE code = ?', code).id;
  const people = ctx.sqlite
    .prepare(
      `SELECT r.id FROM relations r WHERE r.kind = 'person' AND r.deleted_at IS NULL AND r.first_name IS NOT NULL
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.relation_id = r.id AND m.end_date IS NULL) ORDER BY r.number LIMIT 80`,
    )
    .all() as { id: string }[];
  const p = (i: number) => people[i % people.length]!.id;
  const member = (groupId: string, relationId: string, roleCode: string | null, validFrom: string, validTo: string | null = null) =>
    call('groups.addMember', { groupId, relationId, member: { roleId: roleCode ? role(roleCode) : null, validFrom, validTo } });
  const handover = addDays(today, 30);
  if (board) {
    member(board.id, p(40), 'voorzitter', '2012-01-01', '2022-01-01');
    member(board.id, p(41), 'penningmeester', '2014-05-01', '2022-01-01');
    const secretary = one<{ id: string } | undefined>(`SELECT gm.id FROM group_members gm JOIN group_roles gr ON gr.id = gm.role_id WHERE gm.group_id = ? AND gr.code = 'secretaris' AND gm.valid_to IS NULL`, board.id);
    if (secretary) call('groups.updateMember', { id: secretary.id, member: { roleId: role('secretaris'), validFrom: '2022-01-01', validTo: handover } });
    member(board.id, p(42), 'secretaris', handover);
  }
  const committee = (name: string, type: 'committee' | 'working_group', description: string) => call('groups.create', { name, type, description }).id;
  const kas = committee('Kascommissie', 'committee', 'Controleert jaarlijks de boeken van de penningmeester.');
  member(kas, p(43), 'voorzitter', '2024-01-01');
  member(kas, p(44), 'lid', '2023-01-01', addDays(today, -200));
  member(kas, p(45), 'lid', addDays(today, -200));
  const act = committee('Activiteitencommissie', 'committee', 'Organiseert de nieuwjaarsreceptie, de fietstocht en de braderie.');
  ['voorzitter', 'secretaris', 'lid', 'lid'].forEach((code, i) => member(act, p(46 + i), code, '2021-09-01'));
  const redactie = committee('Redactie clubblad', 'working_group', 'Maakt vier keer per jaar het clubblad De Schakel.');
  [50, 51, 52].forEach((i) => member(redactie, p(i), i === 50 ? 'voorzitter' : 'lid', '2019-01-01'));

  // Saved selections, and a mailing list that follows one.
  const largest = byProvince[0]?.name;
  const jeugd = call('selections.create', { name: 'Jeugdleden', description: 'Leden jonger dan 18.', condition: { type: 'and', items: [{ type: 'membership', typeCodes: ['lid'] }, { type: 'age', max: 17 }] } });
  call('selections.create', { name: 'Jubilarissen (25 jaar lid of langer)', condition: { type: 'duration', item: { type: 'membership', typeCodes: ['lid'] }, minDays: 25 * 365 } });
  call('selections.create', { name: 'Oud-leden', description: 'Ooit lid, nu niet meer.', condition: { type: 'and', items: [{ type: 'relationType', codes: ['lid'] }, { type: 'not', item: { type: 'membership', typeCodes: ['lid'] } }] } });
  if (largest) {
    const region = call('selections.create', { name: `Leden in ${largest}`, condition: { type: 'and', items: [{ type: 'membership', typeCodes: ['lid'] }, { type: 'address', provinces: [largest] }] } });
    call('groups.create', { name: `Nieuwsbrief ${largest}`, type: 'mailing_list', description: `Alle leden in ${largest}: volgt de selectie.`, condition: { type: 'selection', selectionId: region.id } });
  }
  call('groups.create', { name: 'Jeugdnieuwsbrief', type: 'mailing_list', condition: { type: 'selection', selectionId: jeugd.id } });

  addContributionsDemo(ctx, today);
}

/** A fee schedule for the year of the run, the run itself, most invoices paid, a first reminder for the rest. */
function addContributionsDemo(ctx: CoreContext, today: string): void {
  const invoiceDate = addDays(today, -90);
  const year = Number(invoiceDate.slice(0, 4));
  saveSchedule(
    ctx,
    contract['feeSchedules.save'].input.parse({
      schedule: {
        period: { code: String(year), name: String(year), start: `${year}-01-01`, end: `${year + 1}-01-01` },
        fees: [
          { membershipType: 'lid', amountCents: 4500 },
          { membershipType: 'donateur', amountCents: 2500 },
        ],
        paymentMethods: { factuur: { amountCents: 150, description: 'Administratiekosten factuur' } },
        defaults: { method: 'factuur', frequency: 'jaar' },
      },
    }).schedule,
  );
  // How members pay: a third of those with an IBAN by direct debit, members without an address too (or in cash).
  const now = ctx.now();
  const settings = ctx.sqlite.prepare(`INSERT INTO payment_settings (id, relation_id, method, frequency, exempt, created_at, updated_at) VALUES (?, ?, ?, 'jaar', 0, ?, ?)`);
  const payers = ctx.sqlite
    .prepare(
      `SELECT DISTINCT r.id, r.number, r.iban IS NOT NULL AS hasIban,
              EXISTS (SELECT 1 FROM addresses a WHERE a.relation_id = r.id AND (a.valid_from IS NULL OR a.valid_from <= @day) AND (a.valid_to IS NULL OR a.valid_to > @day)) AS hasAddress
         FROM memberships m JOIN relations r ON r.id = m.relation_id
        WHERE (m.end_date IS NULL OR m.end_date > @start) AND (m.start_date IS NULL OR m.start_date < @end) ORDER BY r.number`,
    )
    .all({ day: invoiceDate, start: `${year}-01-01`, end: `${year + 1}-01-01` }) as { id: string; number: number; hasIban: number; hasAddress: number }[];
  for (const p of payers) {
    const method = p.hasIban && (p.number % 3 === 0 || !p.hasAddress) ? 'incasso' : p.hasAddress ? null : 'contant';
    if (method) settings.run(ctx.newId(), p.id, method, now, now);
  }
  const run = contract['contributionRuns.run'].input.parse({ periodCode: String(year), invoiceDate, dryRun: false, itemLimit: 0 });
  try {
    runContributionsNow(ctx, run);
  } catch {
      // A run refused for blocking problems (a member without an address) leaves the schedule to look at.
    return;
  }
  // Payments as the bank statement brings them: seven in ten paid (one of them half), three open.
  // Written as rows, like the rest of the demo: addPayment works out each invoice's open amount
  // over all invoices, which per payment is fine and for 60,000 fresh invoices (open = total) is not.
  const invoices = ctx.sqlite.prepare('SELECT id, total_cents AS total, invoice_date AS date, relation_id AS relationId FROM invoices ORDER BY number').all() as { id: string; total: number; date: string; relationId: string }[];
  const pay = ctx.sqlite.prepare(`INSERT INTO payments (id, relation_id, payment_date, amount_cents, method, reference, note, created_at) VALUES (?, ?, ?, ?, 'bank', ?, NULL, ?)`);
  const allocate = ctx.sqlite.prepare('INSERT INTO payment_allocations (id, payment_id, invoice_id, amount_cents) VALUES (?, ?, ?, ?)');
  invoices.forEach((inv, i) => {
    if (i % 10 >= 7) return;
    const paid = i % 10 === 6 ? Math.round(inv.total / 2) : inv.total;
    const paymentId = ctx.newId();
    pay.run(paymentId, inv.relationId, addDays(inv.date, 5 + (i % 25)), paid, `Contributie ${year}`, now);
    allocate.run(ctx.newId(), paymentId, inv.id, paid);
  });
  runReminders(ctx, { stage: 1, date: addDays(today, -30), dryRun: false });
}
