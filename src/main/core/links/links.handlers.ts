import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { linksContract } from '../../../shared/contract';
import { notFound } from '../../../shared/errors';
import { createLinkType, deleteLink, insertLink, linksOf, listLinkTypes, updateLink } from './links.repo';
import { relationLinks } from '../db/schema';
import { eq } from 'drizzle-orm';

export function linksHandlers(ctx: CoreContext): HandlerGroup<keyof typeof linksContract> {
  const linkRow = (id: string) => {
    const row = ctx.db.select().from(relationLinks).where(eq(relationLinks.id, id)).get();
    if (!row) throw notFound('link', id);
    return row;
  };
  return {
    'linkTypes.list': () => ({ rows: listLinkTypes(ctx) }),
    'linkTypes.create': (input) => ctx.write('linkTypes.create', { code: input.code }, () => createLinkType(ctx, input)),
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
