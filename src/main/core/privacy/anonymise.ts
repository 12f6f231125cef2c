import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { CoreContext } from '../context';
import { dropDerivedState } from '../db/derived-state';
import { AUDITED_TABLES } from '../db/audit-triggers';
import { idKey } from '../db/audit-keys';
import { notFound } from '../../../shared/errors';
import { formatIban } from '../../../shared/dutch/iban';
import { derivedNames } from '../relations/relation-names';
import { FINANCIAL_TABLES, SHARED_TABLES, relationTables, type Row } from './person-records';
import { putBlob } from '../blobs/blob-store';
import { addToErasureList, readErasureList, type ErasureEntry } from './erasure-list';
import { writeOrPreview } from '../audit/operation-writer';
import { administrationVersion, assertUnchangedSince } from '../plans/plan-store';
import type { AnonymiseResultDto } from '../../../shared/contract/privacy';
import { tableCodeSql } from '../db/audit-codes';

/** Columns that point at a stored file (blobs). */
const BLOB_REFERENCES = [
  ['change_requests', 'source_blob_id'],
  ['contact_log_attachments', 'blob_id'],
  ['sepa_mandate_amendments', 'evidence_blob_id'],
  ['sepa_batches', 'file_blob_id'],
] as const;

/** What replaces a person's values wherever they are found. */
export const ERASED = '[geanonimiseerd]';
export const PSEUDONYM = 'Geanonimiseerd';
/** The settings key listing the relations anonymised in this file (ids and dates only). */
const ANONYMISED_KEY = 'privacy.anonymised';
/** Shorter values (initials, "Jan") would hit other people's text too; they are only cleared by column. */
const MIN_NEEDLE = 5;

/** Columns of a relation that identify the person; all are cleared, the name becomes the pseudonym. */
const PERSONAL_COLUMNS = [
  'initials', 'first_name', 'infix', 'last_name', 'gender', 'address_form', 'birth_date', 'death_date', 'name', 'legal_form',
  'kvk_number', 'email_domain', 'email', 'email2', 'phone', 'mobile', 'website', 'social_links', 'iban', 'bic', 'notes', 'display_name', 'sort_key',
];

export type AnonymiseResult = AnonymiseResultDto;

export interface AnonymiseOptions {
  /** After a restore (reapplyErasures): said so in History. */
  reapplied?: boolean;
  /** Run completely and roll back: the preview is the code that anonymises. */
  dryRun?: boolean;
  /** The preview's version: refused when anything was written since (the commit applies what was shown). */
  basis?: number;
}

export function anonymisedIds(ctx: CoreContext): Map<string, string> {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(ANONYMISED_KEY) as { value: string } | undefined;
  return new Map(Object.entries(row ? (JSON.parse(row.value) as Record<string, string>) : {}));
}

/** The person's values as they may appear in free text: full name, e-mail, phone, IBAN (also as printed). */
function needlesOf(ctx: CoreContext, r: Row): string[] {
  const values = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v !== 'string') return;
    const t = v.trim();
    if (t.length >= MIN_NEEDLE) values.add(t);
  };
  for (const c of ['display_name', 'name', 'email', 'email2', 'phone', 'mobile', 'iban', 'kvk_number', 'website']) add(r[c]);
  if (typeof r['iban'] === 'string') add(formatIban(r['iban']));
  if (typeof r['email'] === 'string') add(r['email'].toLowerCase());
  for (const m of ctx.sqlite.prepare('SELECT iban FROM sepa_mandates WHERE relation_id = ?').all(r['id']) as { iban: string }[]) {
    add(m.iban);
    add(formatIban(m.iban));
  }
  // What she asked to change (a new e-mail, a new phone) is hers too, also where the form file holds it.
  for (const c of ctx.sqlite.prepare('SELECT submitted_email AS email, submitted_name AS name, changes FROM change_requests WHERE relation_id = ?').all(r['id']) as { email: string | null; name: string | null; changes: string }[]) {
    add(c.email);
    add(c.name);
    for (const f of JSON.parse(c.changes) as { submitted?: unknown }[]) add(f.submitted);
  }
  // Longest first, so "Jan de Vries" is replaced before a shorter value inside it.
  return [...values].sort((a, b) => b.length - a.length);
}

