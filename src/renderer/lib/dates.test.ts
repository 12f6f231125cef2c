import { describe, expect, it } from 'vitest';
import { exclusiveEnd, inclusiveEnd, parseDateText, periodText, showDate } from './dates';

const words = {
  from: (d: string) => `vanaf ${d}`,
  until: (d: string) => `t/m ${d}`,
  between: (a: string, b: string) => `${a} t/m ${b}`,
};

describe('validity periods in the UI', () => {
  it('shows the half-open end as the last valid day', () => {
    expect(inclusiveEnd('2026-11-01')).toBe('2026-10-31');
    expect(inclusiveEnd('2024-03-01')).toBe('2024-02-29');
    expect(inclusiveEnd(null)).toBeNull();
  });

  it('turns the typed last day back into the first day no longer valid', () => {
    expect(exclusiveEnd('2026-10-31')).toBe('2026-11-01');
    expect(exclusiveEnd('2026-12-31')).toBe('2027-01-01');
  });

  it('writes periods the Dutch way', () => {
    expect(periodText('2024-01-01', '2026-11-01', words)).toBe('1-1-2024 t/m 31-10-2026');
    expect(periodText('2024-01-01', null, words)).toBe('vanaf 1-1-2024');
    expect(periodText(null, '2025-03-01', words)).toBe('t/m 28-2-2025');
    expect(periodText(null, null, words)).toBe('');
  });
});

describe('date input', () => {
  it('accepts Dutch notations and empty', () => {
    expect(parseDateText('3-7-1961')).toEqual({ ok: true, value: '1961-07-03' });
    expect(parseDateText('3 juli 1961')).toEqual({ ok: true, value: '1961-07-03' });
    expect(parseDateText('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses impossible dates with one code', () => {
    expect(parseDateText('31-2-1990')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parseDateText('gisteren')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
  });

  it('shows ISO dates as d-m-yyyy', () => {
    expect(showDate('2026-03-09')).toBe('9-3-2026');
    expect(showDate(null)).toBe('');
  });
});
