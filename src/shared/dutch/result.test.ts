import { describe, expect, it } from 'vitest';
import { fail, ok } from './result';
import type { Result } from './result';

describe('result helpers', () => {
  it('wraps a value', () => {
    const r: Result<number> = ok(5);
    expect(r).toEqual({ ok: true, value: 5 });
  });
  it('carries a code and only includes details when given', () => {
    expect(fail('X_FAILED')).toEqual({ ok: false, code: 'X_FAILED' });
    expect('details' in fail('X_FAILED')).toBe(false);
    expect(fail('X_FAILED', { max: 4 })).toEqual({ ok: false, code: 'X_FAILED', details: { max: 4 } });
  });
});
