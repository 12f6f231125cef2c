import type { MembershipChanges, PeriodDto } from '../../../shared/contract';
import { inclusiveEnd, showDate } from '../../lib/dates';

/** How one lost or gained period of one unit reads ("Afdeling Oost t/m 31-12-2026"). */
export interface ChangeWords {
  /** Membership now ends: lost [from, ∞). */
  endsAfter: (unit: string, lastDay: string) => string;
  /** Membership now starts later: lost (−∞, to). */
  startsLater: (unit: string, firstDay: string) => string;
  /** A gap: lost [from, to). */
  notBetween: (unit: string, from: string, until: string) => string;
  /** Lost entirely. */
  lostAll: (unit: string) => string;
  gainedFrom: (unit: string, from: string) => string;
  gainedBetween: (unit: string, from: string, until: string) => string;
  gainedUntil: (unit: string, until: string) => string;
  gainedAll: (unit: string) => string;
}

export interface RelationChange {
  key: string;
  relationId: string;
  displayName: string;
  number: number;
  typeCode: string;
  lost: string[];
  gained: string[];
}

function lostText(unit: string, p: PeriodDto, w: ChangeWords): string {
  const last = inclusiveEnd(p.to);
  if (p.from && last) return w.notBetween(unit, showDate(p.from), showDate(last));
  if (p.from) return w.endsAfter(unit, showDate(inclusiveEnd(p.from)));
  if (p.to) return w.startsLater(unit, showDate(p.to));
  return w.lostAll(unit);
}

function gainedText(unit: string, p: PeriodDto, w: ChangeWords): string {
  const last = inclusiveEnd(p.to);
  if (p.from && last) return w.gainedBetween(unit, showDate(p.from), showDate(last));
  if (p.from) return w.gainedFrom(unit, showDate(p.from));
  if (last) return w.gainedUntil(unit, showDate(last));
  return w.gainedAll(unit);
}

/**
 * The core reports changes per relation, unit and type; people read them per relation:
 * "Anna Jansen: Afdeling Oost t/m 31-12-2026 → Afdeling Uithof vanaf 1-1-2027".
 */
export function changesPerRelation(changes: MembershipChanges['changes'], words: ChangeWords): RelationChange[] {
  const out = new Map<string, RelationChange>();
  const sorted = [...changes].sort((a, b) => a.unitName.localeCompare(b.unitName, 'nl'));
  for (const c of sorted) {
    const key = `${c.relationId}|${c.typeCode}`;
    const row = out.get(key) ?? { key, relationId: c.relationId, displayName: c.displayName, number: c.number, typeCode: c.typeCode, lost: [], gained: [] };
    for (const p of c.lost) row.lost.push(lostText(c.unitName, p, words));
    for (const p of c.gained) row.gained.push(gainedText(c.unitName, p, words));
    out.set(key, row);
  }
  return [...out.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl') || a.typeCode.localeCompare(b.typeCode));
}

/** One line: lost parts, an arrow, gained parts. */
export function changeSentence(c: RelationChange): string {
  const lost = c.lost.join(', ');
  const gained = c.gained.join(', ');
  const body = lost && gained ? `${lost} → ${gained}` : lost || `→ ${gained}`;
  return `${c.displayName}: ${body}`;
}