/** Also the name parts: only used on the relation's own kept rows, where they cannot be someone else's. */
function ownNeedlesOf(ctx: CoreContext, r: Row): string[] {
  const parts = ['first_name', 'last_name', 'name'].map((c) => r[c]).filter((v): v is string => typeof v === 'string' && v.trim().length >= 3);
  return [...new Set([...needlesOf(ctx, r), ...parts.map((p) => p.trim())])].sort((a, b) => b.length - a.length);
}

/**
 * Summaries of operations that name the relation (or a number merged into it) by id: row
 * images in them (a merge's undo data) lose the personal columns, other texts the person's values.
 */
function scrubSummaries(ctx: CoreContext, aliases: string[], scrub: (v: unknown) => unknown): void {
  const ids = new Set(aliases);
  // Row images use column names, History's summaries camelCase ({ id, number, displayName }).
  const personal = new Set([...PERSONAL_COLUMNS, ...PERSONAL_COLUMNS.map((c) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()))]);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Row;
      const own = typeof o['id'] === 'string' && ids.has(o['id']);
      const out: Row = {};
      for (const [k, x] of Object.entries(o)) out[k] = own && personal.has(k) && x !== null ? (k === 'last_name' || k === 'lastName' || k === 'name' || k === 'displayName' ? PSEUDONYM : null) : walk(x);
      return out;
    }
    return scrub(v);
  };
  for (const stored of ids) {
    const ops = ctx.sqlite.prepare('SELECT id, summary FROM operations WHERE instr(summary, ?) > 0').all(stored) as { id: string; summary: string }[];
    for (const op of ops) {
      const next = JSON.stringify(walk(JSON.parse(op.summary)));
      if (next !== op.summary) ctx.sqlite.prepare('UPDATE operations SET summary = ? WHERE id = ?').run(next, op.id);
    }
  }
}

/** Replaces the person's values in the text columns of one relation's rows of a table; returns how many rows it kept. */
function scrubOwnRows(ctx: CoreContext, table: string, where: string, id: string, scrub: (v: unknown) => unknown): number {
  const key = table === 'audit_log' ? 'id' : 'rowid';
  // audit_log keeps ids compact (db/audit-keys.ts); its blob ids are no text to scrub.
  const rows = ctx.sqlite.prepare(`SELECT t.${key} AS "__key", t.* FROM ${table} t WHERE ${where}`).all({ id: table === 'audit_log' ? idKey(id) : id }) as Row[];
  for (const row of rows) {
    const changed = Object.entries(row).filter(([k, v]) => k !== '__key' && typeof v === 'string' && scrub(v) !== v);
    if (!changed.length) continue;
    const set = changed.map(([k]) => `${k} = ?`).join(', ');
    ctx.sqlite.prepare(`UPDATE ${table} SET ${set} WHERE ${key} = ?`).run(...changed.map(([, v]) => scrub(v)), row['__key']);
  }
  return rows.length;
}

function scrubber(needles: string[]): (v: unknown) => unknown {
  if (needles.length === 0) return (v) => v;
  const lower = needles.map((n) => n.toLowerCase());
  const escaped = needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'gi');
  return (v) => {
    if (typeof v !== 'string') return v;
    const l = v.toLowerCase();
    if (!lower.some((n) => l.includes(n))) return v;
    return v.replace(pattern, ERASED);
  };
}

/** Text columns of every audited table except the relation's own ones (which are cleared by column). */
function textColumns(): { table: string; columns: string[] }[] {
  return AUDITED_TABLES.map(({ table }) => {
    const cfg = getTableConfig(table);
    return { table: cfg.name, columns: cfg.columns.filter((c) => c.getSQLType() === 'text' && c.name !== 'id' && !c.name.endsWith('_id')).map((c) => c.name) };
  }).filter((t) => t.columns.length && t.table !== 'relations' && t.table !== 'addresses');
}

function redactRowJson(json: string | null, table: string): string | null {
  if (json === null) return null;
  if (table !== 'relations') return '{}';
  const row = JSON.parse(json) as Row;
  for (const c of PERSONAL_COLUMNS) if (c in row && row[c] !== null) row[c] = c === 'last_name' || c === 'name' ? PSEUDONYM : null;
  return JSON.stringify(row);
}

