import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { countConditions, evaluateCondition, evaluateConditions } from '../conditions/condition-engine';
import { contains, toDay, type IntervalSet } from '../conditions/interval-set';
import { generateDemo } from '../demo/generate-demo';
import { MEMBER, overviewFigures, unitsOn } from './overview-figures';
import { countOnDays, memberSeries, monthStarts } from './member-series';

/**
 * The overview's fast path against the straightforward evaluation, on the demo (units with
 * rules, two membership types, 20 years of joins and leaves, moves, deaths, mandates,
 * doubles) in a real SQLite file. The fast path evaluates many conditions together: the fact
 * tables read once and filtered in memory (bulk), sub-conditions shared, and a one-day moment
 * as set operations on ids. The straightforward one is each condition alone, with SQL per atom,
 * over its whole history ('always'), read on the day. They must agree relation for relation.
 */
const ON = '2026-06-15';
const DAYS = [ON, '2026-01-01', '2019-03-01', '2010-12-31', '2006-07-01'];
let core: ReturnType<typeof createTestCore>;
let cleanup: () => void;

beforeAll(() => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  core = createTestCore({ file: path.join(dir.dir, 'demo.sqlite') });
  core.clock.set(ON);
  generateDemo(core, { relations: 700, seed: 42, today: ON });
});
afterAll(() => {
  core.close();
  cleanup();
});

/** Straightforward: the whole history of the condition alone, the relations holding it on the day. */
function onDayAlone(condition: Condition, day: string): string[] {
  const always = evaluateCondition(core.ctx, condition, 'always');
  return [...always].filter(([, set]) => contains(set, toDay(day))).map(([id]) => id).sort();
}

const ids = (m: Map<string, IntervalSet>) => [...m.keys()].sort();

/** Conditions beyond the figures: NOT and OR over the shared parts, durations with both bounds, a unit with a type. */
function extraConditions(): Condition[] {
  const units = unitsOn(core.ctx, ON);
  const unit = units.find((u) => u.depth === 1)!.id;
  return [
    { type: 'not', item: MEMBER },
    { type: 'or', items: [{ type: 'membership', typeCodes: ['donateur'], includeSubunits: true }, { type: 'not', item: { type: 'address' } }] },
    { type: 'and', items: [{ type: 'membership', unitId: unit, typeCodes: ['lid'], includeSubunits: true }, { type: 'not', item: { type: 'age', min: 65 } }] },
    { type: 'duration', item: MEMBER, minDays: 365, maxDays: 3650 },
    { type: 'duration', item: { type: 'not', item: MEMBER }, minDays: 30 },
    { type: 'and', items: [{ type: 'alive' }, { type: 'not', item: { type: 'duration', item: MEMBER, minDays: 1000 } }] },
    { type: 'or', items: [] },
    { type: 'and', items: [] },
  ];
}

describe('the overview fast path', () => {
  it('agrees with each condition evaluated alone, on the day and over the year', () => {
    for (const day of DAYS) {
      const figures = overviewFigures(core.ctx, { on: day, birthdayDays: 14, jubileeDays: 31 });
      const items: { condition: Condition; moment: EvaluationMoment }[] = [
        ...figures.map((f) => ({ condition: f.condition, moment: f.moment })),
        ...extraConditions().map((condition) => ({ condition, moment: { on: day } })),
      ];
      const fast = evaluateConditions(core.ctx, items);
      let nonEmpty = 0;
      items.forEach(({ condition, moment }, i) => {
        const label = `${day} ${figures[i]?.key ?? JSON.stringify(condition)}`;
        if ('on' in moment) {
          expect({ label, ids: ids(fast[i]!) }).toEqual({ label, ids: onDayAlone(condition, moment.on) });
          // Each found relation holds it on exactly that day.
          for (const set of fast[i]!.values()) expect(set).toEqual([{ from: toDay(moment.on), to: toDay(moment.on) + 1 }]);
        } else {
          // A period (joined and left this year, birthdays coming up): the same days per relation.
          expect({ label, result: fast[i] }).toEqual({ label, result: evaluateCondition(core.ctx, condition, moment) });
        }
        if (fast[i]!.size > 0) nonEmpty++;
      });
      // A comparison of empty answers proves nothing: most conditions find someone.
      expect(nonEmpty).toBeGreaterThan(items.length / 2);
    }
  });

  it('counts what it lists, and follows changes to the rows it keeps between evaluations', () => {
    const compare = () => {
      const figures = overviewFigures(core.ctx, { on: ON, birthdayDays: 14, jubileeDays: 31 });
      const items = figures.map((f) => ({ condition: f.condition, moment: f.moment }));
      const fast = evaluateConditions(core.ctx, items);
      expect(countConditions(core.ctx, items)).toEqual(fast.map((m) => m.size));
      items.forEach(({ condition, moment }, i) => {
        if ('on' in moment) expect({ key: figures[i]!.key, ids: ids(fast[i]!) }).toEqual({ key: figures[i]!.key, ids: onDayAlone(condition, moment.on) });
      });
    };
    compare();
    // Kept membership periods and relation rows (kept-facts.ts) must see these writes.
    const member = core.ctx.sqlite.prepare(`SELECT relation_id AS id FROM memberships WHERE end_date IS NULL LIMIT 1`).get() as { id: string };
    const person = core.ctx.sqlite.prepare(`SELECT id FROM relations WHERE kind = 'person' AND birth_date IS NOT NULL AND deleted_at IS NULL LIMIT 1 OFFSET 5`).get() as { id: string };
    core.ctx.write('test.change', null, () => {
      core.ctx.sqlite.prepare(`UPDATE memberships SET end_date = '2026-03-01' WHERE relation_id = ? AND end_date IS NULL`).run(member.id);
      core.ctx.sqlite.prepare(`UPDATE relations SET birth_date = '1926-06-20', email = NULL, email2 = NULL WHERE id = ?`).run(person.id);
    });
    compare();
    core.ctx.write('test.change', null, () => core.ctx.sqlite.prepare(`UPDATE relations SET deleted_at = 1 WHERE id = ?`).run(member.id));
    compare();
  });

  it('draws each chart line as the line evaluated alone', () => {
    const months = monthStarts(ON, 240);
    for (const by of ['type', 'unit'] as const) {
      const chart = memberSeries(core.ctx, { until: ON, months: 240, by });
      expect(chart.series.length).toBeGreaterThan(1);
      for (const line of chart.series) {
        expect({ key: line.key, counts: line.counts }).toEqual({ key: line.key, counts: countOnDays(core.ctx, line.condition, months) });
        for (const i of [0, 60, 150, 239]) expect(line.counts[i]).toBe(onDayAlone(line.condition, months[i]!).length);
      }
      expect(chart.series.some((l) => l.counts[0]! > 0 && l.counts[0] !== l.counts[239])).toBe(true);
    }
  });

});
