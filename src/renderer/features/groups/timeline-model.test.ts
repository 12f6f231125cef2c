import { describe, expect, it } from 'vitest';
import type { GroupMemberEntryDto } from '../../../shared/contract';
import { buildTimeline } from './timeline-model';

function entry(id: string, name: string, role: string, validFrom: string | null, validTo: string | null): GroupMemberEntryDto {
  return { id, groupId: 'g', relationId: `r-${name}`, displayName: name, number: 1, roleId: role, roleCode: role, roleName: role, mode: 'include', validFrom, validTo, notes: null };
}

describe('board timeline', () => {
  it('lays out a chair handing over to the next one, chair lanes first', () => {
    const tl = buildTimeline(
      [
        entry('1', 'Bakker', 'lid', '2022-01-01', null),
        entry('2', 'Jansen', 'voorzitter', '2020-01-01', '2026-04-01'),
        entry('3', 'De Vries', 'voorzitter', '2026-04-01', null),
      ],
      '2026-03-15',
      ['voorzitter', 'secretaris', 'lid'],
    );
    expect(tl.startYear).toBe(2020);
    expect(tl.endYear).toBe(2028);
    expect(tl.lanes.map((l) => l.name)).toEqual(['Jansen', 'De Vries', 'Bakker']);
    const [old, next] = tl.lanes;
    // The old chair's bar ends exactly where the new one's starts (half-open periods).
    expect(old!.bars[0]!.left + old!.bars[0]!.width).toBeCloseTo(next!.bars[0]!.left, 5);
    expect(next!.bars[0]!.openEnd).toBe(true);
    expect(tl.today).toBeGreaterThan(old!.bars[0]!.left);
  });

  it('ignores exclusions and keeps an axis of a few years without dates', () => {
    const excluded = { ...entry('x', 'Smit', 'lid', null, null), mode: 'exclude' as const };
    const tl = buildTimeline([excluded, entry('1', 'Smit', 'lid', null, null)], '2026-03-15', []);
    expect(tl.lanes).toHaveLength(1);
    expect(tl.startYear).toBe(2022);
    expect(tl.lanes[0]!.bars[0]).toMatchObject({ left: 0, width: 100, openStart: true, openEnd: true });
  });
});
