import type { CoreContext } from '../context';
import { insertLogEntry } from './contact-log.handlers';

/**
 * "Brief verstuurd" after a mail merge: one letter entry linked to every recipient, so each
 * recipient's timeline shows it (one entry rather than thousands of copies of the same text).
 */
export function logLettersSent(ctx: CoreContext, relationIds: string[], subject: string): string | null {
  if (relationIds.length === 0) return null;
  return ctx.write('log.lettersSent', { subject, recipients: relationIds.length }, (op) => {
    const id = insertLogEntry(ctx, { kind: 'letter', date: ctx.today(), who: ctx.actor(), subject: `Brief verstuurd: ${subject}`, body: null, relationIds, groupIds: [] });
    op.changed('log.changed', { ids: [id] });
    return id;
  });
}
