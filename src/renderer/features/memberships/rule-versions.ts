import type { UnitRuleDto } from '../../../shared/contract';

export type VersionStatus = 'past' | 'current' | 'scheduled';

export function versionStatus(v: Pick<UnitRuleDto, 'validFrom' | 'validTo'>, day: string): VersionStatus {
  if (v.validFrom !== null && v.validFrom > day) return 'scheduled';
  if (v.validTo !== null && v.validTo <= day) return 'past';
  return 'current';
}

/** The versions of one rule (general: typeId null), oldest first. */
export function versionsOf(rules: UnitRuleDto[], typeId: string | null): UnitRuleDto[] {
  return rules
    .filter((r) => r.membershipTypeId === typeId)
    .sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
}
