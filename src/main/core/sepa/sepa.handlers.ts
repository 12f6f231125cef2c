import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { MethodName } from '../../../shared/contract';
import type { sepaContract } from '../../../shared/contract/sepa';
import { getCreditorSettings, setCreditorSettings } from './creditor-settings';
import { amendMandate, createMandate, listMandates, revokeMandate } from './mandates';
import { collectBatch } from './collection-batch';
import { refundBatch } from './refund-batch';
import { getBatchFile, listBatches } from './batches.repo';

type Keys = keyof typeof sepaContract & MethodName;

export function sepaHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  return {
    'sepa.getCreditor': () => ({ settings: getCreditorSettings(ctx) }),
    'sepa.setCreditor': ({ settings }) => setCreditorSettings(ctx, settings),
    'mandates.list': (q) => listMandates(ctx, q),
    'mandates.create': (m) => createMandate(ctx, m),
    'mandates.amend': (a) => amendMandate(ctx, a),
    'mandates.revoke': ({ id, endedOn, reason }) => revokeMandate(ctx, id, endedOn, reason),
    'sepaBatches.collect': (q) => collectBatch(ctx, q),
    'sepaBatches.refunds': (q) => refundBatch(ctx, q),
    'sepaBatches.list': (q) => listBatches(ctx, q),
    'sepaBatches.file': ({ id }) => getBatchFile(ctx, id),
  };
}
