import type { CoreContext } from '../../context';
import { mainAddress } from '../import/current-state';
import { financeLoader, NO_FINANCE, type RecordFinance } from '../../contributions/record-finance';
import { rowMapper } from '../../db/row-mapper';

export interface RecordAddress {
  type: string;
  street: string | null;
  houseNumber: number | null;
  houseLetter: string | null;
  houseNumberSuffix: string | null;
  poBox: string | null;
  postcode: string | null;
  city: string | null;
  municipality: string | null;
  province: string | null;
  country: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Everything lists, letters and labels print about one relation, on one date. */
export interface RelationRecord {
  id: string;
  number: number;
  kind: 'person' | 'organisation';
  displayName: string;
  initials: string | null;
  firstName: string | null;
  infix: string | null;
  lastName: string | null;
  exactName: boolean;
  gender: 'm' | 'v' | 'x' | null;
  addressForm: 'heer' | 'mevrouw' | 'neutraal' | null;
  birthDate: string | null;
  deathDate: string | null;
  name: string | null;
  legalForm: string | null;
  kvkNumber: string | null;
  email: string | null;
  email2: string | null;
  phone: string | null;
  mobile: string | null;
  website: string | null;
  iban: string | null;
  bic: string | null;
  notes: string | null;
  address: RecordAddress | null;
  /** Names of the relation types held on the date. */
  types: readonly string[];
  /** Start of the 'lid' assignment that holds on the date (or the latest that started before it). */
  memberSince: string | null;
  custom: ReadonlyMap<string, string>;
  /** Payment method, contribution, open amount and invoice number (core/contributions). */
  finance: RecordFinance;
}

const BATCH = 1_000;

// Shared by every record without types or custom values; replaced, never changed.
const NO_TYPES: readonly string[] = [];
const NO_CUSTOM: ReadonlyMap<string, string> = new Map();

// Joining from json_each probes each id's index entry directly; `IN (SELECT …)` builds a temp index first.
const RELATION_SQL = `SELECT r.id, r.number, r.kind, r.display_name AS displayName, r.initials, r.first_name AS firstName, r.infix,
  r.last_name AS lastName, r.exact_name AS exactName, r.gender, r.address_form AS addressForm, r.birth_date AS birthDate,
  r.death_date AS deathDate, r.name, r.legal_form AS legalForm, r.kvk_number AS kvkNumber, r.email, r.email2, r.phone,
  r.mobile, r.website, r.iban, r.bic, r.notes FROM json_each(?) j JOIN relations r ON r.id = j.value`;

// Only what holds on the date leaves SQLite: a 20-year history is mostly past addresses.
const HELD = 'AND (a.valid_from IS NULL OR a.valid_from <= :on) AND (a.valid_to IS NULL OR a.valid_to > :on)';

const ADDRESS_SQL = `SELECT a.relation_id AS relationId, a.type, a.street, a.house_number AS houseNumber, a.house_letter AS houseLetter,
  a.house_number_suffix AS houseNumberSuffix, a.po_box AS poBox, a.postcode, a.city, a.municipality, a.province, a.country,
  a.valid_from AS validFrom, a.valid_to AS validTo FROM json_each(:ids) j JOIN addresses a ON a.relation_id = j.value ${HELD}`;

const TYPES_SQL = `SELECT a.relation_id AS relationId, a.type_id AS typeId, a.valid_from AS validFrom
  FROM json_each(:ids) j JOIN relation_type_assignments a ON a.relation_id = j.value ${HELD}`;

const CUSTOM_SQL = `SELECT v.relation_id AS relationId, f.code, v.value FROM json_each(?) j
  JOIN custom_values v ON v.relation_id = j.value JOIN custom_fields f ON f.id = v.field_id`;

type Row = Omit<RelationRecord, 'address' | 'types' | 'memberSince' | 'custom' | 'exactName' | 'finance'> & { exactName: number };

const relationRow = rowMapper('relation record', {
  id: 'text', number: 'int', kind: ['person', 'organisation'], displayName: 'text', initials: 'text?', firstName: 'text?', infix: 'text?',
  lastName: 'text?', exactName: 'int', gender: ['m', 'v', 'x', null], addressForm: ['heer', 'mevrouw', 'neutraal', null], birthDate: 'text?',
  deathDate: 'text?', name: 'text?', legalForm: 'text?', kvkNumber: 'text?', email: 'text?', email2: 'text?', phone: 'text?',
  mobile: 'text?', website: 'text?', iban: 'text?', bic: 'text?', notes: 'text?',
});
const relationTypeRow = rowMapper('relation type', { id: 'text', code: 'text', name: 'text' });
const addressRow = rowMapper('record address', {
  relationId: 'text', type: 'text', street: 'text?', houseNumber: 'int?', houseLetter: 'text?', houseNumberSuffix: 'text?', poBox: 'text?',
  postcode: 'text?', city: 'text?', municipality: 'text?', province: 'text?', country: 'text', validFrom: 'text?', validTo: 'text?',
});


/** Related data a caller can do without (types and 'lid sinds', custom values); loaded unless said otherwise. */
export interface RecordNeeds {
  types?: boolean;
  custom?: boolean;
  finance?: boolean;
}

/** Records for ids, in the order given, in batches of indexed queries (never one query per relation). */
export function loadRecords(ctx: CoreContext, ids: string[], on: string, needs: RecordNeeds = {}): RelationRecord[] {
  const out: RelationRecord[] = [];
  const rel = ctx.sqlite.prepare(RELATION_SQL);
  const adr = ctx.sqlite.prepare(ADDRESS_SQL);
  const typ = ctx.sqlite.prepare(TYPES_SQL);
  const cus = ctx.sqlite.prepare(CUSTOM_SQL);
  const finance = needs.finance === false ? null : financeLoader(ctx.sqlite);
  // The few relation types, in the order lists show them.
  const typeList = relationTypeRow.all(ctx.sqlite.prepare('SELECT id, code, name FROM relation_types ORDER BY position, name').all());
  const typeRank = new Map(typeList.map((t, i) => [t.id, { ...t, rank: i }]));
  for (let i = 0; i < ids.length; i += BATCH) {
    const json = JSON.stringify(ids.slice(i, i + BATCH));
    const byId = new Map<string, RelationRecord>();
    // The row objects become the records in place: no copy of 100,000 objects for an export.
    for (const row of relationRow.all(rel.all(json)) satisfies Row[]) {
      const r = row as unknown as RelationRecord;
      r.exactName = row.exactName === 1;
      r.address = null;
      r.types = NO_TYPES;
      r.memberSince = null;
      r.custom = NO_CUSTOM;
      r.finance = NO_FINANCE;
      byId.set(r.id, r);
    }
    const addresses = new Map<string, (RecordAddress & { relationId: string })[]>();
    for (const a of addressRow.all(adr.all({ ids: json, on })) satisfies (RecordAddress & { relationId: string })[]) {
      const list = addresses.get(a.relationId);
      if (list) list.push(a);
      else addresses.set(a.relationId, [a]);
    }
    for (const [id, list] of addresses) {
      const r = byId.get(id);
      if (r) r.address = mainAddress(list, on);
    }
    const held = new Map<string, Set<number>>();
    const assignments = needs.types === false ? [] : typ.all({ ids: json, on });
    for (const a of assignments as { relationId: string; typeId: string; validFrom: string | null }[]) {
      const r = byId.get(a.relationId);
      const t = typeRank.get(a.typeId);
      if (!r || !t) continue;
      let ranks = held.get(a.relationId);
      if (!ranks) held.set(a.relationId, (ranks = new Set()));
      ranks.add(t.rank);
      if (t.code === 'lid') r.memberSince = a.validFrom;
    }
    for (const [id, ranks] of held) {
      const r = byId.get(id);
      if (r) r.types = [...ranks].sort((x, y) => x - y).map((k) => typeList[k]?.name ?? '');
    }
    const customs = needs.custom === false ? [] : cus.all(json);
    for (const c of customs as { relationId: string; code: string; value: string }[]) {
      const r = byId.get(c.relationId);
      if (!r) continue;
      const custom = r.custom === NO_CUSTOM ? new Map<string, string>() : (r.custom as Map<string, string>);
      custom.set(c.code, c.value);
      r.custom = custom;
    }
    if (finance) {
      for (const [id, f] of finance(json)) {
        const r = byId.get(id);
        if (r) r.finance = f;
      }
    }
    for (const id of ids.slice(i, i + BATCH)) {
      const r = byId.get(id);
      if (r) out.push(r);
    }
  }
  return out;
}
