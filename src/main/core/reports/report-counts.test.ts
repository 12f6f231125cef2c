import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import * as engine from '../conditions/condition-engine';
import { generateDemo } from '../demo/generate-demo';
import { membershipTypes, unitsOn } from '../overview/overview-figures';

// Watch which evaluation the reports ask for: a count, or whole lists only to be counted.
vi.mock('../conditions/condition-engine', async (importOriginal) => {
  const real = await importOriginal<typeof engine>();
  return { ...real, evaluateConditions: vi.fn(real.evaluateConditions), countConditions: vi.fn(real.countConditions) };
});

/**
 * The counting reports (members per unit and type, age categories) count each cell with the
 * lists' own evaluation (countConditions) instead of building every list to take its size:
 * each cell equals the length of the list of that condition (conditions.evaluate).
 */
describe('counting reports', () => {
  let core: ReturnType<typeof createTestCore>;
  beforeAll(() => {
    core = createTestCore();
    core.clock.set('2026-06-15');
    generateDemo(core, { relations: 400, seed: 3 });
  });
  afterAll(() => core.close());

  const listLength = async (condition: Condition, moment: EvaluationMoment) => (await core.call('conditions.evaluate', { condition, moment, offset: 0, limit: 1 })).total;

  it('members per unit and type: every cell is the length of its list, counted without building the lists', async () => {
    vi.mocked(engine.evaluateConditions).mockClear();
    vi.mocked(engine.countConditions).mockClear();
    const r = await core.call('reports.membersPerUnit', { from: '2026-01-01', to: '2026-06-15', format: 'xlsx' });
    expect(engine.evaluateConditions).not.toHaveBeenCalled();
    expect(engine.countConditions).toHaveBeenCalledTimes(1);
    const types = membershipTypes(core.ctx);
    const units = unitsOn(core.ctx, '2026-06-14');
    expect(r.rows).toHaveLength(units.length * types.length);
    let i = 0;
    let members = 0;
    for (const u of units)
      for (const t of types) {
        const m: Condition = { type: 'membership', unitId: u.id, typeCodes: [t.code], includeSubunits: true };
        const period = { from: '2026-01-01', to: '2026-06-15' };
        expect(r.rows[i], `${u.name} ${t.name}`).toMatchObject({
          start: await listLength(m, { on: '2026-01-01' }),
          in: await listLength({ type: 'duration', item: m, maxDays: 0 }, period),
          out: await listLength({ type: 'duration', item: { type: 'not', item: m }, maxDays: 0 }, period),
          end: await listLength(m, { on: '2026-06-14' }),
        });
        members += Number(r.rows[i]!['end']);
        i++;
      }
    expect(members).toBeGreaterThan(0);
  });

  it('age categories: every category is the length of its list, counted without building the lists', async () => {
    vi.mocked(engine.evaluateConditions).mockClear();
    const categories = [
      { name: 'Jeugd', min: 0, max: 17, levyCents: 500 },
      { name: 'Senioren', min: 18, levyCents: 1250 },
    ];
    const r = await core.call('reports.ageCategories', { year: 2026, categories, format: 'xlsx' });
    expect(engine.evaluateConditions).not.toHaveBeenCalled();
    const member: Condition = { type: 'membership', includeSubunits: true };
    const lengths = await Promise.all(categories.map((c) => listLength({ type: 'and', items: [member, { type: 'age', min: c.min, ...(c.max !== undefined ? { max: c.max } : {}) }] }, { on: '2026-01-01' })));
    expect(r.rows.map((x) => x['members'])).toEqual(lengths);
    expect(lengths[1]).toBeGreaterThan(0);
  });
});
