import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { linksContract } from '../../../shared/contract';
import { DomainError, notFound } from '../../../shared/errors';
import { createLinkType, deleteLink, getLinkType, insertLink, linksOf, listLinkTypes, updateLink } from './links.repo';
import { linkTypes, relationLinks } from '../db/schema';
import { eq } from 'drizzle-orm';

export function linksHandlers(ctx: CoreContext): HandlerGroup<keyof typeof linksContract> {
  const linkRow = (id: string) => {
    const row = ctx.db.select().from(relationLinks).where(eq(relationLinks.id, id)).get();
    if (!row) throw notFound('link', id);
    return row;
  };
  return {
    'linkTypes.list': () => ({ rows: listLinkTypes(ctx) }),
    'linkTypes.create': (input) =>
      ctx.write('linkTypes.create', { code: input.code }, (op) => {
        const dto = createLinkType(ctx, input);
        op.changed('linkTypes.changed', { ids: [dto.id] });
        return dto;
      }),
    'linkTypes.update': ({ id, ...fields }) =>
      ctx.write('linkTypes.update', { id }, (op) => {
        const before = getLinkType(ctx, id);
        ctx.db.update(linkTypes).set(fields).where(eq(linkTypes.id, id)).run();
        op.changed('linkTypes.changed', { ids: [id] });
        return { id, code: before.code, ...fields };
      }),
    'linkTypes.delete': ({ id }) =>
      ctx.write('linkTypes.delete', { id }, (op) => {
        getLinkType(ctx, id);
        const used = ctx.sqlite.prepare('SELECT count(*) AS n FROM relation_links WHERE link_type_id = ?').get(id) as { n: number };
        if (used.n > 0) throw new DomainError('CONFLICT', { reason: 'LINK_TYPE_IN_USE', count: used.n });
        ctx.db.delete(linkTypes).where(eq(linkTypes.id, id)).run();
        op.changed('linkTypes.changed', { ids: [id] });
        return { id };
      }),
    'links.add': (input) =>
      ctx.write('links.add', { from: input.fromRelationId, to: input.toRelationId }, (op) => {
        const id = insertLink(ctx, input);
        op.changed('relations.changed', { ids: [input.fromRelationId, input.toRelationId] });
        const dto = linksOf(ctx, input.fromRelationId).find((l) => l.id === id);
        if (!dto) throw notFound('link', id);
        return dto;
      }),
    'links.update': ({ id, link }) =>
      ctx.write('links.update', { id }, (op) => {
        const row = linkRow(id);
        updateLink(ctx, id, link);
        op.changed('relations.changed', { ids: [row.fromRelationId, row.toRelationId] });
        return { id };
      }),
    'links.remove': ({ id }) =>
      ctx.write('links.remove', { id }, (op) => {
        const row = linkRow(id);
        deleteLink(ctx, id);
        op.changed('relations.changed', { ids: [row.fromRelationId, row.toRelationId] });
        return { id };
      }),
  };
}
