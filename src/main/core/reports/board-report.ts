import type { CoreContext } from '../context';
import { addDays, formatDutchDate } from '../../../shared/dutch/dates';
import { fromDay, longestRunContaining, toDay, NEG_INF, POS_INF } from '../conditions/interval-set';
import { groupMembership } from '../groups/groups.repo';
import { reportTable, type ReportTable } from './report-table';

export type BoardGroupType = 'board' | 'committee' | 'working_group';

/**
 * Who held which role in the board and committees on a date, from the dated role history
 * (hand-entered group memberships with a role). A member without a role that day (a smart
 * group's rule, or an entry without a role) is listed as 'Lid', with their run in the group.
 */
export function boardReport(ctx: CoreContext, q: { on: string; groupTypes: BoardGroupType[]; groupId?: string | undefined }): ReportTable {
  const groups = ctx.sqlite
    .prepare(
      `SELECT id, name, type FROM groups WHERE ${q.groupId ? 'id = @groupId' : 'type IN (SELECT value FROM json_each(@types))'}
        ORDER BY CASE type WHEN 'board' THEN 0 WHEN 'committee' THEN 1 ELSE 2 END, position, name`,
    )
    .all(q.groupId ? { groupId: q.groupId } : { types: JSON.stringify(q.groupTypes) }) as { id: string; name: string; type: string }[];
  const entries = ctx.sqlite.prepare(
    `SELECT m.relation_id AS relationId, m.valid_from AS vf, m.valid_to AS vt, r.name AS role, r.position AS position
       FROM group_members m LEFT JOIN group_roles r ON r.id = m.role_id
      WHERE m.group_id = @groupId AND m.mode = 'include' AND (m.valid_from IS NULL OR m.valid_from <= @on) AND (m.valid_to IS NULL OR m.valid_to > @on)`,
  );
  const person = ctx.sqlite.prepare('SELECT number, display_name AS name FROM relations WHERE id = ?');
  const day = toDay(q.on);
  const shown = (d: number, end: boolean) => (d === NEG_INF || d === POS_INF ? '' : fromDay(end ? d - 1 : d));
  const rows: ReportTable['rows'] = [];
  for (const g of groups) {
    const members = groupMembership(ctx, g.id, { on: q.on });
    if (members.size === 0) continue;
    const history = groupMembership(ctx, g.id, 'always', [...members.keys()]);
    const roles = entries.all({ groupId: g.id, on: q.on }) as { relationId: string; vf: string | null; vt: string | null; role: string | null; position: number | null }[];
    const lines: { position: number; row: Record<string, string | number> }[] = [];
    for (const id of members.keys()) {
      const p = person.get(id) as { number: number; name: string };
      const own = roles.filter((r) => r.relationId === id && r.role !== null);
      if (own.length)
        for (const r of own)
          lines.push({ position: r.position ?? 0, row: { relationId: id, group: g.name, role: r.role!, name: p.name, number: p.number, since: r.vf ?? '', until: r.vt ? addDays(r.vt, -1) : '' } });
      else {
        const run = longestRunContaining(history.get(id) ?? [], day);
        lines.push({ position: Number.MAX_SAFE_INTEGER, row: { relationId: id, group: g.name, role: 'Lid', name: p.name, number: p.number, since: run ? shown(run.from, false) : '', until: run ? shown(run.to, true) : '' } });
      }
    }
    lines.sort((a, b) => a.position - b.position || String(a.row['name']).localeCompare(String(b.row['name']), 'nl'));
    rows.push(...lines.map((l) => l.row));
  }
  return reportTable(
    { title: 'Bestuur en commissies', subtitle: `Op ${formatDutchDate(q.on)}` },
    [
      ['group', 'Groep', 'text'],
      ['role', 'Rol', 'text'],
      ['name', 'Naam', 'text'],
      ['number', 'Nummer', 'code'],
      ['since', 'Sinds', 'date'],
      ['until', 'Tot en met', 'date'],
    ],
    rows,
  );
}
