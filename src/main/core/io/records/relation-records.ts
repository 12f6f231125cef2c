import type { CoreContext } from '../../context';
import { mainAddress } from '../import/current-state';

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
  types: string[];
  /** Start of the 'lid' assignment that holds on the date (or the latest that started before it). */
  memberSince: string | null;
  custom: Map<string, string>;
}

const BATCH = 1_000;

const RELATION_SQL = `SELECT id, number, kind, display_name AS displayName, initials, first_name AS firstName, infix,
  last_name AS lastName, exact_name AS exactName, gender, address_form AS addressForm, birth_date AS birthDate,
  death_date AS deathDate, name, legal_form AS legalForm, kvk_number AS kvkNumber, email, email2, phone, mobile, website,
  iban, bic, notes FROM relations WHERE id IN (SELECT value FROM json_each(?))`;

const ADDRESS_SQL = `SELECT relation_id AS relationId, type, street, house_number AS houseNumber, house_letter AS houseLetter,
  house_number_suffix AS houseNumberSuffix, po_box AS poBox, postcode, city, municipality, province, country,
  valid_from AS validFrom, valid_to AS validTo FROM addresses WHERE relation_id IN (SELECT value FROM json_each(?))`;

const TYPES_SQL = `SELECT a.relation_id AS relationId, t.code, t.name, a.valid_from AS validFrom, a.valid_to AS validTo
  FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id
  WHERE a.relation_id IN (SELECT value FROM json_each(?)) ORDER BY t.position, t.name, a.valid_from`;

const CUSTOM_SQL = `SELECT v.relation_id AS relationId, f.code, v.value FROM custom_values v JOIN custom_fields f ON f.id = v.field_id
  WHERE v.relation_id IN (SELECT value FROM json_each(?))`;

type Row = Omit<RelationRecord, 'address' | 'types' | 'memberSince' | 'custom' | 'exactName'> & { exactName: number };

/** Records for ids, in the order given, in batches of indexed queries (never one query per relation). */
export function loadRecords(ctx: CoreContext, ids: string[], on: string): RelationRecord[] {
  const out: RelationRecord[] = [];
  const rel = ctx.sqlite.prepare(RELATION_SQL);
  const adr = ctx.sqlite.prepare(ADDRESS_SQL);
  const typ = ctx.sqlite.prepare(TYPES_SQL);
  const cus = ctx.sqlite.prepare(CUSTOM_SQL);
  for (let i = 0; i < ids.length; i += BATCH) {
    const json = JSON.stringify(ids.slice(i, i + BATCH));
    const byId = new Map<string, RelationRecord>();
    for (const r of rel.all(json) as Row[]) {
      byId.set(r.id, { ...r, exactName: r.exactName === 1, address: null, types: [], memberSince: null, custom: new Map() });
    }
    const addresses = new Map<string, (RecordAddress & { relationId: string })[]>();
    for (const a of adr.all(json) as (RecordAddress & { relationId: string })[]) addresses.set(a.relationId, [...(addresses.get(a.relationId) ?? []), a]);
    for (const [id, list] of addresses) {
      const r = byId.get(id);
      if (r) r.address = mainAddress(list, on);
    }
    for (const t of typ.all(json) as { relationId: string; code: string; name: string; validFrom: string | null; validTo: string | null }[]) {
      const r = byId.get(t.relationId);
      if (!r) continue;
      const holds = (t.validFrom === null || t.validFrom <= on) && (t.validTo === null || t.validTo > on);
      if (holds && !r.types.includes(t.name)) r.types.push(t.name);
      if (t.code === 'lid' && holds) r.memberSince = t.validFrom;
    }
    for (const c of cus.all(json) as { relationId: string; code: string; value: string }[]) byId.get(c.relationId)?.custom.set(c.code, c.value);
    for (const id of ids.slice(i, i + BATCH)) {
      const r = byId.get(id);
      if (r) out.push(r);
    }
  }
  return out;
}