/**
 * Anonymises relations (AVG art. 17) as one operation 'privacy.anonymise':
 * - personal data is removed: the relation keeps its number with the name "Geanonimiseerd";
 *   addresses, links, groups, subscriptions, memberships, custom values, tags, change
 *   requests, tasks and its own contact entries are deleted;
 * - financial records (invoices, payments, mandates) stay under the pseudonym for the fiscal
 *   retention period, with the person's values in their texts replaced;
 * - the audit log (History, and the undo that replays it) loses the person's values: rows of
 *   the relation by column, and its name/e-mail/phone/IBAN wherever else they appear, also in
 *   operation summaries, settings and stored files;
 * - the search index is merged (FTS optimize) so deleted tokens go, deleted bytes are zeroed
 *   (secure_delete) and the WAL is checkpointed and truncated, so the file holds no trace;
 * - the relation is added to the erasure list beside the file (reapplyErasures after a restore).
 */
export function anonymiseRelations(ctx: CoreContext, ids: string[], opts: AnonymiseOptions = {}): AnonymiseResult {
  const dryRun = opts.dryRun ?? false;
  const basis = administrationVersion(ctx.sqlite);
  const unique = [...new Set(ids)];
  const rows = unique.map((id) => {
    const r = ctx.sqlite.prepare('SELECT * FROM relations WHERE id = ?').get(id) as Row | undefined;
    if (!r) throw notFound('relation', id);
    return r;
  });
  const needles = [...new Set(rows.flatMap((r) => needlesOf(ctx, r)))].sort((a, b) => b.length - a.length);
  const scrub = scrubber(needles);
  // Her own kept records may also name her by first or last name alone ("Contributie Jansen").
  const ownScrub = new Map(rows.map((r) => [r['id'] as string, scrubber(ownNeedlesOf(ctx, r))]));
  // The same person under the ids of the doubles merged into her (their History is hers too).
  const aliases = new Map(unique.map((id) => [id, [id, ...(ctx.sqlite.prepare('SELECT old_relation_id AS id FROM relation_redirects WHERE relation_id = ?').all(id) as { id: string }[]).map((r) => r.id)]]));
  const allIds = [...aliases.values()].flat();
  const previous = ctx.sqlite.pragma('secure_delete', { simple: true }) as number;
  ctx.sqlite.pragma('secure_delete = ON');
  let result: AnonymiseResult;
  try {
    const summary = { count: unique.length, numbers: rows.map((r) => r['number']), ...(opts.reapplied ? { reapplied: true } : {}) };
    const written = writeOrPreview(ctx.write, dryRun, 'privacy.anonymise', summary, (op) => {
      if (opts.basis !== undefined) assertUnchangedSince(ctx.sqlite, opts.basis, op.id, 'ANONYMISE_PREVIEW_STALE');
      let deleted = 0;
      let kept = 0;
      const tables = relationTables();
      for (const id of unique) {
        // Contact entries only about this relation go; shared ones keep their text, scrubbed below.
        const ownEntries = ctx.sqlite
          .prepare(`SELECT entry_id AS id FROM contact_log_links l WHERE relation_id = ? AND NOT EXISTS (SELECT 1 FROM contact_log_links o WHERE o.entry_id = l.entry_id AND (o.relation_id IS NOT ? OR o.group_id IS NOT NULL))`)
          .all(id, id) as { id: string }[];
        const blobs = ctx.sqlite
          .prepare(`SELECT source_blob_id AS id FROM change_requests WHERE relation_id = ? AND source_blob_id IS NOT NULL
                    UNION SELECT blob_id FROM contact_log_attachments WHERE entry_id IN (SELECT value FROM json_each(?))`)
          .all(id, JSON.stringify(ownEntries.map((e) => e.id))) as { id: string }[];
        for (const { table, where } of [...tables].reverse()) {
          if (table === 'relations' || SHARED_TABLES.has(table)) continue;
          if (FINANCIAL_TABLES.has(table)) {
            kept += scrubOwnRows(ctx, table, where, id, ownScrub.get(id) as (v: unknown) => unknown);
            continue;
          }
          deleted += ctx.sqlite.prepare(`DELETE FROM ${table} AS t WHERE ${where}`).run({ id }).changes;
        }
        for (const e of ownEntries) deleted += ctx.sqlite.prepare('DELETE FROM contact_log WHERE id = ?').run(e.id).changes;
        // A stored file (a form) no record points at any more is removed with the records.
        for (const b of blobs) {
          const used = ctx.sqlite.prepare('SELECT 1 FROM change_requests WHERE source_blob_id = @id UNION ALL SELECT 1 FROM contact_log_attachments WHERE blob_id = @id').get({ id: b.id });
          if (!used) ctx.sqlite.prepare('DELETE FROM blobs WHERE id = ?').run(b.id);
        }
        const r = rows.find((x) => x['id'] === id) as Row;
        const person = r['kind'] === 'person';
        const names = derivedNames(r['kind'] as 'person' | 'organisation', { initials: null, firstName: null, infix: null, lastName: person ? PSEUDONYM : null, exactName: false, name: person ? null : PSEUDONYM, email: null });
        const set = PERSONAL_COLUMNS.map((c) => `${c} = @${c}`).join(', ');
        const values: Row = Object.fromEntries(PERSONAL_COLUMNS.map((c) => [c, null]));
        Object.assign(values, { last_name: person ? PSEUDONYM : null, name: person ? null : PSEUDONYM, display_name: names.displayName, sort_key: names.sortKey });
        ctx.sqlite.prepare(`UPDATE relations SET ${set}, exact_name = 0, updated_at = @now WHERE id = @id`).run({ ...values, now: ctx.now(), id });
      }
      // The person's values wherever else they were written (shared contact entries, meeting minutes, invoice texts).
      if (needles.length) {
        for (const { table, columns } of textColumns()) {
          const sets = columns.map((c) => `${c} = privacy_scrub(${c})`).join(', ');
          const hit = columns.map((c) => `privacy_hit(${c})`).join(' OR ');
          ctx.sqlite.prepare(`UPDATE ${table} SET ${sets} WHERE ${hit}`).run();
        }
      }
      op.changed('relations.changed', { ids: unique });
      // The list beside the file is not part of the transaction: a dry run leaves it alone.
      if (!dryRun) addToErasureList(ctx.file, rows.map((r): ErasureEntry => ({ relationId: r['id'] as string, number: r['number'] as number, anonymisedOn: ctx.today() })));
      const marks = anonymisedIds(ctx);
      for (const id of unique) if (!marks.has(id)) marks.set(id, ctx.today());
      ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ANONYMISED_KEY, JSON.stringify(Object.fromEntries(marks)));
      // What the overview stored across closing (db/derived-state.ts) holds her ages and memberships by id: computed again.
      dropDerivedState(ctx.sqlite);
      // Operation summaries that carry her rows (a merge keeps full row images for its undo).
      for (const id of unique) scrubSummaries(ctx, aliases.get(id) as string[], ownScrub.get(id) as (v: unknown) => unknown);
      // Last: this operation's own audit rows hold the old values too.
      let scrubbed = purgeAuditValues(ctx, allIds, needles, scrub);
      for (const id of unique) for (const alias of aliases.get(id) as string[]) scrubbed += scrubOwnRows(ctx, 'audit_log', 't.relation_id = @id', alias, ownScrub.get(id) as (v: unknown) => unknown);
      return { saved: !dryRun, basis, operationId: dryRun ? null : op.id, anonymised: rows.map((r) => ({ relationId: r['id'] as string, number: r['number'] as number })), keptFinancial: kept, deletedRecords: deleted, scrubbedAuditRows: scrubbed };
    });
    result = written.result;
    if (dryRun) return result;
    ctx.sqlite.exec(`INSERT INTO relations_fts (relations_fts) VALUES ('optimize')`);
  } finally {
    ctx.sqlite.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
  // Bytes freed before this operation (a double merged into her earlier, without secure_delete)
  // still sit in free space of pages it did not touch: VACUUM rewrites the whole file. Outside
  // any transaction; skipped when called inside one (the caller's restore step then vacuums).
  if (!ctx.sqlite.inTransaction && ctx.file !== ':memory:') ctx.sqlite.exec('VACUUM');
  // The old page versions live on in the WAL until a checkpoint copies the new ones over them.
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}

