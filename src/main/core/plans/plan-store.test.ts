import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors';
import { createPlanStore } from './plan-store';

function store(maxWeight = 100, ttlMs = 1000) {
  let t = 0;
  let n = 0;
  const plans = createPlanStore({ now: () => t, newId: () => `p${++n}`, maxWeight, ttlMs });
  return { plans, advance: (ms: number) => void (t += ms) };
}

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).details?.['reason'];
  }
  return null;
};

describe('plan store', () => {
  it('bounds the weight held, dropping the least recently used plans first', () => {
    const { plans } = store(100);
    const a = plans.hold('k', 'a', { weight: 40, basis: 1 });
    const b = plans.hold('k', 'b', { weight: 40, basis: 1 });
    plans.use('k', a.planId); // b is now the least recently used
    const c = plans.hold('k', 'c', { weight: 40, basis: 1 });
    expect(plans.weight()).toBe(80);
    expect(plans.use('k', a.planId).value).toBe('a');
    expect(plans.use('k', c.planId).value).toBe('c');
    expect(reason(() => plans.use('k', b.planId))).toBe('PLAN_EXPIRED');
    expect(reason(() => plans.hold('k', 'huge', { weight: 101, basis: 1 }))).toBe('PLAN_TOO_LARGE');
  });

  it('expires plans that were not used for the idle time, and using one keeps it', () => {
    const { plans, advance } = store(100, 1000);
    const a = plans.hold('k', 'a', { weight: 1, basis: 1 });
    const b = plans.hold('k', 'b', { weight: 1, basis: 1 });
    advance(900);
    plans.use('k', a.planId);
    advance(900);
    expect(plans.use('k', a.planId).value).toBe('a');
    expect(reason(() => plans.use('k', b.planId))).toBe('PLAN_EXPIRED');
  });

  it('never hands a plan out as another kind', () => {
    const { plans } = store();
    const a = plans.hold('import.source', 'a', { weight: 1, basis: 0 });
    expect(reason(() => plans.use('import.plan', a.planId))).toBe('PLAN_EXPIRED');
  });
});
