import type { DomainError } from '../../shared/errors';
import { CliError } from './cli-error';

/** Dutch for the contribution codes the CLI can meet (the UI has the same texts through i18n). */
export const PROBLEM_TEXT: Record<string, string> = {
  INVOICE_WITHOUT_ADDRESS: 'betaalt per factuur maar heeft geen adres',
  DEBIT_WITHOUT_IBAN: 'betaalt per incasso maar heeft geen IBAN',
  NEGATIVE_TOTAL: 'factuur zou negatief worden',
  PAYER_NOT_FOUND: 'de betaler bestaat niet (meer) of staat in de prullenbak',
  PAYER_CYCLE: 'betalers verwijzen in een kring naar elkaar',
  NO_FEE_FOR_AGE: 'geen tarief voor deze leeftijd',
  BIRTH_DATE_MISSING: 'geboortedatum ontbreekt (tarief hangt van leeftijd af)',
};

const REFUSAL_TEXT: Record<string, string> = {
  RUN_HAS_PROBLEMS: 'de run heeft problemen die eerst opgelost moeten worden; er is niets opgeslagen',
  RUN_CLOSED: 'de run is afgesloten (verstuurd of geëxporteerd): corrigeer met creditnota’s',
  RUN_SENT: 'er zijn al facturen van deze run verstuurd',
  RUN_HAS_PAYMENTS: 'er zijn al betalingen op facturen van deze run geboekt',
  RUN_HAS_REMINDERS: 'er zijn al herinneringen voor facturen van deze run',
  RUN_HAS_CREDITS: 'er zijn al creditnota’s voor facturen van deze run',
  RUN_NOT_LAST: 'na deze run zijn nog facturen genummerd; maak eerst die ongedaan, of crediteer',
  INVOICE_SENT: 'de factuur is al verstuurd',
  ALREADY_CREDITED: 'de factuur is al gecrediteerd',
};

/** Contribution refusals (CONFLICT with a reason) as one line of Dutch; others fall through. */
export function contributionRefusal(e: DomainError): CliError | null {
  const id = String(e.details?.['id']);
  const missing: Record<string, string> = {
    invoice: `factuur ${id} bestaat niet`,
    feeSchedule: `er zijn geen tarieven voor periode ${id} (zet ze met 'contributions schedule --set')`,
    contributionRun: `run ${id} bestaat niet (zie 'contributions runs')`,
    payment: `betaling ${id} bestaat niet`,
  };
  const text = missing[String(e.details?.['entity'])];
  if (e.code === 'NOT_FOUND' && text) return new CliError(text);
  const reason = typeof e.details?.['reason'] === 'string' ? e.details['reason'] : undefined;
  if (e.code !== 'CONFLICT' || !reason || !REFUSAL_TEXT[reason]) return null;
  const problems = (e.details?.['problems'] as { code: string; name: string }[] | undefined) ?? [];
  return new CliError(REFUSAL_TEXT[reason], undefined, problems.map((p) => `${p.name}: ${PROBLEM_TEXT[p.code] ?? p.code}`));
}