/**
 * Removes the person's values from History: the relation's own audit rows by column (the
 * relation's row images keep their shape with the personal fields cleared; its other
 * records' images are emptied), and its identifying values from every other row, operation
 * summary, setting and stored file. Bookkeeping tables, so no operation of their own.
 */
function purgeAuditValues(ctx: CoreContext, ids: string[], needles: string[], scrub: (v: unknown) => unknown): number {
  let n = 0;
  const personal = new Set(PERSONAL_COLUMNS);
  const update = ctx.sqlite.prepare('UPDATE audit_log SET old_value = ?, new_value = ? WHERE id = ?');
  {
    for (const id of ids) {
      const rows = ctx.sqlite.prepare('SELECT id, table_name AS t, action, field, old_value AS o, new_value AS nv FROM audit_log WHERE relation_id = ?').all(idKey(id)) as { id: number; t: string; action: string; field: string | null; o: string | null; nv: string | null }[];
      for (const r of rows) {
        if (FINANCIAL_TABLES.has(r.t)) continue; // kept, scrubbed by value below
        if (r.action === 'update') {
          if (r.t !== 'relations' || personal.has(r.field ?? '')) {
            update.run(r.o === null ? null : ERASED, r.nv === null ? null : ERASED, r.id);
            n++;
          }
        } else {
          update.run(redactRowJson(r.o, r.t), redactRowJson(r.nv, r.t), r.id);
          n++;
        }
      }
      // The relation's own rows of the other end of a link (recorded under the other relation) are about it too.
      n += ctx.sqlite
        .prepare(`UPDATE audit_log SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '{}' END, new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '{}' END
                   WHERE table_code IN (${tableCodeSql('relation_links')}, ${tableCodeSql('duplicate_dismissals')}) AND (instr(coalesce(old_value, new_value), ?) > 0)`)
        .run(id).changes;
    }
    if (needles.length) {
      n += ctx.sqlite.prepare('UPDATE audit_log SET old_value = privacy_scrub(old_value), new_value = privacy_scrub(new_value) WHERE privacy_hit(old_value) OR privacy_hit(new_value)').run().changes;
      ctx.sqlite.prepare('UPDATE operations SET summary = privacy_scrub(summary) WHERE privacy_hit(summary)').run();
      ctx.sqlite.prepare('UPDATE settings SET value = privacy_scrub(value) WHERE privacy_hit(value)').run();
      const blobs = ctx.sqlite.prepare('SELECT id, content FROM blobs').all() as { id: string; content: Buffer }[];
      for (const b of blobs) {
        const text = b.content.toString('latin1');
        const scrubbed = scrub(text) as string;
        // Byte-wise (latin1 keeps every byte). Blobs are addressed by their SHA-256 (a JSON
        // import checks it), so the scrubbed file gets its new hash and the records follow.
        if (scrubbed === text) continue;
        const newId = putBlob(ctx, Buffer.from(scrubbed, 'latin1'));
        for (const [table, column] of BLOB_REFERENCES) ctx.sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(newId, b.id);
        if (newId !== b.id) ctx.sqlite.prepare('DELETE FROM blobs WHERE id = ?').run(b.id);
      }
    }
  }
  return n;
}

