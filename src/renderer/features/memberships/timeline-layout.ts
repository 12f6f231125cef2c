import type { MembershipDto } from '../../../shared/contract';
import { addYears, daysBetween } from '../../../shared/dutch/dates';

export interface TimelineBar {
  membership: MembershipDto;
  /** Percentages of the axis. */
  left: number;
  width: number;
  current: boolean;
  future: boolean;
}

export interface TimelineLane {
  key: string;
  unitId: string;
  unitName: string;
  typeName: string;
  bars: TimelineBar[];
}

export interface TimelineLayout {
  from: string;
  to: string;
  /** Year starts on the axis with their position. */
  ticks: { year: number; left: number }[];
  lanes: TimelineLane[];
  /** Percent position of today. */
  today: number;
}

const yearStart = (iso: string) => `${iso.slice(0, 4)}-01-01`;

/** Days between, clamped to the axis, as a percentage of its length. */
function position(from: string, day: string, total: number): number {
  return Math.min(100, Math.max(0, (daysBetween(from, day) / total) * 100));
}

/**
 * Bars over whole years: from the first year with a membership (or a decade back) to the
 * year after today or the last end. Open starts and ends run to the axis edges.
 */
export function layoutTimeline(rows: MembershipDto[], today: string, unitOrder: string[] = []): TimelineLayout {
  const starts = rows.map((r) => r.startDate).filter((d): d is string => d !== null);
  const ends = rows.map((r) => r.endDate).filter((d): d is string => d !== null);
  const first = starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : addYears(today, -10);
  const lastEnd = ends.length ? ends.reduce((a, b) => (a > b ? a : b)) : today;
  const from = yearStart(first);
  const to = addYears(yearStart(lastEnd > today ? lastEnd : today), 1);
  const total = Math.max(1, daysBetween(from, to));
  const ticks: TimelineLayout['ticks'] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) ticks.push({ year: y, left: position(from, `${y}-01-01`, total) });

  const lanes = new Map<string, TimelineLane>();
  for (const m of rows) {
    const key = `${m.unitId}|${m.typeId}`;
    const lane = lanes.get(key) ?? { key, unitId: m.unitId, unitName: m.unitName, typeName: m.typeName, bars: [] };
    const left = m.startDate ? position(from, m.startDate, total) : 0;
    const right = m.endDate ? position(from, m.endDate, total) : 100;
    const current = (m.startDate === null || m.startDate <= today) && (m.endDate === null || m.endDate > today);
    const future = m.startDate !== null && m.startDate > today;
    lane.bars.push({ membership: m, left, width: Math.max(0.6, right - left), current, future });
    lanes.set(key, lane);
  }
  // Lanes follow the tree (organisation first, then its units depth-first), then by type.
  const rank = new Map(unitOrder.map((id, i) => [id, i]));
  const laneRank = (l: TimelineLane) => rank.get(l.unitId) ?? unitOrder.length;
  const ordered = [...lanes.values()].sort((a, b) => a.typeName.localeCompare(b.typeName, 'nl') || laneRank(a) - laneRank(b));
  return { from, to, ticks, lanes: ordered, today: position(from, today, total) };
}

/** Per type, the longest current run: "Lid · 16 jaar (sinds 1-1-2010)". */
export function currentRuns(rows: MembershipDto[], today: string): { typeName: string; years: number; since: string | null }[] {
  const best = new Map<string, MembershipDto>();
  for (const m of rows) {
    const current = (m.startDate === null || m.startDate <= today) && (m.endDate === null || m.endDate > today);
    if (!current) continue;
    const prev = best.get(m.typeId);
    if (!prev || (m.startDate ?? '') < (prev.startDate ?? '')) best.set(m.typeId, m);
  }
  return [...best.values()].map((m) => ({ typeName: m.typeName, years: m.years, since: m.startDate }));
}

type ExceptionPeriod = { unitId: string; membershipTypeId: string; validFrom: string | null; validTo: string | null };

/**
 * The core marks a membership viaException when any exception of that type overlaps it, in
 * whichever unit; on the timeline only the unit the exception places the relation in is marked.
 */
export function markExceptions(rows: MembershipDto[], exceptions: ExceptionPeriod[]): MembershipDto[] {
  const overlaps = (m: MembershipDto, e: ExceptionPeriod) =>
    (e.validTo === null || m.startDate === null || e.validTo > m.startDate) && (e.validFrom === null || m.endDate === null || e.validFrom < m.endDate);
  return rows.map((m) =>
    m.viaException ? { ...m, viaException: exceptions.some((e) => e.unitId === m.unitId && e.membershipTypeId === m.typeId && overlaps(m, e)) } : m,
  );
}
