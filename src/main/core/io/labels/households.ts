import { formatSurname } from '../../../../shared/dutch/names';
import { collationKey } from '../../../../shared/dutch/text';
import { linesOf, salutationsOf } from '../records/columns';
import type { RelationRecord } from '../records/relation-records';

/** What one label or envelope prints: name line(s) and address lines, no blank lines. */
export interface AddressItem {
  lines: string[];
  relationIds: string[];
}

function addressKey(r: RelationRecord): string | null {
  const a = r.address;
  if (!a) return null;
  const place = a.postcode ? a.postcode.replace(/\s+/g, '').toUpperCase() : collationKey(`${a.street ?? ''}|${a.city ?? ''}`);
  const number = a.poBox ? collationKey(a.poBox) : `${a.houseNumber ?? ''}${(a.houseLetter ?? '').toUpperCase()}-${(a.houseNumberSuffix ?? '').toLowerCase()}`;
  return `${a.country}|${place}|${number}`;
}

function nameLine(r: RelationRecord): string {
  return salutationsOf(r).addressee || r.displayName;
}

/** 'Fam. De Vries' when they share a surname, both names for two, 'Fam. De Vries en Jansen' for more. */
function householdLines(members: RelationRecord[]): string[] {
  const surnames = [...new Map(members.map((m) => [collationKey(`${m.infix ?? ''} ${m.lastName ?? ''}`), formatSurname(m, false)])).values()];
  if (surnames.length === 1 && surnames[0]) return [`Fam. ${surnames[0]}`];
  if (members.length === 2) return members.map(nameLine);
  return [`Fam. ${surnames.filter(Boolean).join(' en ')}`];
}

/**
 * Relations → printable items in list order. Without an address nothing can be delivered,
 * so those are left out (and counted). With `households`, persons at the same address share
 * one item, placed where the first of them is in the list.
 */
export function addressItems(records: RelationRecord[], households: boolean): { items: AddressItem[]; withoutAddress: number } {
  const items: AddressItem[] = [];
  const groups = new Map<string, RelationRecord[]>();
  const order: (RelationRecord | string)[] = [];
  let withoutAddress = 0;
  for (const r of records) {
    if (linesOf(r).length === 0) {
      withoutAddress++;
      continue;
    }
    const key = households && r.kind === 'person' ? addressKey(r) : null;
    if (!key) {
      order.push(r);
      continue;
    }
    const g = groups.get(key);
    if (g) g.push(r);
    else {
      groups.set(key, [r]);
      order.push(key);
    }
  }
  for (const entry of order) {
    if (typeof entry !== 'string') {
      items.push({ lines: [nameLine(entry), ...linesOf(entry)], relationIds: [entry.id] });
      continue;
    }
    const members = groups.get(entry) ?? [];
    const first = members[0];
    if (!first) continue;
    const names = members.length === 1 ? [nameLine(first)] : householdLines(members);
    items.push({ lines: [...names, ...linesOf(first)], relationIds: members.map((m) => m.id) });
  }
  return { items, withoutAddress };
}
