import { asc, eq, inArray, or } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { linkTypes, relationLinks, relations } from '../db/schema';
import { DomainError, notFound } from '../../../shared/errors';
import type { LinkTypeDto, RelationLinkDto } from '../../../shared/contract';
import { getRelationRow } from '../relations/relations.repo';

type LinkFields = { function: string | null; validFrom: string | null; validTo: string | null; notes: string | null };

export function listLinkTypes(ctx: CoreContext): LinkTypeDto[] {
  return ctx.db
    .select()
    .from(linkTypes)
    .orderBy(asc(linkTypes.position), asc(linkTypes.name))
    .all()
    .map(({ id, code, name, reverseName, fromKind, toKind, symmetric }) => ({ id, code, name, reverseName, fromKind, toKind, symmetric }));
}

export function getLinkType(ctx: CoreContext, id: string) {
  const t = ctx.db.select().from(linkTypes).where(eq(linkTypes.id, id)).get();
  if (!t) throw notFound('linkType', id);
  return t;
}

export function createLinkType(ctx: CoreContext, input: Omit<LinkTypeDto, 'id'>): LinkTypeDto {
  if (ctx.db.select().from(linkTypes).where(eq(linkTypes.code, input.code)).get()) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'code', code: 'CODE_TAKEN' }]);
  }
  const id = ctx.newId();
  ctx.db.insert(linkTypes).values({ id, ...input, createdAt: ctx.now() }).run();
  return { id, ...input };
}

function kindFits(scope: 'person' | 'organisation' | 'both', kind: 'person' | 'organisation'): boolean {
  return scope === 'both' || scope === kind;
}

export function insertLink(
  ctx: CoreContext,
  input: { linkTypeId: string; fromRelationId: string; toRelationId: string; link: LinkFields },
): string {
  if (input.fromRelationId === input.toRelationId) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'toRelationId', code: 'LINK_TO_SELF' }]);
  }
  const type = getLinkType(ctx, input.linkTypeId);
  const from = getRelationRow(ctx, input.fromRelationId);
  const to = getRelationRow(ctx, input.toRelationId);
  if (!kindFits(type.fromKind, from.kind) || !kindFits(type.toKind, to.kind)) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'linkTypeId', code: 'LINK_KIND_MISMATCH' }]);
  }
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db
    .insert(relationLinks)
    .values({ id, linkTypeId: type.id, fromRelationId: from.id, toRelationId: to.id, ...input.link, createdAt: now, updatedAt: now })
    .run();
  return id;
}

export function updateLink(ctx: CoreContext, id: string, link: LinkFields): void {
  const changed = ctx.db.update(relationLinks).set({ ...link, updatedAt: ctx.now() }).where(eq(relationLinks.id, id)).run();
  if (changed.changes === 0) throw notFound('link', id);
}

export function deleteLink(ctx: CoreContext, id: string): void {
  if (ctx.db.delete(relationLinks).where(eq(relationLinks.id, id)).run().changes === 0) throw notFound('link', id);
}

/** Links seen from one relation, both directions, labelled from its side. */
export function linksOf(ctx: CoreContext, relationId: string): RelationLinkDto[] {
  const rows = ctx.db
    .select({ link: relationLinks, type: linkTypes })
    .from(relationLinks)
    .innerJoin(linkTypes, eq(linkTypes.id, relationLinks.linkTypeId))
    .where(or(eq(relationLinks.fromRelationId, relationId), eq(relationLinks.toRelationId, relationId)))
    .all();
  const otherIds = rows.map(({ link }) => (link.fromRelationId === relationId ? link.toRelationId : link.fromRelationId));
  const others = new Map(
    otherIds.length
      ? ctx.db
          .select({ id: relations.id, displayName: relations.displayName, number: relations.number })
          .from(relations)
          .where(inArray(relations.id, otherIds))
          .all()
          .map((r) => [r.id, r] as const)
      : [],
  );
  return rows
    .map(({ link, type }) => {
      const direction = link.fromRelationId === relationId ? ('from' as const) : ('to' as const);
      const otherId = direction === 'from' ? link.toRelationId : link.fromRelationId;
      const other = others.get(otherId);
      return {
        id: link.id,
        linkTypeId: type.id,
        linkTypeCode: type.code,
        label: direction === 'from' || type.symmetric ? type.name : type.reverseName,
        direction,
        otherRelationId: otherId,
        otherDisplayName: other?.displayName ?? '',
        otherNumber: other?.number ?? 0,
        function: link.function,
        validFrom: link.validFrom,
        validTo: link.validTo,
        notes: link.notes,
      };
    })
    .sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? '') || a.label.localeCompare(b.label));
}
