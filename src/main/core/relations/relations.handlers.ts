import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { relationsContract } from '../../../shared/contract';
import { relationTypeByCode, assignType } from '../classification/classification.repo';
import { insertAddress } from '../addresses/addresses.repo';
import { DomainError } from '../../../shared/errors';
import {
  assertNumberFree,

  getRelationRow,
  insertRelation,
  listRelations,
  purgeDeleted,
  setDeleted,
} from './relations.repo';
import { patchRelation } from './relation-patch';
import { relationDetail } from './relation-detail';
import { searchRelations } from './relation-search';
import { organisationsForEmail } from './similar-relations';
import { findSimilarRelations } from '../dedupe/quick-entry';
import { relations } from '../db/schema';
import { resolveRelation } from '../dedupe/dedupe-store';
import { eq } from 'drizzle-orm';

export function relationsHandlers(ctx: CoreContext): HandlerGroup<keyof typeof relationsContract> {
  return {
    'relations.search': ({ query, limit }) => searchRelations(ctx, query, limit),
    'relations.list': (input) => listRelations(ctx, input),
    // An old link to a merged-away relation opens the survivor.
    'relations.get': ({ id }) => relationDetail(ctx, resolveRelation(ctx, { id })?.id ?? id),
    'relations.create': (input) =>
      ctx.write('relations.create', { kind: input.kind }, (op) => {
        const types = input.typeCodes.map((code) => {
          const t = relationTypeByCode(ctx, code);
          if (!t) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'typeCodes', code: 'RELATION_TYPE_UNKNOWN', details: { code } }]);
          return t;
        });
        const created = insertRelation(ctx, input);
        if (input.address) insertAddress(ctx, created.id, input.address);
        for (const t of types) assignType(ctx, { relationId: created.id, typeId: t.id, validFrom: ctx.today(), validTo: null });
        op.changed('relations.changed', { ids: [created.id] });
        return created;
      }),
    'relations.update': ({ id, fields }) =>
      ctx.write('relations.update', { id }, (op) => {
        patchRelation(ctx, id, fields);
        op.changed('relations.changed', { ids: [id] });
        return relationDetail(ctx, id);
      }),
    'relations.setNumber': ({ id, number }) =>
      ctx.write('relations.setNumber', { id, number }, (op) => {
        getRelationRow(ctx, id);
        assertNumberFree(ctx, number, id);
        ctx.db.update(relations).set({ number, updatedAt: ctx.now() }).where(eq(relations.id, id)).run();
        op.changed('relations.changed', { ids: [id] });
        return { id, number };
      }),
    'relations.delete': ({ id }) =>
      ctx.write('relations.delete', { id }, (op) => {
        setDeleted(ctx, id, true);
        op.changed('relations.changed', { ids: [id] });
        return { id };
      }),
    'relations.restore': ({ id }) =>
      ctx.write('relations.restore', { id }, (op) => {
        setDeleted(ctx, id, false);
        op.changed('relations.changed', { ids: [id] });
        return { id };
      }),
    'relations.emptyTrash': ({ ids }) =>
      ctx.write('relations.emptyTrash', { ids: ids ?? 'all' }, (op) => {
        const deleted = purgeDeleted(ctx, ids);
        op.changed('relations.changed', { ids: ids ?? [] });
        return { deleted };
      }),
    'relations.findSimilar': (q) => ({ rows: findSimilarRelations(ctx, q) }),
    'relations.findOrganisationByEmail': ({ email }) => ({ rows: organisationsForEmail(ctx, email) }),
  };
}

