import type { CoreContext } from '../context';
import type { RelationSummary } from '../../../shared/contract';
import { statement } from '../db/statement-cache';
import { rowMapper, type RowMapper, type RowOf } from '../db/row-mapper';

const summaryRow = rowMapper('relation summary', {
  id: 'text',
  number: 'int',
  kind: ['person', 'organisation'],
  display_name: 'text',
  email: 'text?',
  phone: 'text?',
  mobile: 'text?',
  birth_date: 'text?',
  deleted_at: 'int?',
});

const addressRow = rowMapper('summary address', {
  relation_id: 'text',
  type: 'text',
  street: 'text?',
  house_number: 'int?',
  house_letter: 'text?',
  house_number_suffix: 'text?',
  po_box: 'text?',
  postcode: 'text?',
  city: 'text?',
});
type AddressRow = RowOf<typeof addressRow extends RowMapper<infer S> ? S : never>;

const typeRow = rowMapper('summary type', { relation_id: 'text', name: 'text' });

/** Which current address a list shows: a person's home, an organisation's establishment. */
const TYPE_PRIORITY: Record<'person' | 'organisation', Record<string, number>> = {
  person: { home: 0, postal: 1, business: 2 },
  organisation: { business: 0, postal: 1, home: 2 },
};

function streetLine(a: AddressRow): string | null {
  if (a.po_box) return a.po_box;
  if (!a.street) return null;
  const number = [a.house_number ?? '', a.house_letter ?? ''].join('');
  const suffix = a.house_number_suffix ? `-${a.house_number_suffix}` : '';
  return `${a.street} ${number}${suffix}`.trim();
}

/**
 * Summary rows for a page of ids, in the given order: the relation, its current address
 * (home before postal before business) and its current types. Three indexed queries per
 * page, never one per row.
 */
export function loadSummaries(ctx: CoreContext, ids: string[]): RelationSummary[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const today = ctx.today();
  const rows = summaryRow.all(statement(
    ctx.sqlite,
    `SELECT id, number, kind, display_name, email, phone, mobile, birth_date, deleted_at FROM relations WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(json));
  const addresses = addressRow.all(statement(
    ctx.sqlite,
    `SELECT relation_id, type, street, house_number, house_letter, house_number_suffix, po_box, postcode, city
       FROM addresses
      WHERE relation_id IN (SELECT value FROM json_each(?))
        AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)`,
  ).all(json, today, today));
  const types = typeRow.all(statement(
    ctx.sqlite,
    `SELECT a.relation_id, t.name FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id
      WHERE a.relation_id IN (SELECT value FROM json_each(?))
        AND (a.valid_from IS NULL OR a.valid_from <= ?) AND (a.valid_to IS NULL OR a.valid_to > ?)
      ORDER BY t.position, t.name`,
  ).all(json, today, today));

  const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
  const bestAddress = new Map<string, AddressRow>();
  for (const a of addresses) {
    const priority = TYPE_PRIORITY[kindOf.get(a.relation_id) ?? 'person'];
    const prev = bestAddress.get(a.relation_id);
    if (!prev || (priority[a.type] ?? 9) < (priority[prev.type] ?? 9)) bestAddress.set(a.relation_id, a);
  }
  const typeNames = new Map<string, string[]>();
  for (const t of types) typeNames.set(t.relation_id, [...(typeNames.get(t.relation_id) ?? []), t.name]);

  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const a = bestAddress.get(id);
    return [
      {
        id: r.id,
        number: r.number,
        kind: r.kind,
        displayName: r.display_name,
        email: r.email,
        phone: r.mobile ?? r.phone,
        street: a ? streetLine(a) : null,
        postcode: a?.postcode ?? null,
        city: a?.city ?? null,
        birthDate: r.birth_date,
        types: typeNames.get(id) ?? [],
        deletedAt: r.deleted_at,
      },
    ];
  });
}
