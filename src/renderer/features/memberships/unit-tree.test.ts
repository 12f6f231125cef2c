import { describe, expect, it } from 'vitest';
import type { UnitDto } from '../../../shared/contract';
import { buildUnitTree, flattenTree, unitPath } from './unit-tree';
import { layoutTimeline, markExceptions } from './timeline-layout';
import { parseYears } from './jubilee-years';

function unit(id: string, placements: [string | null, string | null, string | null][], extra: Partial<UnitDto> = {}): UnitDto {
  return {
    id,
    name: id,
    level: null,
    startDate: null,
    endDate: null,
    parentId: null,
    active: true,
    placements: placements.map(([parentId, validFrom, validTo], i) => ({ id: `${id}${i}`, parentId, validFrom, validTo })),
    relationId: null,
    membersGroupId: null,
    boardGroupId: null,
    counts: {},
    ...extra,
  };
}

describe('the unit tree on a date', () => {
  const units = [
    unit('NL', [[null, null, null]]),
    unit('Utrecht', [['NL', null, null]]),
    unit('Oost', [['Utrecht', null, '2027-01-01'], ['Amersfoort', '2027-01-01', null]]),
    unit('Amersfoort', [['NL', null, null]]),
    unit('Uithof', [['Utrecht', '2027-01-01', null]], { startDate: '2027-01-01', active: false }),
  ];

  it('hangs units where they are on that day', () => {
    const before = flattenTree(buildUnitTree(units, '2026-06-01')).map((n) => `${'.'.repeat(n.depth)}${n.unit.id}`);
    expect(before).toEqual(['NL', '.Amersfoort', '.Utrecht', '..Oost', '..Uithof']);
    const after = flattenTree(buildUnitTree(units, '2027-06-01')).map((n) => `${'.'.repeat(n.depth)}${n.unit.id}`);
    expect(after).toEqual(['NL', '.Amersfoort', '..Oost', '.Utrecht', '..Uithof']);
    expect(unitPath(units, 'Oost', '2027-06-01').map((u) => u.id)).toEqual(['NL', 'Amersfoort', 'Oost']);
  });

  it('does not hang on a loop in the data', () => {
    const loop = [unit('A', [['B', null, null]]), unit('B', [['A', null, null]])];
    expect(flattenTree(buildUnitTree(loop, '2026-01-01'))).toHaveLength(0);
    expect(unitPath(loop, 'A', '2026-01-01').map((u) => u.id)).toEqual(['B', 'A']);
  });
});

describe('the membership timeline', () => {
  it('spans whole years and marks the current membership', () => {
    const m = { id: 'm', relationId: 'r', unitId: 'u', unitName: 'Oost', typeId: 't', typeCode: 'lid', typeName: 'Lid', years: 2, viaException: false };
    const layout = layoutTimeline([{ ...m, startDate: '2024-01-01', endDate: '2027-01-01' }], '2026-01-01');
    expect(layout.from).toBe('2024-01-01');
    expect(layout.to).toBe('2028-01-01');
    expect(layout.lanes[0]!.bars[0]).toMatchObject({ left: 0, current: true });
    expect(Math.round(layout.lanes[0]!.bars[0]!.width)).toBe(75);
  });
});

describe('exception marks', () => {
  it('mark only the unit the exception places the relation in', () => {
    const m = { relationId: 'r', typeId: 't', typeCode: 'lid', typeName: 'Lid', years: 0, viaException: true };
    const rows = [
      { ...m, id: 'a', unitId: 'root', unitName: 'Root', startDate: '2005-01-01', endDate: null },
      { ...m, id: 'b', unitId: 'oost', unitName: 'Oost', startDate: '2020-01-01', endDate: '2023-01-01' },
    ];
    const marked = markExceptions(rows, [{ unitId: 'oost', membershipTypeId: 't', validFrom: '2020-01-01', validTo: '2023-01-01' }]);
    expect(marked.map((x) => x.viaException)).toEqual([false, true]);
  });
});

describe('jubilee years', () => {
  it('reads a typed list', () => {
    expect(parseYears('25, 10 50;40 400 0')).toEqual([10, 25, 40, 50]);
  });
});
