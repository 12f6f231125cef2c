/**
 * A row image from the audit log (an insert's new_value, a delete's old_value) as the record
 * it was. Images are compact (db/audit-triggers.ts): the id is the audit row's record_id and a
 * null field is left out. `columns` are the table's columns: those absent from the image were
 * null, except NOT NULL ones (a column added after the image was written gets its default).
 */
export function readRowImage(json: string, recordId: string, columns?: { name: string; notNull: boolean }[]): Record<string, unknown> {
  const fields = JSON.parse(json) as Record<string, unknown>;
  const row: Record<string, unknown> = { id: recordId };
  for (const c of columns ?? []) if (!c.notNull && c.name !== 'id') row[c.name] = null;
  return Object.assign(row, fields);
}
