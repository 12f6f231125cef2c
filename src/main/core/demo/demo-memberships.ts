import type { CoreContext } from '../context';
import { recomputeMemberships } from '../memberships/membership-store';

/**
 * Membership types and a unit tree for the demo, so the overview, the Lidmaatschappen screen
 * and the reports have members to show: Lid and Donateur follow the demo's dated relation
 * types; under "Vereniging" a unit per province the members live in (by home address).
 * Runs inside the demo's operation and computes the memberships as any rule change does.
 */
export function addMembershipsDemo(ctx: CoreContext): void {
  const now = ctx.now();
  const insertType = ctx.sqlite.prepare(
    'INSERT INTO membership_types (id, code, name, base_condition, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const types: [string, string][] = [
    ['lid', 'Lid'],
    ['donateur', 'Donateur'],
  ];
  types.forEach(([code, name], i) => {
    if (ctx.sqlite.prepare('SELECT 1 FROM membership_types WHERE code = ?').get(code)) return;
    insertType.run(ctx.newId(), code, name, JSON.stringify({ type: 'relationType', codes: [code] }), i + 1, now, now);
  });
  const insertUnit = ctx.sqlite.prepare('INSERT INTO units (id, name, level, start_date, end_date, position, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)');
  const place = ctx.sqlite.prepare('INSERT INTO unit_placements (id, unit_id, parent_id, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, NULL, ?)');
  const rule = ctx.sqlite.prepare(
    'INSERT INTO unit_rules (id, unit_id, membership_type_id, valid_from, condition, note, created_at) VALUES (?, ?, NULL, ?, ?, NULL, ?)',
  );
  const start = '1990-01-01';
  const root = ctx.newId();
  insertUnit.run(root, 'Vereniging', 'Organisatie', start, 1, now, now);
  place.run(ctx.newId(), root, null, start, now);
  const provinces = (
    ctx.sqlite.prepare(`SELECT DISTINCT province AS p FROM addresses WHERE type = 'home' AND province IS NOT NULL ORDER BY province`).all() as { p: string }[]
  ).map((r) => r.p);
  provinces.forEach((province, i) => {
    const id = ctx.newId();
    insertUnit.run(id, `Regio ${province}`, 'Regio', start, i + 2, now, now);
    place.run(ctx.newId(), id, root, start, now);
    rule.run(ctx.newId(), id, start, JSON.stringify({ type: 'address', addressTypes: ['home'], provinces: [province] }), now);
  });
  recomputeMemberships(ctx, null);
}
