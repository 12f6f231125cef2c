import type { CoreEvent } from '../../../shared/rpc';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { ioContract } from '../../../shared/contract/io';
import type { CoreContext } from '../context';
import { listCustomFields } from '../classification/classification.repo';
import { createJobs, type Jobs } from './jobs';
import { columnSetStore, mappingStore } from './io-settings';
import { commitImport, commitImportPlan, importPlanRows, inspectImport, planImport, previewImport } from './import/import-pipeline';
import { targetCatalogue } from './import/targets';
import { undoOperation } from '../audit/undo-operation';
import { DomainError } from '../../../shared/errors';
import { exportList } from './export/export-list';
import { columnCatalogue } from './records/columns';
import { mergeFieldCatalogue } from './merge/merge-fields';
import { checkTemplate, mailMerge, previewMerge } from './merge/mail-merge';
import { LABEL_SHEETS } from './labels/label-sheets';
import { printEnvelopes, printLabels } from './labels/print-addresses';
import { resolveListSource } from './records/list-source';
import { logLettersSent } from '../contact-log/letter-log';

type IoContract = typeof ioContract;
/** The same shape as the dispatcher's HandlerGroup, derived from the io contract alone. */
export type IoHandlers = {
  [M in keyof IoContract]: (input: ParsedInputOf<IoContract[M]>) => OutputOf<IoContract[M]> | Promise<OutputOf<IoContract[M]>>;
};

export interface IoDeps {
  /** Where progress events (`import.progressed`, `io.progressed`) go; the core's event emitter. */
  emit?: (event: CoreEvent) => void;
  /** The core's registry of long calls, when other domains share it (io.cancel then stops theirs too). */
  jobs?: Jobs;
}

export function ioHandlers(ctx: CoreContext, deps: IoDeps = {}): IoHandlers {
  const jobs = deps.jobs ?? createJobs(deps.emit);
  return {
    'io.inspectImport': (input) => jobs.run(undefined, 'import.progressed', (p) => inspectImport(ctx, input, p)),
    'io.importTargets': () => ({ rows: targetCatalogue(listCustomFields(ctx)) }),
    'io.previewImport': (input) => jobs.run(input.jobId, 'import.progressed', (p) => previewImport(ctx, input, p)),
    'io.commitImport': (input) => jobs.run(input.jobId, 'import.progressed', (p) => commitImport(ctx, input, p)),
    'io.planImport': (input) => jobs.run(input.jobId, 'import.progressed', (p) => planImport(ctx, input, p)),
    'io.importPlanRows': (input) => importPlanRows(ctx, input),
    'io.commitImportPlan': (input) => jobs.run(input.jobId, 'import.progressed', (p) => commitImportPlan(ctx, input, p)),
    'io.undoImport': ({ operationId }) => {
      const kind = ctx.sqlite.prepare('SELECT kind FROM operations WHERE id = ?').pluck().get(operationId);
      if (kind !== undefined && kind !== 'io.import') throw new DomainError('CONFLICT', { reason: 'NOT_AN_IMPORT', kind });
      return undoOperation(ctx, operationId);
    },
    'io.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'io.listMappings': () => ({ rows: mappingStore.list(ctx) }),
    'io.saveMapping': (input) => mappingStore.save(ctx, input),
    'io.deleteMapping': ({ name }) => {
      mappingStore.remove(ctx, name);
      return { name };
    },
    'io.exportColumns': () => ({ rows: columnCatalogue(listCustomFields(ctx)).map(({ key, label, type }) => ({ key, label, type })) }),
    'io.export': (input) => jobs.run(input.jobId, 'io.progressed', (p) => exportList(ctx, input, p)),
    'io.listColumnSets': () => ({ rows: columnSetStore.list(ctx) }),
    'io.saveColumnSet': (input) => columnSetStore.save(ctx, input),
    'io.deleteColumnSet': ({ name }) => {
      columnSetStore.remove(ctx, name);
      return { name };
    },
    'io.mergeFields': () => ({ rows: mergeFieldCatalogue(listCustomFields(ctx), ctx.today()).map(({ key, label }) => ({ key, label })) }),
    'io.checkTemplate': (input) => checkTemplate(ctx, input),
    'io.merge': async (input) => {
      const out = await jobs.run(input.jobId, 'io.progressed', (p) => mailMerge(ctx, input, p));
      if (input.logLetter) logLettersSent(ctx, resolveListSource(ctx, input.source, input.on ?? ctx.today()), input.logLetter.subject);
      return out;
    },
    'io.previewMerge': (input) => previewMerge(ctx, input),
    'io.labelSheets': () => ({ rows: LABEL_SHEETS }),
    'io.labels': (input) => jobs.run(input.jobId, 'io.progressed', (p) => printLabels(ctx, input, p)),
    'io.envelopes': (input) => jobs.run(input.jobId, 'io.progressed', (p) => printEnvelopes(ctx, input, p)),
  };
}
