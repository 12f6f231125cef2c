import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import { DEFAULT_DEDUPE_WEIGHTS, type dedupeContract } from '../../../shared/contract/dedupe';
import { DomainError, notFound } from '../../../shared/errors';
import { loadAllRecords, loadRecords } from './dedupe-records';
import { deleteDismissal, dismissedPairs, insertDismissal, loadWeights, resolveRelation, saveWeights } from './dedupe-store';
import { mergeRelations } from './merge';
import { scanRecords } from './scan';
import { prepare, scorePair } from './scorer';

function pairOf(ctx: CoreContext, a: string, b: string) {
  if (a === b) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'b', code: 'MERGE_SAME_RELATION' }]);
  const recs = loadRecords(ctx, [a, b]);
  const ra = recs.find((r) => r.id === a);
  const rb = recs.find((r) => r.id === b);
  if (!ra) throw notFound('relation', a);
  if (!rb) throw notFound('relation', b);
  return [ra, rb] as const;
}

export function dedupeHandlers(ctx: CoreContext): HandlerGroup<keyof typeof dedupeContract> {
  return {
    'dedupe.scan': ({ threshold, limit }) => {
      const started = performance.now();
      const weights = loadWeights(ctx);
      const records = loadAllRecords(ctx);
      const r = scanRecords(records, ctx.reference.infixes, threshold ? { ...weights, threshold } : weights, dismissedPairs(ctx));
      return {
        pairs: r.pairs.slice(0, limit),
        total: r.pairs.length,
        relations: records.length,
        comparisons: r.comparisons,
        dismissed: r.dismissed,
        skippedBlocks: r.skippedBlocks,
        ms: Math.round(performance.now() - started),
      };
    },
    'dedupe.compare': ({ a, b }) => {
      const [ra, rb] = pairOf(ctx, a, b);
      if (ra.kind !== rb.kind) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'b', code: 'MERGE_KIND_DIFFERS' }]);
      const { suspect: _s, ...pair } = scorePair(prepare(ra, ctx.reference.infixes), prepare(rb, ctx.reference.infixes), loadWeights(ctx));
      return pair;
    },
    'dedupe.dismiss': ({ a, b }) => {
      const [ra, rb] = pairOf(ctx, a, b);
      return ctx.write('dedupe.dismiss', { a: { id: a, number: ra.number, displayName: ra.displayName }, b: { id: b, number: rb.number, displayName: rb.displayName } }, () => ({
        dismissed: insertDismissal(ctx, a, b),
      }));
    },
    'dedupe.undismiss': ({ a, b }) => {
      const [ra, rb] = pairOf(ctx, a, b);
      return ctx.write('dedupe.undismiss', { a: { id: a, number: ra.number, displayName: ra.displayName }, b: { id: b, number: rb.number, displayName: rb.displayName } }, () => ({
        removed: deleteDismissal(ctx, a, b),
      }));
    },
    'dedupe.merge': (input) => mergeRelations(ctx, input),
    'dedupe.getWeights': () => ({ weights: loadWeights(ctx), defaults: DEFAULT_DEDUPE_WEIGHTS }),
    'dedupe.setWeights': ({ weights }) =>
      ctx.write('dedupe.setWeights', { threshold: weights?.threshold ?? null }, () => {
        saveWeights(ctx, weights);
        return { weights: loadWeights(ctx) };
      }),
    'dedupe.resolve': (q) => {
      const r = resolveRelation(ctx, q);
      return r ? { id: r.id, number: r.number, redirected: r.redirected } : { id: null, number: null, redirected: false };
    },
  };
}
