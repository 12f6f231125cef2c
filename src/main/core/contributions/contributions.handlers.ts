import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { MethodName } from '../../../shared/contract';
import type { contributionsContract } from '../../../shared/contract/contributions';
import { getInvoicingSettings, setInvoicingSettings } from './invoicing-settings';
import { getPaymentSettings, setPaymentSettings } from './payment-settings';
import { getSchedule, listSchedules, saveSchedule } from './schedules';
import { closeRun, listRuns, runContributions, undoRun } from './runs';
import { getInvoice, invoiceIdByNumber, listInvoices } from './invoices.repo';
import { createInvoice, creditInvoice, markSent, setInvoiceLines } from './invoices';
import { addPayment, getPayments, openItems, relationBalance, removePayment } from './payments';
import { runReminders } from './reminders';
import { DomainError } from '../../../shared/errors';
import type { Jobs } from '../io/jobs';
import { invoiceDocuments, reminderDocuments } from './documents/invoice-documents';

type Keys = keyof typeof contributionsContract & MethodName;

/** `jobs` is the core's registry of long calls, shared with io (io.cancel stops any of them). */
export function contributionsHandlers(ctx: CoreContext, jobs: Jobs): HandlerGroup<Keys> {
  return {
    'contributions.getSettings': () => getInvoicingSettings(ctx),
    'contributions.setSettings': ({ settings }) => setInvoicingSettings(ctx, settings),
    'paymentSettings.get': ({ relationId }) => ({ settings: getPaymentSettings(ctx, relationId) }),
    'paymentSettings.set': ({ relationId, settings }) => ({ settings: setPaymentSettings(ctx, relationId, settings) }),
    'feeSchedules.list': () => ({ rows: listSchedules(ctx) }),
    'feeSchedules.get': ({ periodCode, version }) => getSchedule(ctx, periodCode, version),
    'feeSchedules.save': ({ schedule }) => saveSchedule(ctx, schedule),
    'contributionRuns.run': (q) => jobs.run(q.jobId, 'io.progressed', (p) => runContributions(ctx, q, p)),
    'contributionRuns.list': () => ({ rows: listRuns(ctx) }),
    'contributionRuns.undo': ({ runId }) => undoRun(ctx, runId),
    'contributionRuns.close': ({ runId }) => closeRun(ctx, runId),
    'invoices.list': (q) => listInvoices(ctx, q),
    'invoices.get': ({ id, number }) => {
      if (id) return getInvoice(ctx, id);
      if (number) return getInvoice(ctx, invoiceIdByNumber(ctx, number));
      throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'id', code: 'REQUIRED' }]);
    },
    'invoices.create': (q) => createInvoice(ctx, q),
    'invoices.setLines': ({ id, lines }) => setInvoiceLines(ctx, id, lines),
    'invoices.markSent': ({ ids }) => markSent(ctx, ids),
    'invoices.credit': ({ id, reason, invoiceDate }) => creditInvoice(ctx, id, reason, invoiceDate),
    'payments.add': (p) => addPayment(ctx, p),
    'payments.list': (q) => getPayments(ctx, q),
    'payments.remove': ({ id }) => removePayment(ctx, id),
    'openItems.list': (q) => openItems(ctx, { ...q, asOf: q.asOf ?? ctx.today() }),
    'contributions.ofRelation': ({ relationId }) => ({
      settings: getPaymentSettings(ctx, relationId),
      invoices: listInvoices(ctx, { relationId, open: false, offset: 0, limit: 500 }).rows,
      payments: getPayments(ctx, { relationId, offset: 0, limit: 500 }).rows,
      ...relationBalance(ctx, relationId),
    }),
    'reminders.run': ({ stage, date, dryRun }) => runReminders(ctx, { stage: stage as 1 | 2 | 3, date, dryRun }),
    'invoices.documents': (q) => jobs.run(q.jobId, 'io.progressed', (p) => invoiceDocuments(ctx, q, p)),
    'reminders.documents': (q) => jobs.run(q.jobId, 'io.progressed', (p) => reminderDocuments(ctx, { ...q, stage: q.stage as 1 | 2 | 3 }, p)),
  };
}
