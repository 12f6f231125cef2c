import type { CoreContext } from '../context';
import { addDays, addYears } from '../../../shared/dutch/dates';
import { ibanCheckDigits } from '../../../shared/dutch/iban';
import { creditorIdCheckDigits } from '../../../shared/dutch/creditor-id';
import { getAssociation, updateAssociation } from '../association/association-settings';

/**
 * SEPA on top of the demo members: the club as creditor (a valid Incassant-ID, Rabobank
 * profile), and a mandate for every incasso payer with an IBAN — about a third of the people
 * with an account pay by incasso when the demo has no payment settings of its own. Some
 * mandates show what the treasurer meets: one unused for over 36 months (lapsed), one revoked,
 * one whose IBAN changed through the Overstapservice (to be reported in the next collection).
 * Runs inside the demo's operation; deterministic (by relation number).
 */
export function addSepaDemo(ctx: CoreContext, today: string): void {
  const kvk = '40123456';
  const creditorId = `NL${creditorIdCheckDigits('NL', `${kvk}0000`)}ZZZ${kvk}0000`;
  const bban = 'RABO0123456789';
  // The association (one setting: invoices, their QR codes and SEPA files name it), then the SEPA-only fields.
  if (getAssociation(ctx).name === null) {
    updateAssociation(ctx, {
      name: 'Vereniging Ledenbeheer Demo', addressLines: ['Dorpsstraat 1', '3581 AB  UTRECHT'], iban: `NL${ibanCheckDigits('NL', bban)}${bban}`, bic: 'RABONL2U', email: 'penningmeester@example.nl',
    });
  }
  const creditor = {
    creditorId, debitVersion: '02', refundVersion: '03',
    sequencePolicy: 'rcur', oneBatchPerFile: false, leadDays: 2, maxTransactionCents: 50_000, maxMonthCents: null, maxFileBytes: 3_000_000, maxFileNameLength: 35, retryLimit: 1,
  };
  ctx.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('sepa.creditor', ?) ON CONFLICT (key) DO NOTHING`).run(JSON.stringify(creditor));

  const now = ctx.now();
  const hasSettings = (ctx.sqlite.prepare('SELECT count(*) AS n FROM payment_settings').get() as { n: number }).n > 0;
  if (!hasSettings) {
    // Every third person with an account pays by incasso.
    ctx.sqlite
      .prepare(
        `INSERT OR IGNORE INTO payment_settings (id, relation_id, method, frequency, exempt, created_at, updated_at)
         SELECT 'demo-ps-' || r.number, r.id, 'incasso', 'jaar', 0, @now, @now FROM relations r
          WHERE r.kind = 'person' AND r.deleted_at IS NULL AND r.iban IS NOT NULL AND r.number % 3 = 0`,
      )
      .run({ now });
  }
  const payers = ctx.sqlite
    .prepare(
      `SELECT r.id, r.number, r.iban, r.bic FROM relations r JOIN payment_settings s ON s.relation_id = r.id
        WHERE s.method = 'incasso' AND r.iban IS NOT NULL AND r.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM sepa_mandates m WHERE m.relation_id = r.id) ORDER BY r.number`,
    )
    .all() as { id: string; number: number; iban: string; bic: string | null }[];
  const insert = ctx.sqlite.prepare(
    `INSERT INTO sepa_mandates (id, relation_id, reference, signed_on, iban, bic, kind, status, ended_on, end_reason, last_used_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'RCUR', ?, ?, ?, ?, ?, ?)`,
  );
  const amend = ctx.sqlite.prepare(
    `INSERT INTO sepa_mandate_amendments (id, mandate_id, amended_on, kind, previous_value, note, created_at) VALUES (?, ?, ?, 'iban', ?, ?, ?)`,
  );
  payers.forEach((p, k) => {
    const id = `demo-mandate-${p.number}`;
    // Signed some time in the last eight years and used at the last annual collection; a few
    // signed long ago and not used for over three years (lapsed), a few revoked.
    const lapsed = k % 97 === 5;
    const revoked = k % 89 === 7;
    const signedOn = lapsed ? addYears(today, -6) : addDays(today, -(200 + ((p.number * 37) % 2800)));
    const lastUsedOn = lapsed ? addYears(today, -4) : addDays(today, -170);
    insert.run(
      id, p.id, `LID-${p.number}-1`, signedOn, p.iban, p.bic, revoked ? 'revoked' : 'active', revoked ? addDays(today, -20) : null,
      revoked ? 'Opgezegd per brief' : null, lastUsedOn, now, now,
    );
    if (k % 61 === 3 && !revoked) {
      // A move to another bank through the Overstapservice: the old IBAN kept, to be reported (SMNDA).
      const old = `INGB${String(p.number).padStart(10, '0')}`;
      amend.run(`${id}-a1`, id, addDays(today, -40), `NL${ibanCheckDigits('NL', old)}${old}`, 'Bericht Wijziging rekeningnummer (Overstapservice)', now);
    }
  });
}
