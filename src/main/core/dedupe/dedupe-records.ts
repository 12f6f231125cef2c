import type { CoreContext } from '../context';
import { addressKey, type DedupeRecord } from './scorer';

interface RelationRow {
  id: string;
  number: number;
  kind: 'person' | 'organisation';
  display_name: string;
  initials: string | null;
  first_name: string | null;
  infix: string | null;
  last_name: string | null;
  gender: string | null;
  birth_date: string | null;
  name: string | null;
  kvk_number: string | null;
  email_domain: string | null;
  email: string | null;
  email2: string | null;
  phone: string | null;
  mobile: string | null;
  iban: string | null;
}

const COLUMNS = `id, number, kind, display_name, initials, first_name, infix, last_name, gender, birth_date, name,
  kvk_number, email_domain, email, email2, phone, mobile, iban`;

function toRecord(r: RelationRow, addresses: string[]): DedupeRecord {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    displayName: r.display_name,
    initials: r.initials,
    firstName: r.first_name,
    infix: r.infix,
    lastName: r.last_name,
    gender: r.gender,
    birthDate: r.birth_date,
    name: r.name,
    kvkNumber: r.kvk_number,
    emailDomain: r.email_domain,
    emails: [r.email, r.email2].filter((e): e is string => !!e),
    phones: [r.phone, r.mobile].filter((p): p is string => !!p),
    iban: r.iban,
    addresses,
  };
}

type AddressRow = { r: string; postcode: string; house_number: number; house_letter: string | null; house_number_suffix: string | null };
const IN_FORCE = `(valid_from IS NULL OR valid_from <= @today) AND (valid_to IS NULL OR valid_to > @today) AND postcode IS NOT NULL AND house_number IS NOT NULL`;
const ADDRESS_COLUMNS = 'relation_id AS r, postcode, house_number, house_letter, house_number_suffix';

/** Addresses in force today of the given relations, keyed by relation. */
function currentAddresses(ctx: CoreContext, ids: string[]): Map<string, string[]> {
  const rows = ctx.sqlite
    .prepare(`SELECT ${ADDRESS_COLUMNS} FROM addresses WHERE relation_id IN (SELECT value FROM json_each(@ids)) AND ${IN_FORCE}`)
    .all({ ids: JSON.stringify(ids), today: ctx.today() }) as AddressRow[];
  return keyedAddresses(rows);
}

function keyedAddresses(rows: readonly AddressRow[], out = new Map<string, string[]>()): Map<string, string[]> {
  for (const a of rows) {
    const key = addressKey({ postcode: a.postcode, houseNumber: a.house_number, houseLetter: a.house_letter, houseNumberSuffix: a.house_number_suffix });
    if (!key) continue;
    const list = out.get(a.r);
    if (list) {
      if (!list.includes(key)) list.push(key);
    } else out.set(a.r, [key]);
  }
  return out;
}

/** Every relation not in the trash, as the scorer reads it. */
export function loadAllRecords(ctx: CoreContext): DedupeRecord[] {
  const steps = allRecordsInSteps(ctx);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many relations a step of `allRecordsInSteps` reads. */
const STEP_ROWS = 10_000;

/**
 * `loadAllRecords` in steps of STEP_ROWS relations (by rowid), for a scan made in slices between
 * requests (kept-scan.ts). A row written between two steps is read as it is then: newer than
 * the audit mark the scan is kept with, so the next look rescores it again (the same answer).
 */
export function* allRecordsInSteps(ctx: CoreContext): Generator<void, DedupeRecord[], void> {
  const addresses = new Map<string, string[]>();
  const today = ctx.today();
  const addressPage = ctx.sqlite.prepare(`SELECT rowid AS at, ${ADDRESS_COLUMNS} FROM addresses WHERE ${IN_FORCE} AND rowid > @after ORDER BY rowid LIMIT ${STEP_ROWS}`);
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const rows = addressPage.all({ today, after }) as (AddressRow & { at: number })[];
    keyedAddresses(rows, addresses);
    if (rows.length < STEP_ROWS) break;
    after = rows[rows.length - 1]!.at;
    yield;
  }
  const page = ctx.sqlite.prepare(`SELECT rowid AS at, ${COLUMNS} FROM relations WHERE deleted_at IS NULL AND rowid > ? ORDER BY rowid LIMIT ${STEP_ROWS}`);
  const records: DedupeRecord[] = [];
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    yield;
    const rows = page.all(after) as (RelationRow & { at: number })[];
    for (const r of rows) records.push(toRecord(r, addresses.get(r.id) ?? []));
    if (rows.length < STEP_ROWS) return records;
    after = rows[rows.length - 1]!.at;
  }
}

/** The given relations (trash included, so a merge preview can still explain itself). */
export function loadRecords(ctx: CoreContext, ids: string[]): DedupeRecord[] {
  const addresses = currentAddresses(ctx, ids);
  const rows = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM relations WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RelationRow[];
  return rows.map((r) => toRecord(r, addresses.get(r.id) ?? []));
}

/** The given relations that are not in the trash (the ones a scan reads). */
export function loadLiveRecords(ctx: CoreContext, ids: string[]): DedupeRecord[] {
  if (ids.length === 0) return [];
  const addresses = currentAddresses(ctx, ids);
  const rows = ctx.sqlite
    .prepare(`SELECT ${COLUMNS} FROM relations WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as RelationRow[];
  return rows.map((r) => toRecord(r, addresses.get(r.id) ?? []));
}

/** Candidates for one record being typed or imported: relations sharing one identifying value. */
export function loadCandidates(ctx: CoreContext, q: DedupeRecord, limit = 200): DedupeRecord[] {
  const emails = q.emails.map((e) => e.trim().toLowerCase());
  const params = {
    kind: q.kind,
    emails: JSON.stringify(emails),
    birth: q.birthDate ?? null,
    kvk: q.kvkNumber ?? null,
    iban: q.iban ? q.iban.replace(/\s/g, '').toUpperCase() : null,
    domain: q.emailDomain?.toLowerCase() ?? null,
    pcs: JSON.stringify(q.addresses.map((a) => a.split('|')[0]).map((pc) => `${pc?.slice(0, 4)} ${pc?.slice(4)}`)),
    limit,
  };
  // E-mail is stored lower-cased by the contract. Phones are compared by the scorer among
  // these candidates (the typed form rarely has a phone before a name or e-mail).
  const ids = ctx.sqlite
    .prepare(
      `SELECT id FROM relations WHERE deleted_at IS NULL AND kind = @kind AND (
          email IN (SELECT value FROM json_each(@emails)) OR email2 IN (SELECT value FROM json_each(@emails))
          OR (@birth IS NOT NULL AND birth_date = @birth)
          OR (@kvk IS NOT NULL AND kvk_number = @kvk)
          OR (@iban IS NOT NULL AND iban = @iban)
          OR (@domain IS NOT NULL AND email_domain = @domain)
          OR id IN (SELECT relation_id FROM addresses WHERE postcode IN (SELECT value FROM json_each(@pcs))))
        LIMIT @limit`,
    )
    .all(params) as { id: string }[];
  return ids.length ? loadRecords(ctx, ids.map((r) => r.id)) : [];
}
