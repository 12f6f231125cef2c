import type { CoreContext } from '../context';
import type { OperationKind } from '../../../shared/contract';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { classificationContract } from '../../../shared/contract';
import { notFound } from '../../../shared/errors';
import * as repo from './classification.repo';

export function classificationHandlers(ctx: CoreContext): HandlerGroup<keyof typeof classificationContract> {
  const typeDto = (id: string) => {
    const t = repo.listRelationTypes(ctx).find((x) => x.id === id);
    if (!t) throw notFound('relationType', id);
    return t;
  };
  const relationChanged = (op: { changed: (n: string, p: unknown) => void }, id: string) =>
    op.changed('relations.changed', { ids: [id] });
  const assignmentRelation = (assignmentId: string) => {
    const row = ctx.sqlite.prepare('SELECT relation_id AS id FROM relation_type_assignments WHERE id = ?').get(assignmentId) as { id: string } | undefined;
    if (!row) throw notFound('relationTypeAssignment', assignmentId);
    return row.id;
  };
  /** Settings writes announce themselves so every screen showing types, tags or fields refreshes. */
  const settings = <T>(kind: OperationKind, summary: unknown, fn: () => T): T =>
    ctx.write(kind, summary, (op) => {
      const result = fn();
      op.changed('classification.changed', { kind });
      return result;
    });
  return {
    'relationTypes.list': () => ({ rows: repo.listRelationTypes(ctx) }),
    'relationTypes.create': (input) => typeDto(settings('relationTypes.create', { code: input.code }, () => repo.createRelationType(ctx, input))),
    'relationTypes.update': ({ id, ...input }) => {
      settings('relationTypes.update', { id }, () => repo.updateRelationType(ctx, id, input));
      return typeDto(id);
    },
    'relationTypes.delete': ({ id }) => settings('relationTypes.delete', { id }, () => (repo.deleteRelationType(ctx, id), { id })),
    'relations.addType': (input) =>
      ctx.write('relations.addType', input, (op) => {
        const id = repo.assignType(ctx, { ...input });
        relationChanged(op, input.relationId);
        return { id };
      }),
    'relations.endType': ({ assignmentId, validTo }) =>
      ctx.write('relations.endType', { assignmentId, validTo }, (op) => {
        repo.endTypeAssignment(ctx, assignmentId, validTo);
        relationChanged(op, assignmentRelation(assignmentId));
        return { id: assignmentId };
      }),
    'relations.removeType': ({ assignmentId }) =>
      ctx.write('relations.removeType', { assignmentId }, (op) => {
        const relationId = assignmentRelation(assignmentId);
        repo.removeTypeAssignment(ctx, assignmentId);
        relationChanged(op, relationId);
        return { id: assignmentId };
      }),
    'tags.list': () => ({ rows: repo.listTags(ctx) }),
    'tags.create': (input) => settings('tags.create', { name: input.name }, () => repo.createTag(ctx, input)),
    'tags.update': ({ id, ...input }) => settings('tags.update', { id }, () => repo.updateTag(ctx, id, input)),
    'tags.delete': ({ id }) => settings('tags.delete', { id }, () => (repo.deleteTag(ctx, id), { id })),
    'relations.setTags': ({ relationId, tagIds }) =>
      ctx.write('relations.setTags', { relationId }, (op) => {
        const ids = repo.setRelationTags(ctx, relationId, tagIds);
        relationChanged(op, relationId);
        return { tagIds: ids };
      }),
    'customFields.list': () => ({ rows: repo.listCustomFields(ctx) }),
    'customFields.create': (input) => settings('customFields.create', { code: input.code }, () => repo.createCustomField(ctx, input)),
    'customFields.delete': ({ id }) => settings('customFields.delete', { id }, () => (repo.deleteCustomField(ctx, id), { id })),
    'relations.setCustomValues': ({ relationId, values }) =>
      ctx.write('relations.setCustomValues', { relationId }, (op) => {
        repo.setCustomValues(ctx, relationId, values);
        relationChanged(op, relationId);
        return { relationId };
      }),
  };
}
