import type { CoreContext } from '../context';
import { isPublicMailDomain } from './public-mail-domains';
import { rowMapper } from '../db/row-mapper';

const organisationRow = rowMapper('organisation for e-mail', { id: 'text', number: 'int', displayName: 'text' });

/** Organisations whose e-mail domain matches the domain of an e-mail address being typed. */
export function organisationsForEmail(ctx: CoreContext, email: string) {
  const domain = email.trim().toLowerCase().split('@')[1];
  if (!domain || !domain.includes('.') || isPublicMailDomain(domain)) return [];
  return organisationRow.all(
    ctx.sqlite
      .prepare(
        `SELECT id, number, display_name AS displayName FROM relations
          WHERE deleted_at IS NULL AND kind = 'organisation' AND email_domain = ? ORDER BY sort_key LIMIT 5`,
      )
      .all(domain),
  );
}
