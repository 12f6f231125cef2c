import { describe, expect, it } from 'vitest';
import { emailDomain, normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Jan.de.Vries@Example.NL ')).toEqual({ ok: true, value: 'jan.de.vries@example.nl' });
  });
  it('accepts common real-world forms', () => {
    for (const raw of ['a@b.nl', 'jan+contributie@gmail.com', "o'brien@club.ie", 'info@sub.domein-naam.nl', 'zoë@voorbeeld.nl']) {
      expect(normalizeEmail(raw).ok).toBe(true);
    }
  });
  it('takes the address out of a pasted display form or mailto link', () => {
    expect(normalizeEmail('Jan de Vries <Jan@Example.nl>')).toEqual({ ok: true, value: 'jan@example.nl' });
    expect(normalizeEmail('mailto:jan@example.nl')).toEqual({ ok: true, value: 'jan@example.nl' });
  });
  it('rejects typical typos', () => {
    for (const raw of ['', 'jan', 'jan@', '@example.nl', 'jan@gmail', 'jan@gmail,com', 'jan@@example.nl', 'jan de vries@example.nl', 'jan..vries@example.nl', '.jan@example.nl', 'jan@-example.nl', 'jan@example.n1', 'jan@example.']) {
      expect(normalizeEmail(raw)).toEqual({ ok: false, code: 'EMAIL_INVALID' });
    }
  });
  it('rejects overlong addresses', () => {
    expect(normalizeEmail(`${'a'.repeat(65)}@example.nl`).ok).toBe(false);
    expect(normalizeEmail(`a@${'b'.repeat(250)}.nl`).ok).toBe(false);
  });
});

describe('emailDomain', () => {
  it('returns the lower-cased domain', () => {
    expect(emailDomain('jan@Example.NL')).toBe('example.nl');
    expect(emailDomain('geen-adres')).toBeNull();
    expect(emailDomain('jan@')).toBeNull();
  });
});
