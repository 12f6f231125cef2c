import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { numberFormatter } from './number-format';

async function t(lng: 'nl' | 'en') {
  const i18n = i18next.createInstance().use(numberFormatter);
  await i18n.init({
    lng,
    interpolation: { escapeValue: false, alwaysFormat: true },
    resources: {
      [lng]: { translation: { rows_one: '{{count}} rij', rows_other: '{{count}} rijen', total: '{{shown}} van {{total}}', nr: 'nr. {{number}}', merged: 'nr. {{removedNumber}} in nr. {{keepNumber}}', who: '{{name}}' } },
    },
  });
  return i18n.t;
}

describe('numbers in texts', () => {
  it('writes counts the Dutch way, and the English way in English', async () => {
    const nl = await t('nl');
    expect(nl('rows', { count: 47733 })).toBe('47.733 rijen');
    expect(nl('rows', { count: 1 })).toBe('1 rij');
    expect(nl('total', { shown: 1200, total: 100000 })).toBe('1.200 van 100.000');
    expect((await t('en'))('rows', { count: 47733 })).toBe('47,733 rijen');
  });

  it('leaves identifiers and text alone', async () => {
    const nl = await t('nl');
    expect(nl('nr', { number: 12345 })).toBe('nr. 12345');
    expect(nl('merged', { removedNumber: 2002, keepNumber: 2001 })).toBe('nr. 2002 in nr. 2001');
    expect(nl('who', { name: 'Jan' })).toBe('Jan');
  });
});
