import { daysFromCivil, toDay } from '../../../shared/dutch/day-numbers';
import type { GroupMemberEntryDto } from '../../../shared/contract';

export interface TimelineBar {
  entryId: string;
  /** Percent of the axis width. */
  left: number;
  width: number;
  /** Began before the axis / runs on after it (no start or no end date). */
  openStart: boolean;
  openEnd: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export interface TimelineLane {
  key: string;
  relationId: string;
  name: string;
  roleCode: string | null;
  roleName: string | null;
  bars: TimelineBar[];
}

export interface Timeline {
  /** First year on the axis (1 January) and the year after the last one (exclusive). */
  startYear: number;
  endYear: number;
  lanes: TimelineLane[];
  /** Where today is, in percent. */
  today: number;
}

const dayNumber = toDay;

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/**
 * Hand-entered members as bars per person and role across whole years: from the year of the
 * earliest start (or 4 years back) through next year or the year of the latest end. Periods are
 * half-open [validFrom, validTo), like the API. Lanes follow the role order (voorzitter first),
 * then the first start.
 */
export function buildTimeline(entries: GroupMemberEntryDto[], today: string, roleOrder: string[]): Timeline {
  const included = entries.filter((e) => e.mode === 'include');
  const starts = included.flatMap((e) => (e.validFrom ? [yearOf(e.validFrom)] : []));
  const ends = included.flatMap((e) => (e.validTo ? [yearOf(e.validTo)] : []));
  const thisYear = yearOf(today);
  const startYear = Math.min(thisYear - 4, ...starts);
  // Always show next year too: that is where scheduled changes appear.
  const endYear = Math.max(thisYear + 2, ...ends.map((y) => y + 1), ...starts.map((y) => y + 1));
  const axisFrom = daysFromCivil(startYear, 1, 1);
  const axisTo = daysFromCivil(endYear, 1, 1);
  const pct = (day: number) => Math.min(100, Math.max(0, ((day - axisFrom) / (axisTo - axisFrom)) * 100));

  const lanes = new Map<string, TimelineLane>();
  for (const e of included) {
    const key = `${e.relationId}|${e.roleCode ?? ''}`;
    let lane = lanes.get(key);
    if (!lane) {
      lane = { key, relationId: e.relationId, name: e.displayName, roleCode: e.roleCode, roleName: e.roleName, bars: [] };
      lanes.set(key, lane);
    }
    const left = e.validFrom ? pct(dayNumber(e.validFrom)) : 0;
    const right = e.validTo ? pct(dayNumber(e.validTo)) : 100;
    lane.bars.push({ entryId: e.id, left, width: Math.max(right - left, 0.3), openStart: !e.validFrom, openEnd: !e.validTo, validFrom: e.validFrom, validTo: e.validTo });
  }

  const rank = (code: string | null) => {
    const i = code ? roleOrder.indexOf(code) : -1;
    return i === -1 ? roleOrder.length : i;
  };
  const firstStart = (lane: TimelineLane) => Math.min(...lane.bars.map((b) => b.left));
  const sorted = [...lanes.values()].sort((a, b) => rank(a.roleCode) - rank(b.roleCode) || firstStart(a) - firstStart(b) || a.name.localeCompare(b.name, 'nl'));
  return { startYear, endYear, lanes: sorted, today: pct(dayNumber(today)) };
}
