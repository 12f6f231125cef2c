import type { BrokenRuleDto } from '../../shared/contract';
import type { Core } from '../core/create-core';
import type { CliIo } from './command';

const REASON: Record<string, (via: string) => string> = {
  JSON_TEXT_INVALID: () => 'de opgeslagen tekst is geen geldige JSON',
  CONDITION_INVALID: () => 'de opgeslagen voorwaarde klopt niet',
  MEMBERSHIP_ATOM_IN_RULE: () => 'de regel vraagt zelf naar lidmaatschappen',
  GROUP_UNKNOWN: () => 'de groep waarnaar hij verwijst bestaat niet meer',
  SELECTION_UNKNOWN: () => 'de selectie waarnaar hij verwijst bestaat niet meer',
  CONDITION_BROKEN: (via) => `de voorwaarde van ${via} is beschadigd`,
  CONDITION_CYCLE: (via) => `hij verwijst via ${via} naar zichzelf`,
};

/** One broken rule as a Dutch sentence, as the Lidmaatschappen screen says it. */
export function brokenRuleText(b: BrokenRuleDto): string {
  const via = b.via ? `${b.via.kind === 'group' ? 'groep' : 'selectie'} '${b.via.name ?? b.via.id}'` : '';
  const reason = REASON[b.code]?.(via) ?? b.code;
  if (b.kind === 'baseRule') return `de basisregel van lidmaatschapstype '${b.typeName ?? '?'}': ${reason}`;
  const from = b.validFrom ? ` (versie vanaf ${b.validFrom})` : '';
  return `de regel${b.typeName ? ` voor '${b.typeName}'` : ''} van '${b.unitName ?? '?'}'${from}: ${reason}`;
}

/** After a write: a warning on stderr when a rule could not be evaluated and some memberships were left as they were. */
export async function warnBrokenRules(core: Core, io: CliIo): Promise<BrokenRuleDto[]> {
  const { rows } = await core.call('memberships.brokenRules', {});
  if (rows.length === 0) return rows;
  const units = [...new Set(rows.flatMap((r) => r.staleUnits.map((u) => u.name)))];
  io.err(`Let op: ${rows.length} regel(s) kunnen niet worden uitgerekend; de lidmaatschappen van ${units.join(', ')} zijn niet bijgewerkt (zie 'memberships check'):`);
  for (const r of rows) io.err(`  - ${brokenRuleText(r)}`);
  return rows;
}
