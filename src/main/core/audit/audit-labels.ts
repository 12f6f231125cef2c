import type { CoreContext } from '../context';
import { formatAmount } from '../../../shared/dutch/money';
import { formatDutchDate } from '../../../shared/dutch/dates';
import { idKey, idKeySql, idTextSql } from '../db/audit-keys';
import { withCreatedImages } from '../db/row-image';
import { tableCode, tableCodeSql } from '../db/audit-codes';

type Row = Record<string, unknown>;

/** Reads the name of a small lookup table's row (types, tags, groups, units), cached per call. */
function lookup(ctx: CoreContext, table: string, column: string) {
  const stmt = ctx.sqlite.prepare(`SELECT ${column} AS v FROM ${table} WHERE id = ?`);
  const cache = new Map<string, string | null>();
  return (id: unknown): string | null => {
    if (typeof id !== 'string') return null;
    if (!cache.has(id)) cache.set(id, ((stmt.get(id) as { v: string } | undefined)?.v ?? null));
    return cache.get(id) ?? null;
  };
}

const join = (...parts: unknown[]) => parts.filter((p) => p !== null && p !== undefined && p !== '').join(' ') || null;

/**
 * A human label for the record each audit row is about ("Oudegracht 12 Utrecht", "werkt bij
 * Bakkerij Brood BV", "Bestuur"), from the record as it was created (its insert row) so it
 * also works for records deleted since. `viewer` is the relation whose History is shown.
 */
export function recordLabels(ctx: CoreContext, rows: { tableName: string; recordId: string }[], viewer?: string): (string | null)[] {
  // One indexed look-up per record (audit_record_idx): a scan over record_id alone would read
  // the whole log, which after a demo or a large import is hundreds of thousands of rows.
  const createdRow = ctx.sqlite.prepare(
    `SELECT id, action, new_value AS newValue, old_value AS oldValue FROM audit_log WHERE table_code = ? AND record_id = ? AND action IN ('insert', 'delete') ORDER BY id LIMIT 1`,
  );
  const created = new Map<string, Row>();
  for (const { tableName, recordId } of rows) {
    if (created.has(recordId)) continue;
    const found = createdRow.get(tableCode(tableName), idKey(recordId)) as { id: number; action: string; newValue: string | null; oldValue: string | null } | undefined;
    if (!found) continue;
    // An insert keeps no image: rebuilt from the record and its later changes (db/row-image.ts).
    const [first] = withCreatedImages(ctx.sqlite, [{ ...found, tableName, recordId }]);
    const image = first?.action === 'insert' ? first.newValue : found.oldValue;
    if (image) created.set(recordId, JSON.parse(image) as Row);
  }
  const relationName = lookup(ctx, 'relations', 'display_name');
  const typeName = lookup(ctx, 'relation_types', 'name');
  const linkType = lookup(ctx, 'link_types', 'name');
  const linkReverse = lookup(ctx, 'link_types', 'reverse_name');
  const tagName = lookup(ctx, 'tags', 'name');
  const fieldLabel = lookup(ctx, 'custom_fields', 'label');
  const groupName = lookup(ctx, 'groups', 'name');
  const unitName = lookup(ctx, 'units', 'name');
  const subscriptionType = lookup(ctx, 'subscription_types', 'name');
  const membershipType = lookup(ctx, 'membership_types', 'name');
  return rows.map(({ tableName, recordId }) => {
    const r = created.get(recordId);
    if (!r) return null;
    switch (tableName) {
      case 'addresses':
        return [join(r.street ?? r.po_box, `${r.house_number ?? ''}${r.house_letter ?? ''}`), join(r.postcode, r.city)].filter(Boolean).join(', ') || null;
      case 'relation_links':
        return r.to_relation_id === viewer
          ? join(linkReverse(r.link_type_id), relationName(r.from_relation_id))
          : join(linkType(r.link_type_id), relationName(r.to_relation_id));
      case 'relation_type_assignments':
        return typeName(r.type_id);
      case 'relation_tags':
        return tagName(r.tag_id);
      case 'custom_values':
        return fieldLabel(r.field_id);
      // In the global History a change names whose membership it is; on a card that is clear.
      case 'group_members':
        return join(viewer ? null : relationName(r.relation_id), groupName(r.group_id));
      case 'subscriptions':
        return join(viewer ? null : relationName(r.relation_id), subscriptionType(r.type_id));
      case 'memberships':
        return join(viewer ? null : relationName(r.relation_id), membershipType(r.membership_type_id), unitName(r.unit_id));
      case 'membership_exceptions':
        return join(viewer ? null : relationName(r.relation_id), unitName(r.unit_id));
      case 'unit_placements':
      case 'unit_rules':
        return join(unitName(r.unit_id), membershipType(r.membership_type_id));
      case 'relation_redirects':
        return `nr. ${String(r.old_number)}`;
      case 'duplicate_dismissals':
        return join(relationName(r.relation_a_id === viewer ? r.relation_b_id : r.relation_a_id));
      case 'invoices':
        return `${String(r.number)} (${formatAmount(Number(r.total_cents))})`;
      case 'invoice_lines':
        return r.description as string;
      case 'invoice_instalments':
        return `${formatDutchDate(String(r.due_date))}: ${formatAmount(Number(r.amount_cents))}`;
      case 'payments':
      case 'payment_allocations':
        return formatAmount(Number(r.amount_cents));
      case 'contribution_runs':
        return `Contributie ${String(r.period_code)}`;
      case 'fee_schedules':
        return `Tarieven ${String(r.period_code)} versie ${String(r.version)}`;
      case 'invoice_reminders':
        return `Fase ${String(r.stage)}, ${formatDutchDate(String(r.reminder_date))}`;
      case 'payment_settings':
        return r.method as string;
      default:
        return (r.name as string | undefined) ?? (r.display_name as string | undefined) ?? (r.title as string | undefined) ?? (r.subject as string | undefined) ?? null;
    }
  });
}

