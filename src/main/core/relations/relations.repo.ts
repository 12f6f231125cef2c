import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { relations } from '../db/schema';
import { notFound, DomainError } from '../../../shared/errors';
import { relationDateIssues, type RelationFields, type RelationKind, type RelationSummary } from '../../../shared/contract';
import { derivedNames } from './relation-names';
import { loadSummaries } from './relation-summaries';
import { isPublicMailDomain } from './public-mail-domains';
import { statement } from '../db/statement-cache';
import { countRow, idRow, rowMapper } from '../db/row-mapper';

function domainOf(email: string | null): string | null {
  const domain = email?.split('@')[1] ?? null;
  return domain && !isPublicMailDomain(domain) ? domain : null;
}

export type RelationRow = typeof relations.$inferSelect;

export function getRelationRow(ctx: CoreContext, id: string): RelationRow {
  const row = ctx.db.select().from(relations).where(eq(relations.id, id)).get();
  if (!row) throw notFound('relation', id);
  return row;
}

/** The stored columns for a kind: fields of the other kind are cleared, so a row is never half one, half the other. */
export function columnsFor(kind: RelationKind, f: RelationFields) {
  const person = kind === 'person';
  const names = derivedNames(kind, { ...f, exactName: f.exactName });
  return {
    initials: person ? f.initials : null,
    firstName: person ? f.firstName : null,
    infix: person ? (f.exactName ? f.infix : (f.infix?.toLowerCase() ?? null)) : null,
    lastName: person ? f.lastName : null,
    exactName: person ? f.exactName : false,
    gender: person ? f.gender : null,
    addressForm: person ? f.addressForm : null,
    birthDate: person ? f.birthDate : null,
    deathDate: person ? f.deathDate : null,
    name: person ? null : f.name,
    legalForm: person ? null : f.legalForm,
    kvkNumber: person ? null : f.kvkNumber,
    emailDomain: person ? null : (f.emailDomain ?? domainOf(f.email)),
    email: f.email,
    email2: f.email2,
    phone: f.phone,
    mobile: f.mobile,
    website: f.website,
    socialLinks: f.socialLinks.length ? JSON.stringify(f.socialLinks) : null,
    iban: f.iban,
    bic: f.bic,
    notes: f.notes,
    displayName: names.displayName,
    sortKey: names.sortKey,
  };
}

/** What the schema cannot check alone: a name (or e-mail) to know the relation by, and no birth or death after today. */
export function assertStorable(ctx: CoreContext, kind: RelationKind, f: RelationFields): void {
  const issues = kind === 'person' ? relationDateIssues(f, ctx.today(), 'fields.') : [];
  const identifiable = kind === 'person' ? Boolean(f.email || f.firstName || f.lastName) : Boolean(f.name);
  if (!identifiable) {
    issues.push({ field: kind === 'person' ? 'lastName' : 'name', code: kind === 'person' ? 'PERSON_NEEDS_NAME_OR_EMAIL' : 'ORGANISATION_NEEDS_NAME' });
  }
  if (issues.length) throw new DomainError('VALIDATION_FAILED', undefined, issues);
}

export function nextRelationNumber(ctx: CoreContext): number {
  // A merged-away relation's number stays taken: it redirects to the survivor.
  const row = countRow.one(
    ctx.sqlite.prepare('SELECT max(coalesce((SELECT max(number) FROM relations), 0), coalesce((SELECT max(old_number) FROM relation_redirects), 0)) + 1 AS n').get(),
  );
  return row.n;
}

export function assertNumberFree(ctx: CoreContext, number: number, exceptId?: string): void {
  const taken = idRow.maybe(
    ctx.sqlite.prepare('SELECT id FROM relations WHERE number = @n UNION ALL SELECT relation_id AS id FROM relation_redirects WHERE old_number = @n').get({ n: number }),
  );
  if (taken && taken.id !== exceptId) {
    throw new DomainError('VALIDATION_FAILED', { number }, [{ field: 'number', code: 'NUMBER_TAKEN', details: { number } }]);
  }
}

export function insertRelation(
  ctx: CoreContext,
  input: { id?: string; kind: RelationKind; number?: number | undefined; fields: RelationFields },
): { id: string; number: number } {
  assertStorable(ctx, input.kind, input.fields);
  const number = input.number ?? nextRelationNumber(ctx);
  assertNumberFree(ctx, number);
  const id = input.id ?? ctx.newId();
  const now = ctx.now();
  ctx.db
    .insert(relations)
    .values({ id, kind: input.kind, number, ...columnsFor(input.kind, input.fields), createdAt: now, updatedAt: now })
    .run();
  return { id, number };
}

