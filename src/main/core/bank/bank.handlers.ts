import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { MethodName } from '../../../shared/contract';
import type { bankContract } from '../../../shared/contract/bank';
import type { CoreEvent } from '../../../shared/rpc';
import { notFound } from '../../../shared/errors';
import { administrationVersion, assertUnchangedSince } from '../plans/plan-store';
import { getBankSettings, setBankSettings } from './bank-settings';
import { importStatement } from './import-statement';
import { candidates, getEntry, listEntries, listReturns, listStatements } from './bank.repo';
import { ignoreEntry, matchByHand, unmatchEntry } from './manual-match';

type Keys = keyof typeof bankContract & MethodName;

interface HeldStatement {
  bytes: Uint8Array;
  fileName: string;
}

export function bankHandlers(ctx: CoreContext, deps: { emit?: (event: CoreEvent) => void } = {}): HandlerGroup<Keys> {
  const progress = (jobId: string | undefined) =>
    jobId && deps.emit ? (done: number, total: number) => deps.emit!({ name: 'bank.progressed', payload: { jobId, phase: 'match', done, total } }) : undefined;
  return {
    'bank.getSettings': () => getBankSettings(ctx),
    'bank.setSettings': ({ settings }) => setBankSettings(ctx, settings),
    'bank.import': ({ file, fileName, dryRun, itemLimit, jobId }) => {
      const bytes = Buffer.from(file, 'base64');
      const basis = administrationVersion(ctx.sqlite);
      const result = importStatement(ctx, { bytes, fileName, dryRun, itemLimit, onProgress: progress(jobId) });
      // The preview holds the file: bank.commit books exactly this file, on the data it was previewed on.
      const planId = dryRun && result.newCount > 0 ? ctx.plans.hold<HeldStatement & { basis: number }>('bank.import', { bytes, fileName, basis }, { weight: result.entryCount, basis }).planId : null;
      return { ...result, planId };
    },
    'bank.commit': ({ planId, jobId }) => {
      const plan = ctx.plans.use<HeldStatement & { basis: number }>('bank.import', planId);
      const result = ctx.write('bank.import', { planId }, (op) => {
        assertUnchangedSince(ctx.sqlite, plan.basis, op.id, 'BANK_PLAN_STALE');
        return importStatement(ctx, { bytes: plan.value.bytes, fileName: plan.value.fileName, dryRun: false, itemLimit: 200, onProgress: progress(jobId) });
      });
      ctx.plans.drop(planId);
      return result;
    },
    'bank.entries': (q) => listEntries(ctx, q),
    'bank.returns': (q) => listReturns(ctx, q),
    'bank.statements': (q) => listStatements(ctx, q),
    'bank.candidates': ({ entryId, search }) => {
      const e = getEntry(ctx, entryId);
      if (!e) throw notFound('bankEntry', entryId);
      return candidates(ctx, e, search);
    },
    'bank.match': ({ entryId, invoiceIds }) => matchByHand(ctx, entryId, invoiceIds),
    'bank.ignore': ({ entryId, note }) => ignoreEntry(ctx, entryId, note),
    'bank.unmatch': ({ entryId }) => unmatchEntry(ctx, entryId),
  };
}
