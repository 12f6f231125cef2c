import type { CoreContext } from '../context';
import { idKey } from '../db/audit-keys';
import { tableCode } from '../db/audit-codes';

type Row = Record<string, unknown>;

/**
 * Which table a column's id points into, per audited table (the default applies otherwise).
 * History shows these as names: "Jan de Vries toegevoegd aan Bestuur als voorzitter".
 */
const DEFAULT_TARGETS: Record<string, string> = {
  relation_id: 'relations',
  from_relation_id: 'relations',
  to_relation_id: 'relations',
  group_id: 'groups',
  members_group_id: 'groups',
  board_group_id: 'groups',
  role_id: 'group_roles',
  unit_id: 'units',
  membership_type_id: 'membership_types',
  link_type_id: 'link_types',
  tag_id: 'tags',
  field_id: 'custom_fields',
};
const PER_TABLE: Record<string, Record<string, string>> = {
  relation_type_assignments: { type_id: 'relation_types' },
  subscriptions: { type_id: 'subscription_types' },
  unit_placements: { parent_id: 'units' },
  groups: { parent_id: 'groups' },
  tags: { parent_id: 'tags' },
};

export function idTarget(table: string, column: string): string | undefined {
  return PER_TABLE[table]?.[column] ?? DEFAULT_TARGETS[column];
}

/** The column that names a record of each table. */
const NAME_COLUMN: Record<string, string> = {
  relations: 'display_name',
  custom_fields: 'label',
};

function parse(json: string | null): Row {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null ? (v as Row) : {};
  } catch {
    return {};
  }
}

/**
 * Resolves the ids that audit rows refer to into names: from the live record, or — for a
 * record deleted since — from the row the audit log kept when it was created or deleted.
 */
export function createNameResolver(ctx: CoreContext) {
  const cache = new Map<string, string | null>();
  const fromLog = ctx.sqlite.prepare(
    // Only for a record deleted since: its delete image (an insert keeps none, db/row-image.ts).
    `SELECT coalesce(new_value, old_value) AS row FROM audit_log WHERE table_code = ? AND record_id = ? AND action IN ('insert', 'delete')
        AND coalesce(new_value, old_value) IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  const nameOf = (table: string, id: string): string | null => {
    const key = `${table}:${id}`;
    if (cache.has(key)) return cache.get(key) ?? null;
    const column = NAME_COLUMN[table] ?? 'name';
    let name = (ctx.sqlite.prepare(`SELECT ${column} AS v FROM ${table} WHERE id = ?`).get(id) as { v: string | null } | undefined)?.v ?? null;
    if (name === null) {
      const logged = fromLog.get(tableCode(table), idKey(id)) as { row: string | null } | undefined;
      const r = parse(logged?.row ?? null);
      const v = r[column] ?? r['name'] ?? [r['first_name'], r['infix'], r['last_name']].filter(Boolean).join(' ');
      name = typeof v === 'string' && v !== '' ? v : null;
    }
    cache.set(key, name);
    return name;
  };
  /** Names of every id in one audit row: the stored record's references, or the changed field's old and new value. */
  return (entry: { tableName: string; action: string; field: string | null; oldValue: string | null; newValue: string | null; relationId: string | null }) => {
    const names: Record<string, string> = {};
    const add = (column: string, value: unknown) => {
      const target = idTarget(entry.tableName, column);
      if (!target || typeof value !== 'string') return;
      const name = nameOf(target, value);
      if (name !== null) names[value] = name;
    };
    if (entry.action === 'update') {
      if (entry.field) {
        add(entry.field, entry.oldValue);
        add(entry.field, entry.newValue);
      }
      // The record an update is about (group_members → its person and group) comes from its created row.
    } else {
      const r = parse(entry.action === 'insert' ? entry.newValue : entry.oldValue);
      for (const [column, value] of Object.entries(r)) add(column, value);
    }
    if (entry.relationId) add('relation_id', entry.relationId);
    return names;
  };
}
