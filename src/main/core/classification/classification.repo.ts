import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { customFields, customValues, relationTags, relationTypeAssignments, relationTypes, tags } from '../db/schema';
import { DomainError, notFound, type FieldIssue } from '../../../shared/errors';
import type { CustomFieldDto, RelationTypeDto, TagDto } from '../../../shared/contract';
import { isIsoDate } from '../../../shared/dutch/dates';
import { getRelationRow } from '../relations/relations.repo';

type Scope = 'person' | 'organisation' | 'both';

function codeTaken(field: string): DomainError {
  return new DomainError('VALIDATION_FAILED', undefined, [{ field, code: 'CODE_TAKEN' }]);
}

// ── relation types ─────────────────────────────────────────────────────────
export function listRelationTypes(ctx: CoreContext): RelationTypeDto[] {
  const today = ctx.today();
  return ctx.sqlite
    .prepare(
      `SELECT t.id, t.code, t.name, t.applies_to AS appliesTo,
              (SELECT count(*) FROM relation_type_assignments a JOIN relations r ON r.id = a.relation_id
                WHERE a.type_id = t.id AND r.deleted_at IS NULL
                  AND (a.valid_from IS NULL OR a.valid_from <= @today) AND (a.valid_to IS NULL OR a.valid_to > @today)) AS count
         FROM relation_types t ORDER BY t.position, t.name`,
    )
    .all({ today }) as RelationTypeDto[];
}

export function getRelationType(ctx: CoreContext, id: string) {
  const t = ctx.db.select().from(relationTypes).where(eq(relationTypes.id, id)).get();
  if (!t) throw notFound('relationType', id);
  return t;
}

export function relationTypeByCode(ctx: CoreContext, code: string) {
  return ctx.db.select().from(relationTypes).where(eq(relationTypes.code, code)).get() ?? null;
}

export function createRelationType(ctx: CoreContext, input: { code: string; name: string; appliesTo: Scope }): string {
  if (relationTypeByCode(ctx, input.code)) throw codeTaken('code');
  const id = ctx.newId();
  const position = (ctx.sqlite.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM relation_types').get() as { p: number }).p;
  ctx.db.insert(relationTypes).values({ id, ...input, position, createdAt: ctx.now() }).run();
  return id;
}

export function updateRelationType(ctx: CoreContext, id: string, input: { name: string; appliesTo: Scope }): void {
  getRelationType(ctx, id);
  ctx.db.update(relationTypes).set(input).where(eq(relationTypes.id, id)).run();
}

export function deleteRelationType(ctx: CoreContext, id: string): void {
  getRelationType(ctx, id);
  const used = ctx.db.select({ n: sql<number>`count(*)` }).from(relationTypeAssignments).where(eq(relationTypeAssignments.typeId, id)).get();
  if ((used?.n ?? 0) > 0) throw new DomainError('CONFLICT', { reason: 'RELATION_TYPE_IN_USE', count: used?.n ?? 0 });
  ctx.db.delete(relationTypes).where(eq(relationTypes.id, id)).run();
}

export function assignType(
  ctx: CoreContext,
  input: { relationId: string; typeId: string; validFrom: string | null; validTo: string | null },
): string {
  const relation = getRelationRow(ctx, input.relationId);
  const type = getRelationType(ctx, input.typeId);
  if (type.appliesTo !== 'both' && type.appliesTo !== relation.kind) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'typeId', code: 'TYPE_KIND_MISMATCH' }]);
  }
  if (input.validFrom && input.validTo && input.validTo <= input.validFrom) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'validTo', code: 'PERIOD_END_BEFORE_START' }]);
  }
  const id = ctx.newId();
  ctx.db.insert(relationTypeAssignments).values({ id, ...input, createdAt: ctx.now() }).run();
  return id;
}

export function endTypeAssignment(ctx: CoreContext, assignmentId: string, validTo: string | null): void {
  const a = ctx.db.select().from(relationTypeAssignments).where(eq(relationTypeAssignments.id, assignmentId)).get();
  if (!a) throw notFound('relationTypeAssignment', assignmentId);
  if (validTo && a.validFrom && validTo <= a.validFrom) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'validTo', code: 'PERIOD_END_BEFORE_START' }]);
  }
  ctx.db.update(relationTypeAssignments).set({ validTo }).where(eq(relationTypeAssignments.id, assignmentId)).run();
}

export function removeTypeAssignment(ctx: CoreContext, assignmentId: string): void {
  if (ctx.db.delete(relationTypeAssignments).where(eq(relationTypeAssignments.id, assignmentId)).run().changes === 0) {
    throw notFound('relationTypeAssignment', assignmentId);
  }
}

