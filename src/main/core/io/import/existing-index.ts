import { collationKey } from '../../../../shared/dutch/text';
import type { CoreContext } from '../../context';
import { rowMapper } from '../../db/row-mapper';

/**
 * Only the keys we match on, for every relation: ~100 bytes each, so 100,000 relations fit
 * easily. A key keeps at most two ids (enough to know it is ambiguous) plus a count.
 */
export interface ExistingIndex {
  byNumber: Map<number, { id: string; deleted: boolean }>;
  byEmail: Map<string, string[]>;
  byName: Map<string, string[]>;
  /** How many relations share a key, by 'email:…' / 'name:…'. */
  counts: Map<string, number>;
  maxNumber: number;
}

/**
 * Surname core + first initial + birth date + postcode. The initial keeps twins at one
 * address apart; the core word (without tussenvoegsel) survives 'de Vries' vs 'Vries'.
 */
export function nameKey(p: {
  lastName?: string | null | undefined;
  firstName?: string | null | undefined;
  initials?: string | null | undefined;
  birthDate?: string | null | undefined;
  postcode?: string | null | undefined;
}): string | null {
  const initial = collationKey(p.initials || p.firstName || '').charAt(0);
  if (!p.lastName || !initial || !p.birthDate || !p.postcode) return null;
  return `${collationKey(p.lastName)}|${initial}|${p.birthDate}|${p.postcode.replace(/\s+/g, '').toUpperCase()}`;
}

function push(index: ExistingIndex, kind: 'email' | 'name', key: string | null, id: string): void {
  if (!key) return;
  const map = kind === 'email' ? index.byEmail : index.byName;
  const list = map.get(key);
  if (list?.includes(id)) return;
  if (!list) map.set(key, [id]);
  else if (list.length < 2) list.push(id);
  const countKey = `${kind}:${key}`;
  index.counts.set(countKey, (index.counts.get(countKey) ?? 1) + (list ? 1 : 0));
}

const keyRow = rowMapper('import key', {
  id: 'text', number: 'int', deleted: 'int', email: 'text?', email2: 'text?', lastName: 'text?', firstName: 'text?', initials: 'text?', birthDate: 'text?',
});
const postcodeRow = rowMapper('import postcode', { id: 'text', postcode: 'text' });

export function loadExistingIndex(ctx: CoreContext): ExistingIndex {
  const today = ctx.today();
  const rows = keyRow.all(
    ctx.sqlite
      .prepare(
        `SELECT id, number, deleted_at IS NOT NULL AS deleted, email, email2, last_name AS lastName, first_name AS firstName,
                initials, birth_date AS birthDate FROM relations`,
      )
      .all(),
  );
  const postcodes = new Map<string, string[]>();
  for (const a of postcodeRow.all(
    ctx.sqlite
      .prepare(
        `SELECT relation_id AS id, postcode FROM addresses
          WHERE postcode IS NOT NULL AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)`,
      )
      .all(today, today),
  )) {
    const list = postcodes.get(a.id);
    if (list) list.push(a.postcode);
    else postcodes.set(a.id, [a.postcode]);
  }
  const index: ExistingIndex = { byNumber: new Map(), byEmail: new Map(), byName: new Map(), counts: new Map(), maxNumber: 0 };
  for (const r of rows) {
    index.byNumber.set(r.number, { id: r.id, deleted: r.deleted === 1 });
    index.maxNumber = Math.max(index.maxNumber, r.number);
    if (r.deleted) continue;
    push(index, 'email', r.email, r.id);
    push(index, 'email', r.email2, r.id);
    for (const postcode of postcodes.get(r.id) ?? []) push(index, 'name', nameKey({ ...r, postcode }), r.id);
  }
  return index;
}
