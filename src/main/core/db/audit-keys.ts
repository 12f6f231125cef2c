/**
 * How audit_log stores record and relation ids (compact history, docs/architecture.md): a
 * UUID as its 16 bytes (a blob, 20 bytes less than its text, in the row and in two indexes),
 * any other id as the text it is. Only SQLite built-ins (unhex, hex), so the triggers work on
 * every connection, also one that did not register functions of ours.
 */
const HEX = '[0-9a-f]';
const UUID_GLOB = [8, 4, 4, 4, 12].map((n) => HEX.repeat(n)).join('-');
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SQL: the stored form of the id expression `x` (NULL stays NULL). */
export function idKeySql(x: string): string {
  return `CASE WHEN ${x} GLOB '${UUID_GLOB}' THEN unhex(replace(${x}, '-', '')) ELSE ${x} END`;
}

/** SQL: the id (text) of the stored form `x`. */
export function idTextSql(x: string): string {
  const h = `hex(${x})`;
  return `CASE WHEN typeof(${x}) = 'blob' THEN lower(substr(${h}, 1, 8) || '-' || substr(${h}, 9, 4) || '-' || substr(${h}, 13, 4) || '-' || substr(${h}, 17, 4) || '-' || substr(${h}, 21)) ELSE ${x} END`;
}

/** The stored form of an id, to bind as a parameter. */
export function idKey(id: string): Buffer | string {
  return UUID_RE.test(id) ? Buffer.from(id.replace(/-/g, ''), 'hex') : id;
}

/** The id of a stored form read from audit_log. */
export function idText(v: Buffer | string): string;
export function idText(v: Buffer | string | null): string | null;
export function idText(v: Buffer | string | null): string | null {
  if (v === null || typeof v === 'string') return v;
  const h = v.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
