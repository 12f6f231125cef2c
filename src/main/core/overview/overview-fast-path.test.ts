import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { countConditions, evaluateCondition, evaluateConditions } from '../conditions/condition-engine';
import { keptSummary } from '../conditions/kept-results';
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

/**
 * Inside a transaction nothing is kept or taken from what is kept (kept-facts.ts,
 * kept-results.ts, kept-scan.ts): the answer is computed afresh from the rows.
 */
const fresh = <T>(fn: () => T): T => core.ctx.sqlite.transaction(fn)();

/** Straightforward: the whole history of the condition alone, computed afresh, the relations holding it on the day. */
function onDayAlone(condition: Condition, day: string): string[] {
  const always = fresh(() => evaluateCondition(core.ctx, condition, 'always'));
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
          expect({ label, result: fast[i] }).toEqual({ label, result: fresh(() => evaluateCondition(core.ctx, condition, moment)) });
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

  it('gives after every kind of edit what a fresh computation gives (kept results, kept-results.ts)', () => {
    const days = [ON, '2026-01-01', '2012-05-09'];
    const itemsOn = (day: string): { key: string; condition: Condition; moment: EvaluationMoment }[] => [
      ...overviewFigures(core.ctx, { on: day, birthdayDays: 14, jubileeDays: 31 }).map((f) => ({ key: f.key, condition: f.condition, moment: f.moment })),
      ...extraConditions().map((condition) => ({ key: JSON.stringify(condition), condition, moment: { on: day } as EvaluationMoment })),
    ];
    const compare = (label: string) => {
      for (const day of days) {
        const items = itemsOn(day);
        const counts = countConditions(core.ctx, items);
        const shared = evaluateConditions(core.ctx, items);
        items.forEach(({ key, condition, moment }, i) => {
          const expected = fresh(() => evaluateCondition(core.ctx, condition, moment));
          const tag = `${label} ${day} ${key}`;
          // The list behind a number (conditions.evaluate: evaluateCondition alone), the shared evaluation and the count.
          expect({ tag, list: evaluateCondition(core.ctx, condition, moment) }).toEqual({ tag, list: expected });
          expect({ tag, shared: shared[i] }).toEqual({ tag, shared: expected });
          expect({ tag, count: counts[i] }).toEqual({ tag, count: expected.size });
        });
      }
    };
    const q = <T>(sql: string, ...args: unknown[]) => core.ctx.sqlite.prepare(sql).get(...args) as T;
    const run = (sql: string, ...args: unknown[]) => core.ctx.write('test.change', null, () => core.ctx.sqlite.prepare(sql).run(...args));
    compare('before');
    // memberships: a running membership ends this spring, a former member joins again (joined, left, jubilees, types, units).
    const running = q<{ id: string; relation: string }>(`SELECT id, relation_id AS relation FROM memberships WHERE end_date IS NULL ORDER BY id LIMIT 1 OFFSET 3`);
    run(`UPDATE memberships SET end_date = '2026-04-01' WHERE relation_id = ? AND end_date IS NULL`, running.relation);
    const former = q<{ relation: string; unit: string; type: string }>(
      `SELECT relation_id AS relation, unit_id AS unit, membership_type_id AS type FROM memberships m
        WHERE end_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.relation_id = m.relation_id AND o.end_date IS NULL) LIMIT 1`,
    );
    run(`INSERT INTO memberships (id, relation_id, unit_id, membership_type_id, start_date, end_date) VALUES (?, ?, ?, ?, '2026-02-10', NULL)`, core.ctx.newId(), former.relation, former.unit, former.type);
    compare('memberships');
    // relations: a member's birth date (age bands, birthdays), e-mail gone, a death (alive, jubilees), one to the trash.
    const members = core.ctx.sqlite.prepare(`SELECT DISTINCT relation_id AS id FROM memberships WHERE end_date IS NULL ORDER BY relation_id LIMIT 4 OFFSET 10`).all() as { id: string }[];
    run(`UPDATE relations SET birth_date = '1961-06-20', email = NULL, email2 = NULL WHERE id = ?`, members[0]!.id);
    run(`UPDATE relations SET death_date = '2026-05-01' WHERE id = ?`, members[1]!.id);
    run(`UPDATE relations SET birth_date = NULL WHERE id = ?`, members[2]!.id);
    run(`UPDATE relations SET deleted_at = 1 WHERE id = ?`, members[3]!.id);
    compare('relations');
    // A relation the kept results have never seen: a new member (its number lies beyond every kept layout).
    const newcomer = core.ctx.newId();
    run(
      `INSERT INTO relations (id, kind, number, first_name, last_name, birth_date, display_name, sort_key, created_at, updated_at)
       VALUES (?, 'person', (SELECT max(number) + 1 FROM relations), 'Nieuw', 'Lid', '2001-03-04', 'Nieuw Lid', 'lid nieuw', 0, 0)`,
      newcomer,
    );
    run(`INSERT INTO memberships (id, relation_id, unit_id, membership_type_id, start_date, end_date) VALUES (?, ?, ?, ?, '2025-09-01', NULL)`, core.ctx.newId(), newcomer, former.unit, former.type);
    compare('new relation');
    // addresses: one removed (no address), one postcode made unknown (invalid postcode).
    const withAddress = core.ctx.sqlite
      .prepare(`SELECT a.id, a.relation_id AS relation FROM addresses a JOIN memberships m ON m.relation_id = a.relation_id AND m.end_date IS NULL ORDER BY a.id LIMIT 2`)
      .all() as { id: string; relation: string }[];
    run(`DELETE FROM addresses WHERE relation_id = ?`, withAddress[0]!.relation);
    run(`UPDATE addresses SET postcode = '0000 AA', country = 'NL' WHERE id = ?`, withAddress[1]!.id);
    compare('addresses');
    // An address moved to another relation (as a merge does): both relations changed.
    const moved = core.ctx.sqlite
      .prepare(`SELECT a.id, a.relation_id AS relation FROM addresses a JOIN memberships m ON m.relation_id = a.relation_id AND m.end_date IS NULL ORDER BY a.id LIMIT 1 OFFSET 7`)
      .get() as { id: string; relation: string };
    run(`DELETE FROM addresses WHERE relation_id = ? AND id <> ?`, moved.relation, moved.id);
    compare('one address left');
    run(`UPDATE addresses SET relation_id = ? WHERE id = ?`, withAddress[0]!.relation, moved.id);
    compare('address moved');
    // Direct debit: a parent pays by direct debit for a child (the signal is the parent's, the row the child's), a mandate ends with a return code.
    const [child, parent] = members.slice(0, 2);
    run(`UPDATE relations SET iban = NULL WHERE id = ?`, parent!.id);
    run(`DELETE FROM payment_settings WHERE relation_id = ?`, parent!.id);
    compare('iban');
    // Only the child's row changes: the parent's signals must follow (a per-relation patch would miss them).
    run(`DELETE FROM payment_settings WHERE relation_id = ?`, child!.id);
    run(
      `INSERT INTO payment_settings (id, relation_id, method, payer_relation_id, exempt, created_at, updated_at) VALUES (?, ?, 'incasso', ?, 0, 0, 0)`,
      core.ctx.newId(),
      child!.id,
      parent!.id,
    );
    compare('payment settings');
    const mandate = q<{ id: string } | undefined>(`SELECT id FROM sepa_mandates WHERE status = 'active' ORDER BY id LIMIT 1`);
    if (mandate) run(`UPDATE sepa_mandates SET status = 'ended', ended_on = '2026-03-03', end_reason = 'MD07' WHERE id = ?`, mandate.id);
    compare('mandates');
    // A row without a relation (a membership type): every kept result that reads it is evaluated again in full.
    run(`UPDATE membership_types SET name = name || ' (oud)' WHERE code = 'donateur'`);
    compare('membership type');
  });

  it('keeps a condition asked alone on its second ask, the overview\'s at once: conditions asked once do not push out its kept results', () => {
    const keptKeys = () => new Set(keptSummary(core.ctx).map((k) => k.key));
    const figure: Condition = { type: 'and', items: [MEMBER, { type: 'age', min: 40 }] };
    evaluateConditions(core.ctx, [{ condition: figure, moment: { on: ON } }]);
    expect(keptKeys().has(JSON.stringify(figure))).toBe(true);
    // A selection being edited: a new condition at every step, each asked once (more than the kept results' bound of 48).
    const steps: Condition[] = Array.from({ length: 60 }, (_, i) => ({ type: 'and', items: [{ type: 'alive' }, { type: 'age', min: 10 + i }] }));
    for (const step of steps) expect(evaluateCondition(core.ctx, step, { on: ON })).toEqual(fresh(() => evaluateCondition(core.ctx, step, { on: ON })));
    const afterSteps = keptKeys();
    expect(afterSteps.has(JSON.stringify(figure))).toBe(true);
    expect(steps.filter((c) => afterSteps.has(JSON.stringify(c)))).toEqual([]);
    // Asked again (a list paged, the selection saved and opened): kept from then on, and patched after an edit.
    const list = steps[20]!;
    evaluateCondition(core.ctx, list, { on: ON });
    expect(keptKeys().has(JSON.stringify(list))).toBe(true);
    const someone = core.ctx.sqlite.prepare(`SELECT id FROM relations WHERE deleted_at IS NULL AND kind = 'person' AND birth_date IS NOT NULL ORDER BY id LIMIT 1`).get() as { id: string };
    core.ctx.write('test.change', null, () => core.ctx.sqlite.prepare(`UPDATE relations SET birth_date = '1950-02-03' WHERE id = ?`).run(someone.id));
    for (const moment of [{ on: ON }, { on: '2001-01-01' }, { from: '2010-01-01', to: '2020-01-01' }] as EvaluationMoment[])
      expect(evaluateCondition(core.ctx, list, moment)).toEqual(fresh(() => evaluateCondition(core.ctx, list, moment)));
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