export function typeAssignmentsOf(ctx: CoreContext, relationId: string) {
  return ctx.db
    .select({
      id: relationTypeAssignments.id,
      typeId: relationTypes.id,
      code: relationTypes.code,
      name: relationTypes.name,
      validFrom: relationTypeAssignments.validFrom,
      validTo: relationTypeAssignments.validTo,
    })
    .from(relationTypeAssignments)
    .innerJoin(relationTypes, eq(relationTypes.id, relationTypeAssignments.typeId))
    .where(eq(relationTypeAssignments.relationId, relationId))
    .orderBy(asc(relationTypes.position), asc(relationTypeAssignments.validFrom))
    .all();
}

// ── tags (a tree) ──────────────────────────────────────────────────────────
export function listTags(ctx: CoreContext): TagDto[] {
  return ctx.sqlite
    .prepare(
      `SELECT t.id, t.parent_id AS parentId, t.name, t.position,
              (SELECT count(*) FROM relation_tags rt WHERE rt.tag_id = t.id) AS count
         FROM tags t ORDER BY t.position, t.name`,
    )
    .all() as TagDto[];
}

function getTag(ctx: CoreContext, id: string) {
  const t = ctx.db.select().from(tags).where(eq(tags.id, id)).get();
  if (!t) throw notFound('tag', id);
  return t;
}

/** Refuses a parent that is the tag itself or one of its descendants: the tree must stay a tree. */
function assertParentAllowed(ctx: CoreContext, tagId: string | null, parentId: string | null): void {
  if (!parentId) return;
  getTag(ctx, parentId);
  if (!tagId) return;
  const cycle = ctx.sqlite
    .prepare(
      `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT t.parent_id FROM tags t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL)
       SELECT 1 FROM up WHERE id = ?`,
    )
    .get(parentId, tagId);
  if (cycle) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'parentId', code: 'TAG_CYCLE' }]);
}

export function createTag(ctx: CoreContext, input: { name: string; parentId: string | null }): TagDto {
  assertParentAllowed(ctx, null, input.parentId);
  const id = ctx.newId();
  const position = (ctx.sqlite.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM tags').get() as { p: number }).p;
  ctx.db.insert(tags).values({ id, ...input, position, createdAt: ctx.now() }).run();
  return { id, ...input, position, count: 0 };
}

export function updateTag(ctx: CoreContext, id: string, input: { name: string; parentId: string | null }): TagDto {
  const t = getTag(ctx, id);
  assertParentAllowed(ctx, id, input.parentId);
  ctx.db.update(tags).set(input).where(eq(tags.id, id)).run();
  return { id, ...input, position: t.position, count: 0 };
}

export function deleteTag(ctx: CoreContext, id: string): void {
  getTag(ctx, id);
  const child = ctx.db.select({ id: tags.id }).from(tags).where(eq(tags.parentId, id)).get();
  if (child) throw new DomainError('CONFLICT', { reason: 'TAG_HAS_CHILDREN' });
  ctx.db.delete(tags).where(eq(tags.id, id)).run();
}

/** Makes the relation's tags exactly `tagIds`: only the difference is written (and audited). */
export function setRelationTags(ctx: CoreContext, relationId: string, tagIds: string[]): string[] {
  getRelationRow(ctx, relationId);
  const wanted = [...new Set(tagIds)];
  if (wanted.length) {
    const known = new Set(ctx.db.select({ id: tags.id }).from(tags).where(inArray(tags.id, wanted)).all().map((t) => t.id));
    const missing = wanted.find((t) => !known.has(t));
    if (missing) throw notFound('tag', missing);
  }
  const current = ctx.db.select().from(relationTags).where(eq(relationTags.relationId, relationId)).all();
  for (const rt of current) {
    if (!wanted.includes(rt.tagId)) ctx.db.delete(relationTags).where(eq(relationTags.id, rt.id)).run();
  }
  const have = new Set(current.map((rt) => rt.tagId));
  for (const tagId of wanted) {
    if (!have.has(tagId)) ctx.db.insert(relationTags).values({ id: ctx.newId(), relationId, tagId, createdAt: ctx.now() }).run();
  }
  return wanted;
}

export function tagIdsOf(ctx: CoreContext, relationId: string): string[] {
  return ctx.db.select({ tagId: relationTags.tagId }).from(relationTags).where(eq(relationTags.relationId, relationId)).all().map((r) => r.tagId);
}

// ── custom fields ──────────────────────────────────────────────────────────
function toFieldDto(f: typeof customFields.$inferSelect): CustomFieldDto {
  return { id: f.id, code: f.code, label: f.label, appliesTo: f.appliesTo, dataType: f.dataType, options: f.options ? (JSON.parse(f.options) as string[]) : [], position: f.position };
}

export function listCustomFields(ctx: CoreContext): CustomFieldDto[] {
  return ctx.db.select().from(customFields).orderBy(asc(customFields.position), asc(customFields.label)).all().map(toFieldDto);
}

export function createCustomField(ctx: CoreContext, input: Omit<CustomFieldDto, 'id' | 'position'>): CustomFieldDto {
  if (ctx.db.select().from(customFields).where(eq(customFields.code, input.code)).get()) throw codeTaken('code');
  if (input.dataType === 'choice' && input.options.length === 0) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'options', code: 'CHOICE_NEEDS_OPTIONS' }]);
  }
  const id = ctx.newId();
  const position = (ctx.sqlite.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM custom_fields').get() as { p: number }).p;
  const row = { id, ...input, options: input.options.length ? JSON.stringify(input.options) : null, position, createdAt: ctx.now() };
  ctx.db.insert(customFields).values(row).run();
  return toFieldDto(row);
}

