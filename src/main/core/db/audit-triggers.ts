import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';
import { idKeySql } from './audit-keys';
import { AUDIT_ACTION_CODES, tableCodeSql } from './audit-codes';

interface AuditedTable {
  table: SQLiteTable;
  /** SQL expression (over NEW/OLD as `{r}`) naming the relation a change belongs to. */
  relation: string | null;
}

const viaInvoice = '(SELECT relation_id FROM invoices WHERE id = {r}.invoice_id)';
/** Contributions (core/contributions): lines, instalments and reminders belong to the invoice's debtor. */
const CONTRIBUTION_TABLES: AuditedTable[] = [
  { table: schema.paymentSettings, relation: '{r}.relation_id' },
  { table: schema.feeSchedules, relation: null },
  { table: schema.contributionRuns, relation: null },
  { table: schema.invoices, relation: '{r}.relation_id' },
  { table: schema.invoiceLines, relation: viaInvoice },
  { table: schema.invoiceInstalments, relation: viaInvoice },
  { table: schema.payments, relation: '{r}.relation_id' },
  { table: schema.paymentAllocations, relation: '(SELECT relation_id FROM payments WHERE id = {r}.payment_id)' },
  { table: schema.invoiceReminders, relation: viaInvoice },
  // SEPA (core/sepa, core/bank): mandates and batch items belong to the debtor.
  { table: schema.sepaMandates, relation: '{r}.relation_id' },
  { table: schema.sepaMandateAmendments, relation: '(SELECT relation_id FROM sepa_mandates WHERE id = {r}.mandate_id)' },
  { table: schema.sepaBatches, relation: null },
  { table: schema.sepaBatchItems, relation: '{r}.relation_id' },
];

/** Every table holding user data. A new such table must be added here (a test checks it). */
export const AUDITED_TABLES: AuditedTable[] = [
  { table: schema.relations, relation: '{r}.id' },
  { table: schema.addresses, relation: '{r}.relation_id' },
  { table: schema.relationTypes, relation: null },
  { table: schema.relationTypeAssignments, relation: '{r}.relation_id' },
  { table: schema.linkTypes, relation: null },
  { table: schema.relationLinks, relation: '{r}.from_relation_id' },
  { table: schema.customFields, relation: null },
  { table: schema.customValues, relation: '{r}.relation_id' },
  { table: schema.tags, relation: null },
  { table: schema.relationTags, relation: '{r}.relation_id' },
  { table: schema.groups, relation: null },
  { table: schema.groupRoles, relation: null },
  { table: schema.groupMembers, relation: '{r}.relation_id' },
  { table: schema.selections, relation: null },
  { table: schema.subscriptionTypes, relation: null },
  { table: schema.subscriptions, relation: '{r}.relation_id' },
  { table: schema.units, relation: null },
  { table: schema.unitPlacements, relation: null },
  { table: schema.membershipTypes, relation: null },
  { table: schema.unitRules, relation: null },
  { table: schema.membershipExceptions, relation: '{r}.relation_id' },
  { table: schema.memberships, relation: '{r}.relation_id' },
  { table: schema.duplicateDismissals, relation: '{r}.relation_a_id' },
  { table: schema.relationRedirects, relation: '{r}.relation_id' },
  { table: schema.changeRequests, relation: '{r}.relation_id' },
  { table: schema.contactLog, relation: null },
  { table: schema.contactLogLinks, relation: '{r}.relation_id' },
  { table: schema.contactLogAttachments, relation: null },
  { table: schema.tasks, relation: '{r}.relation_id' },
  { table: schema.meetings, relation: null },
  { table: schema.meetingAttendance, relation: '{r}.relation_id' },
  ...CONTRIBUTION_TABLES,
  // Bank statements (core/bank): an entry and a return belong to the payer they were matched to.
  { table: schema.bankStatements, relation: null },
  { table: schema.bankEntries, relation: '{r}.relation_id' },
  { table: schema.bankReturns, relation: '{r}.relation_id' },
];

/** Tables that are bookkeeping, not user data. */
export const UNAUDITED_TABLES = ['operations', 'audit_log', 'audit_context', 'settings', 'blobs', 'derived_state'];

/** Derived or bookkeeping columns: recomputed on every write, so logging them is noise. */
export const UNLOGGED_COLUMNS: ReadonlySet<string> = new Set(['created_at', 'updated_at', 'display_name', 'sort_key']);

const CONTEXT = '(SELECT operation FROM audit_context WHERE id = 1)';
const GUARD = `SELECT RAISE(ABORT, 'AUDIT_CONTEXT_MISSING: writes must run inside an operation') WHERE ${CONTEXT} IS NULL;`;