/**
 * A row that moved to another relation (a merge) changes its relation column from one id to
 * another: shown as "Jan Bakker (nr. 12)", also for a relation that no longer exists (from the
 * row its deletion recorded), instead of two ids.
 */
export function relationValueLabels<T extends { field: string | null; oldValue: string | null; newValue: string | null }>(ctx: CoreContext, rows: T[]): T[] {
  const isRelationColumn = (f: string | null) => f !== null && /(^|_)relation(_[ab])?_id$/.test(f);
  const ids = [...new Set(rows.flatMap((r) => (isRelationColumn(r.field) ? [r.oldValue, r.newValue] : [])).filter((v): v is string => !!v))];
  if (!ids.length) return rows;
  const label = new Map<string, string>();
  const json = JSON.stringify(ids);
  for (const r of ctx.sqlite
    // A relation that still exists is named below from its live row; one deleted since, from its delete image.
    .prepare(
      `SELECT ${idTextSql('record_id')} AS id, coalesce(new_value, old_value) AS row FROM audit_log
        WHERE table_code = ${tableCodeSql('relations')} AND action IN ('insert', 'delete') AND coalesce(new_value, old_value) IS NOT NULL
          AND record_id IN (SELECT ${idKeySql('value')} FROM json_each(?)) ORDER BY id`,
    )
    .all(json) as { id: string; row: string }[]) {
    const row = JSON.parse(r.row) as Row;
    const name = [row.first_name ?? row.initials, row.infix, row.last_name].filter(Boolean).join(' ') || (row.name as string | null) || '';
    label.set(r.id, `${name} (nr. ${String(row.number)})`.trim());
  }
  for (const r of ctx.sqlite.prepare(`SELECT id, display_name AS name, number FROM relations WHERE id IN (SELECT value FROM json_each(?))`).all(json) as { id: string; name: string; number: number }[]) {
    label.set(r.id, `${r.name} (nr. ${r.number})`);
  }
  return rows.map((r) =>
    isRelationColumn(r.field) ? { ...r, oldValue: r.oldValue && (label.get(r.oldValue) ?? r.oldValue), newValue: r.newValue && (label.get(r.newValue) ?? r.newValue) } : r,
  );
}
