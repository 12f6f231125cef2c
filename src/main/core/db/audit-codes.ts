/**
 * How audit_log stores which table a row is about and what happened (compact history,
 * docs/architecture.md): a small integer each, not the text. `table_name` and `action` are
 * still there to read, as VIRTUAL generated columns computed from these codes (never stored),
 * so every reader that selects or compares them works unchanged; a lookup that must use the
 * record index compares `table_code` (`tableCodeSql`, `tableCode`).
 *
 * APPEND ONLY: a code is written into every audit row and into the generated column's
 * definition in the file; changing or reusing one would rename history. A table without a code
 * (one added later, or one an older version had) is stored by its name, as text, and read
 * back as such: add its code here together with a migration that regenerates the columns.
 */
export const AUDIT_TABLE_CODES: Readonly<Record<string, number>> = {
  relations: 1,
  addresses: 2,
  relation_types: 3,
  relation_type_assignments: 4,
  link_types: 5,
  relation_links: 6,
  custom_fields: 7,
  custom_values: 8,
  tags: 9,
  relation_tags: 10,
  groups: 11,
  group_roles: 12,
  group_members: 13,
  selections: 14,
  subscription_types: 15,
  subscriptions: 16,
  units: 17,
  unit_placements: 18,
  membership_types: 19,
  unit_rules: 20,
  membership_exceptions: 21,
  memberships: 22,
  duplicate_dismissals: 23,
  relation_redirects: 24,
  change_requests: 25,
  contact_log: 26,
  contact_log_links: 27,
  contact_log_attachments: 28,
  tasks: 29,
  meetings: 30,
  meeting_attendance: 31,
  payment_settings: 32,
  fee_schedules: 33,
  contribution_runs: 34,
  invoices: 35,
  invoice_lines: 36,
  invoice_instalments: 37,
  payments: 38,
  payment_allocations: 39,
  invoice_reminders: 40,
  sepa_mandates: 41,
  sepa_mandate_amendments: 42,
  sepa_batches: 43,
  sepa_batch_items: 44,
  bank_statements: 45,
  bank_entries: 46,
  bank_returns: 47,
};

/** 0 and 1 take no bytes at all in a SQLite record: the insert, by far the most common, is 0. */
export const AUDIT_ACTION_CODES = { insert: 0, update: 1, delete: 2 } as const;
export type AuditAction = keyof typeof AUDIT_ACTION_CODES;

/** The stored form of a table name, to bind as a parameter. */
export function tableCode(name: string): number | string {
  return AUDIT_TABLE_CODES[name] ?? name;
}

/** SQL literal of the stored form of a table name. */
export function tableCodeSql(name: string): string {
  const code = AUDIT_TABLE_CODES[name];
  if (code !== undefined) return String(code);
  if (!/^\w+$/.test(name)) throw new Error(`not a table name: ${name}`);
  return `'${name}'`;
}

/** SQL: the table name of the stored `table_code` (the generated column's definition). */
export function tableNameSql(column = 'table_code'): string {
  const whens = Object.entries(AUDIT_TABLE_CODES).map(([name, code]) => `WHEN ${code} THEN '${name}'`);
  return `CASE ${column} ${whens.join(' ')} ELSE ${column} END`;
}

/** SQL: the stored form of the table name expression `x` (the migration's conversion). */
export function tableCodeOfNameSql(x: string): string {
  const whens = Object.entries(AUDIT_TABLE_CODES).map(([name, code]) => `WHEN '${name}' THEN ${code}`);
  return `CASE ${x} ${whens.join(' ')} ELSE ${x} END`;
}

/** SQL: the action of the stored `action_code`. */
export function actionNameSql(column = 'action_code'): string {
  return `CASE ${column} WHEN 0 THEN 'insert' WHEN 1 THEN 'update' WHEN 2 THEN 'delete' END`;
}
