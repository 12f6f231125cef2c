import type { CoreContext } from '../context';
import { writeOrPreview } from '../audit/operation-writer';
import { addDays } from '../../../shared/dutch/dates';
import { fourteenDayDeadline, wikCollectionCosts } from '../../../shared/dutch/collection-costs';
import { getInvoicingSettings } from './invoicing-settings';
import { openItems } from './payments';

export const REMINDER_STAGES = { 1: 'herinnering', 2: 'tweede herinnering', 3: 'aanmaning' } as const;

/**
 * Reminders in stages. 1 and 2 are free and give `reminderDays` to pay. 3, the aanmaning, is
 * the WIK "veertiendagenbrief": still free, it states the collection costs (WIK scale over
 * what is open) that may be charged if nothing is paid within 14 days after the letter is
 * deemed received. A stage follows only when the previous one's deadline has passed.
 * Direct-debit invoices are collected, not reminded.
 */
export function runReminders(ctx: CoreContext, q: { stage: 1 | 2 | 3; date?: string | undefined; dryRun: boolean }) {
  const date = q.date ?? ctx.today();
  const { reminderDays } = getInvoicingSettings(ctx);
  const { saved, result } = writeOrPreview(ctx.write, q.dryRun, 'reminders.run', { stage: q.stage, date }, (op) => {
    const open = openItems(ctx, { asOf: date, offset: 0, limit: Number.MAX_SAFE_INTEGER }).rows;
    const lastDeadline = new Map(
      (ctx.sqlite.prepare('SELECT invoice_id AS id, max(deadline) AS d FROM invoice_reminders GROUP BY invoice_id').all() as { id: string; d: string }[]).map((r) => [r.id, r.d]),
    );
    const insert = ctx.sqlite.prepare(
      `INSERT INTO invoice_reminders (id, invoice_id, stage, reminder_date, deadline, open_cents, stated_costs_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rows = [];
    for (const item of open) {
      if (item.paymentMethod === 'incasso' || item.reminderStage !== q.stage - 1) continue;
      const due = q.stage === 1 ? item.daysOverdue >= reminderDays && item.buckets.notDue < item.openCents : (lastDeadline.get(item.id) ?? date) < date;
      if (!due) continue;
      const deadline = q.stage === 3 ? fourteenDayDeadline(date) : addDays(date, reminderDays);
      const statedCostsCents = q.stage === 3 ? wikCollectionCosts(item.openCents) : 0;
      insert.run(ctx.newId(), item.id, q.stage, date, deadline, item.openCents, statedCostsCents, ctx.now());
      rows.push({ invoiceId: item.id, number: item.number, relationName: item.relationName, openCents: item.openCents, deadline, statedCostsCents });
    }
    op.changed('contributions.changed', { reminders: rows.length });
    return rows;
  });
  return { saved: saved && result.length > 0, stage: q.stage, rows: result };
}
