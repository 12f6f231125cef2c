import type { CoreContext } from '../context';
import { normalizeEmail } from '../../../shared/dutch/email';
import { normalizePostcode } from '../../../shared/dutch/postcode';
import { collationKey } from '../../../shared/dutch/text';
import { isPublicMailDomain } from './public-mail-domains';

export interface SimilarQuery {
  excludeId?: string | undefined;
  email?: string | undefined;
  firstName?: string | undefined;
  infix?: string | undefined;
  lastName?: string | undefined;
  birthDate?: string | undefined;
  postcode?: string | undefined;
}

type Reason = 'SAME_EMAIL' | 'SAME_NAME_BIRTHDATE' | 'SAME_NAME_POSTCODE' | 'SAME_NAME';
const STRENGTH: Record<Reason, number> = { SAME_EMAIL: 0, SAME_NAME_BIRTHDATE: 1, SAME_NAME_POSTCODE: 2, SAME_NAME: 3 };

/**
 * Warns while a new relation is typed: same e-mail, or the same name with the same birth
 * date or postcode. Name comparison ignores case and accents (Müller = Muller).
 * A bare name match is only reported when nothing stronger identifies the person.
 */
export function findSimilar(ctx: CoreContext, q: SimilarQuery) {
  const found = new Map<string, { id: string; number: number; displayName: string; reason: Reason }>();
  const add = (rows: { id: string; number: number; display_name: string }[], reason: Reason) => {
    for (const r of rows) {
      if (r.id === q.excludeId) continue;
      const prev = found.get(r.id);
      if (!prev || STRENGTH[reason] < STRENGTH[prev.reason]) found.set(r.id, { id: r.id, number: r.number, displayName: r.display_name, reason });
    }
  };
  const email = q.email ? normalizeEmail(q.email) : null;
  if (email?.ok) {
    add(
      ctx.sqlite
        .prepare(`SELECT id, number, display_name FROM relations WHERE deleted_at IS NULL AND (email = ? OR email2 = ?) LIMIT 10`)
        .all(email.value, email.value) as never,
      'SAME_EMAIL',
    );
  }
  if (q.lastName && q.lastName.trim().length >= 2) {
    const candidates = ctx.sqlite
      .prepare(
        `SELECT id, number, display_name, first_name, infix, birth_date FROM relations
          WHERE deleted_at IS NULL AND kind = 'person' AND last_name = ? COLLATE NOCASE LIMIT 200`,
      )
      .all(q.lastName.trim()) as { id: string; number: number; display_name: string; first_name: string | null; infix: string | null; birth_date: string | null }[];
    const sameInfix = (c: { infix: string | null }) => collationKey(c.infix ?? '') === collationKey(q.infix ?? '');
    const sameFirst = (c: { first_name: string | null }) =>
      !q.firstName || !c.first_name || collationKey(c.first_name) === collationKey(q.firstName);
    const named = candidates.filter((c) => sameInfix(c) && sameFirst(c));
    if (q.birthDate) add(named.filter((c) => c.birth_date === q.birthDate), 'SAME_NAME_BIRTHDATE');
    const pc = q.postcode ? normalizePostcode(q.postcode) : null;
    if (pc?.ok && named.length) {
      const marks = named.map(() => '?').join(',');
      const atPostcode = new Set(
        (ctx.sqlite
          .prepare(`SELECT DISTINCT relation_id AS id FROM addresses WHERE postcode = ? AND relation_id IN (${marks})`)
          .all(pc.value, ...named.map((c) => c.id)) as { id: string }[]).map((r) => r.id),
      );
      add(named.filter((c) => atPostcode.has(c.id)), 'SAME_NAME_POSTCODE');
    }
    if (q.firstName && !q.birthDate) add(named.slice(0, 10), 'SAME_NAME');
  }
  return [...found.values()].sort((a, b) => STRENGTH[a.reason] - STRENGTH[b.reason]).slice(0, 10);
}

/** Organisations whose e-mail domain matches the domain of an e-mail address being typed. */
export function organisationsForEmail(ctx: CoreContext, email: string) {
  const domain = email.trim().toLowerCase().split('@')[1];
  if (!domain || !domain.includes('.') || isPublicMailDomain(domain)) return [];
  return ctx.sqlite
    .prepare(
      `SELECT id, number, display_name AS displayName FROM relations
        WHERE deleted_at IS NULL AND kind = 'organisation' AND email_domain = ? ORDER BY sort_key LIMIT 5`,
    )
    .all(domain) as { id: string; number: number; displayName: string }[];
}