function columnsOf(table: SQLiteTable): string[] {
  return getTableConfig(table)
    .columns.map((c) => c.name)
    .filter((c) => !UNLOGGED_COLUMNS.has(c));
}

function nullableColumnsOf(table: SQLiteTable): Set<string> {
  return new Set(getTableConfig(table).columns.filter((c) => !c.notNull && !c.primary).map((c) => c.name));
}

/**
 * The compact row image of a delete (docs/architecture.md, "Compact history"): the record's
 * fields without its id (that is record_id) and without null fields (a field that is absent
 * was null). json_remove drops the null ones; a path to the absent '$.id' is its no-op,
 * because json_remove gives NULL for a NULL path. readRowImage (db/row-image.ts) reads it back.
 * An insert stores no image: it is the live row (or the delete image) with the later updates
 * reversed, which createdImages (db/row-image.ts) rebuilds.
 */
function rowJson(table: SQLiteTable, cols: string[], ref: 'new' | 'old'): string {
  const fields = cols.filter((c) => c !== 'id');
  const object = `json_object(${fields.map((c) => `'${c}', ${ref}.${c}`).join(', ')})`;
  const nullable = fields.filter((c) => nullableColumnsOf(table).has(c));
  if (nullable.length === 0) return object;
  return `json_remove(${object}, ${nullable.map((c) => `CASE WHEN ${ref}.${c} IS NULL THEN '$.${c}' ELSE '$.id' END`).join(', ')})`;
}

function triggerSql(t: AuditedTable): string[] {
  const name = getTableConfig(t.table).name;
  const cols = columnsOf(t.table);
  const rel = (ref: string) => (t.relation ? idKeySql(t.relation.replace('{r}', ref)) : 'NULL');
  const key = (ref: string) => idKeySql(`${ref}.id`);
  // The table and the action as their codes (db/audit-codes.ts): table_name and action are generated from them.
  const insertCols = 'operation, table_code, record_id, relation_id, action_code, field, old_value, new_value';
  const table = tableCodeSql(name);
  const { insert, update, delete: del } = AUDIT_ACTION_CODES;
  const diff = cols
    .filter((c) => c !== 'id')
    .map((c) => `SELECT '${c}' AS f, old.${c} AS o, new.${c} AS n`)
    .join(' UNION ALL ');
  return [
    `CREATE TRIGGER audit_${name}_insert AFTER INSERT ON ${name} BEGIN ${GUARD}
       INSERT INTO audit_log (${insertCols})
       VALUES (${CONTEXT}, ${table}, ${key('new')}, ${rel('new')}, ${insert}, NULL, NULL, NULL);
     END`,
    `CREATE TRIGGER audit_${name}_update AFTER UPDATE ON ${name} BEGIN ${GUARD}
       INSERT INTO audit_log (${insertCols})
       SELECT ${CONTEXT}, ${table}, ${key('new')}, ${rel('new')}, ${update}, f, o, n FROM (${diff}) WHERE o IS NOT n;
     END`,
    `CREATE TRIGGER audit_${name}_delete AFTER DELETE ON ${name} BEGIN ${GUARD}
       INSERT INTO audit_log (${insertCols})
       VALUES (${CONTEXT}, ${table}, ${key('old')}, ${rel('old')}, ${del}, NULL, ${rowJson(t.table, cols, 'old')}, NULL);
     END`,
  ];
}

/**
 * Audit triggers are generated from the drizzle schema rather than kept in migrations:
 * they must list every column, and drizzle-kit's table rebuilds drop triggers silently.
 * Recreating them on every open keeps them complete whatever a migration did.
 */
export function installAuditTriggers(sqlite: Database.Database): void {
  const wanted = AUDITED_TABLES.flatMap(triggerSql);
  const existing = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'`)
    .all() as { name: string; sql: string }[];
  // Unchanged (the usual open): write nothing, so a second process can open the file while
  // the first holds it.
  const stored = new Set(existing.map((t) => t.sql.replace(/\s+/g, ' ').trim()));
  if (existing.length === wanted.length && wanted.every((w) => stored.has(w.replace(/\s+/g, ' ').trim()))) return;
  for (const { name } of existing) sqlite.exec(`DROP TRIGGER ${name}`);
  sqlite.exec(`INSERT OR IGNORE INTO audit_context (id, operation) VALUES (1, NULL)`);
  for (const stmt of wanted) sqlite.exec(stmt);
}