/** Registers the scrub functions the anonymiser's SQL calls, for this call's values. */
export function withScrubFunctions<T>(ctx: CoreContext, needles: string[], fn: () => T): T {
  const scrub = scrubber(needles);
  const lower = needles.map((n) => n.toLowerCase());
  ctx.sqlite.function('privacy_scrub', { deterministic: true }, (v: unknown) => scrub(v) as string | null);
  ctx.sqlite.function('privacy_hit', { deterministic: true }, (v: unknown) => (typeof v === 'string' && lower.some((n) => v.toLowerCase().includes(n)) ? 1 : 0));
  return fn();
}

/**
 * Applies the erasure list kept beside the administration again: after a restore of an older
 * backup, every relation anonymised since is anonymised again (one operation). Call it after
 * any restore. Returns the relations it anonymised (none when the file is up to date).
 */
export function reapplyErasures(ctx: CoreContext): AnonymiseResult | null {
  const list = readErasureList(ctx.file);
  if (!list.length) return null;
  const done = anonymisedIds(ctx);
  const exists = ctx.sqlite.prepare('SELECT 1 FROM relations WHERE id = ?');
  const todo = list.filter((e) => !done.has(e.relationId) && exists.get(e.relationId)).map((e) => e.relationId);
  if (!todo.length) return null;
  return anonymise(ctx, todo, { reapplied: true });
}

/** The entry point: anonymises with the scrub functions registered for these relations' values. */
export function anonymise(ctx: CoreContext, ids: string[], opts: AnonymiseOptions = {}): AnonymiseResult {
  const needles = [
    ...new Set(
      ids.flatMap((id) => {
        const r = ctx.sqlite.prepare('SELECT * FROM relations WHERE id = ?').get(id) as Row | undefined;
        if (!r) throw notFound('relation', id);
        return needlesOf(ctx, r);
      }),
    ),
  ];
  return withScrubFunctions(ctx, needles, () => anonymiseRelations(ctx, ids, opts));
}