export function deleteCustomField(ctx: CoreContext, id: string): void {
  if (ctx.db.delete(customFields).where(eq(customFields.id, id)).run().changes === 0) throw notFound('customField', id);
}

/** The canonical stored text of a custom value, or an issue naming the field. */
export function canonicalCustomValue(field: CustomFieldDto, raw: string | number | boolean): { value: string } | { issue: FieldIssue } {
  const fail = (code: string) => ({ issue: { field: `values.${field.code}`, code } });
  switch (field.dataType) {
    case 'text':
      return { value: String(raw) };
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).replace(',', '.'));
      return Number.isFinite(n) ? { value: String(n) } : fail('NUMBER_INVALID');
    }
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw) ? { value: raw } : fail('DATE_INVALID');
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: String(raw) };
      const s = String(raw).toLowerCase();
      if (['true', 'ja', '1'].includes(s)) return { value: 'true' };
      if (['false', 'nee', '0'].includes(s)) return { value: 'false' };
      return fail('BOOLEAN_INVALID');
    }
    case 'choice':
      return field.options.includes(String(raw)) ? { value: String(raw) } : fail('CHOICE_INVALID');
  }
}

export function setCustomValues(ctx: CoreContext, relationId: string, values: Record<string, string | number | boolean | null>): void {
  const relation = getRelationRow(ctx, relationId);
  const fields = new Map(listCustomFields(ctx).map((f) => [f.code, f]));
  const issues: FieldIssue[] = [];
  const writes: { field: CustomFieldDto; value: string | null }[] = [];
  for (const [code, raw] of Object.entries(values)) {
    const field = fields.get(code);
    if (!field) {
      issues.push({ field: `values.${code}`, code: 'CUSTOM_FIELD_UNKNOWN' });
      continue;
    }
    if (field.appliesTo !== 'both' && field.appliesTo !== relation.kind) {
      issues.push({ field: `values.${code}`, code: 'CUSTOM_FIELD_KIND_MISMATCH' });
      continue;
    }
    if (raw === null || raw === '') {
      writes.push({ field, value: null });
      continue;
    }
    const r = canonicalCustomValue(field, raw);
    if ('issue' in r) issues.push(r.issue);
    else writes.push({ field, value: r.value });
  }
  if (issues.length) throw new DomainError('VALIDATION_FAILED', undefined, issues);
  for (const { field, value } of writes) {
    const existing = ctx.db
      .select()
      .from(customValues)
      .where(and(eq(customValues.relationId, relationId), eq(customValues.fieldId, field.id)))
      .get();
    if (value === null) {
      if (existing) ctx.db.delete(customValues).where(eq(customValues.id, existing.id)).run();
    } else if (!existing) {
      ctx.db.insert(customValues).values({ id: ctx.newId(), relationId, fieldId: field.id, value }).run();
    } else if (existing.value !== value) {
      ctx.db.update(customValues).set({ value }).where(eq(customValues.id, existing.id)).run();
    }
  }
}

export function customValuesOf(ctx: CoreContext, relationId: string) {
  return ctx.db
    .select({ fieldId: customFields.id, code: customFields.code, label: customFields.label, value: customValues.value })
    .from(customValues)
    .innerJoin(customFields, eq(customFields.id, customValues.fieldId))
    .where(eq(customValues.relationId, relationId))
    .orderBy(asc(customFields.position))
    .all();
}
