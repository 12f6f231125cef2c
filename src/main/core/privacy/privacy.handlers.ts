import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { privacyContract } from '../../../shared/contract';
import { anonymise } from './anonymise';
import { personExportZip } from './person-export';
import { retentionCandidates } from './retention';

export function privacyHandlers(ctx: CoreContext): HandlerGroup<keyof typeof privacyContract> {
  return {
    'privacy.export': async ({ relationId, labels }) => {
      const zip = await personExportZip(ctx, relationId, labels);
      return { fileName: zip.fileName, mimeType: 'application/zip', bytes: Buffer.from(zip.bytes).toString('base64') };
    },
    'privacy.anonymise': ({ relationIds, dryRun, basis }) => anonymise(ctx, relationIds, { dryRun, ...(basis === undefined ? {} : { basis }) }),
    'privacy.retention': ({ years }) => retentionCandidates(ctx, { years, limit: 2000 }),
  };
}