export function updateRelation(ctx: CoreContext, id: string, fields: RelationFields): void {
  const row = getRelationRow(ctx, id);
  assertStorable(ctx, row.kind, fields);
  ctx.db
    .update(relations)
    .set({ ...columnsFor(row.kind, fields), updatedAt: ctx.now() })
    .where(eq(relations.id, id))
    .run();
}

export function setDeleted(ctx: CoreContext, id: string, deleted: boolean): void {
  const row = getRelationRow(ctx, id);
  if (deleted === (row.deletedAt !== null)) return;
  ctx.db
    .update(relations)
    .set({ deletedAt: deleted ? ctx.now() : null, updatedAt: ctx.now() })
    .where(eq(relations.id, id))
    .run();
}

/** Permanently removes relations from the trash; children go with them by cascade (and are audited). */
export function purgeDeleted(ctx: CoreContext, ids?: string[]): number {
  const where = ids ? and(isNotNull(relations.deletedAt), sql`${relations.id} IN ${ids}`) : isNotNull(relations.deletedAt);
  if (ids && ids.length === 0) return 0;
  return ctx.db.delete(relations).where(where).run().changes;
}

export interface ListOptions {
  offset: number;
  limit: number;
  sort: 'name' | 'number' | 'updated';
  descending: boolean;
  kind?: RelationKind | undefined;
  typeCode?: string | undefined;
  trash: boolean;
}

/**
 * One page of the sorted list. The ids come from a covering index (cheap even at a deep
 * offset); the summaries are then loaded for just that page.
 */
export function listRelations(ctx: CoreContext, o: ListOptions): { total: number; rows: RelationSummary[] } {
  const where: string[] = [o.trash ? 'r.deleted_at IS NOT NULL' : 'r.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (o.kind) {
    where.push('r.kind = ?');
    params.push(o.kind);
  }
  if (o.typeCode) {
    const today = ctx.today();
    where.push(`EXISTS (SELECT 1 FROM relation_type_assignments a JOIN relation_types t ON t.id = a.type_id
                 WHERE a.relation_id = r.id AND t.code = ?
                   AND (a.valid_from IS NULL OR a.valid_from <= ?) AND (a.valid_to IS NULL OR a.valid_to > ?))`);
    params.push(o.typeCode, today, today);
  }
  const dir = o.descending ? 'DESC' : 'ASC';
  const order = o.trash
    ? 'r.deleted_at DESC, r.id'
    : o.sort === 'number'
      ? `r.number ${dir}`
      : o.sort === 'updated'
        ? `r.updated_at ${dir}, r.id ${dir}`
        : `r.sort_key ${dir}, r.id ${dir}`;
  const whereSql = where.join(' AND ');
  const total = cachedCount(ctx, whereSql, params);
  const ids = idRow.all(statement(ctx.sqlite, `SELECT r.id FROM relations r WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, o.limit, o.offset));
  return { total, rows: loadSummaries(ctx, ids.map((r) => r.id)) };
}

/*
 * Paging through a list asks for the same total again and again, and at 100,000 relations
 * count(*) is about half the cost of a page. A total is reused while the database is
 * unchanged: total_changes() moves with every write of this connection (a rolled-back one
 * too, which only costs a recount), data_version with every commit of another process.
 */
const versionRow = rowMapper('data version', { c: 'int', d: 'int' });
const countCache = new WeakMap<CoreContext, Map<string, { version: string; total: number }>>();

function cachedCount(ctx: CoreContext, whereSql: string, params: unknown[]): number {
  const v = versionRow.one(statement(ctx.sqlite, 'SELECT total_changes() AS c, data_version AS d FROM pragma_data_version').get());
  const version = `${v.c}/${v.d}`;
  let cache = countCache.get(ctx);
  if (!cache) countCache.set(ctx, (cache = new Map()));
  const key = `${whereSql}|${JSON.stringify(params)}`;
  const hit = cache.get(key);
  if (hit?.version === version) return hit.total;
  const total = countRow.one(statement(ctx.sqlite, `SELECT count(*) AS n FROM relations r WHERE ${whereSql}`).get(...params)).n;
  if (cache.size >= 32) cache.clear();
  cache.set(key, { version, total });
  return total;
}

export function countRelations(ctx: CoreContext): number {
  return (ctx.db.select({ n: sql<number>`count(*)` }).from(relations).where(isNull(relations.deletedAt)).get()?.n ?? 0);
}
