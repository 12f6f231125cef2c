import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { nl } from '../../i18n/nl';
import type { ExplanationNode } from '../../../shared/contract';
import { conditionText } from './condition-text';
import { explainLines } from './explanation-text';

async function dutch() {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { nl: { translation: nl } }, lng: 'nl', interpolation: { escapeValue: false } });
  return i18n.t;
}

const names = { subscriptionTypes: new Map([['lidm', 'Lidmaatschap']]) };

describe('conditions in words', () => {
  it('describes the typical leaf rules', async () => {
    const t = await dutch();
    expect(conditionText(t, { type: 'address', provinces: ['Utrecht'] }, names)).toBe('Woont in provincie Utrecht');
    expect(conditionText(t, { type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }, { from: 3700, to: 3700 }] }, names)).toBe(
      'Woont in postcodegebied 3500–3599 of 3700',
    );
    expect(conditionText(t, { type: 'subscription', typeCodes: ['lidm'] }, names)).toBe('Heeft abonnement Lidmaatschap');
    expect(conditionText(t, { type: 'address', cities: ['Bunnik', 'Zeist', 'Houten'] }, names)).toBe('Woont in Bunnik, Zeist of Houten');
  });

  it('combines with en/of/niet and brackets nested groups', async () => {
    const t = await dutch();
    const c = {
      type: 'and' as const,
      items: [
        { type: 'age' as const, min: 18 },
        { type: 'or' as const, items: [{ type: 'address' as const, cities: ['Utrecht'] }, { type: 'not' as const, item: { type: 'alive' as const } }] },
      ],
    };
    expect(conditionText(t, c, names)).toBe('Is minstens 18 jaar oud en (Woont in Utrecht of niet: Is in leven)');
    expect(conditionText(t, null, names)).toBe('Geen beperking');
  });
});

describe('the explanation tree in words', () => {
  it('names units, rule versions and atoms, and restores folded one-atom rules', async () => {
    const t = await dutch();
    const tree: ExplanationNode = {
      label: 'MEMBERSHIP',
      holds: false,
      detail: 'Lid',
      children: [
        { label: 'BASE_RULE', holds: true, detail: 'Lid', children: [] },
        {
          label: 'UNIT',
          holds: false,
          detail: 'Afdeling Oost',
          children: [
            { label: 'UNIT_ACTIVE', holds: true, detail: '2020-01-01/', children: [] },
            { label: 'RULE_GENERAL', holds: false, detail: '2027-01-01', children: [] },
          ],
        },
        { label: 'address', holds: true, detail: JSON.stringify({ provinces: ['Utrecht'] }), children: [] },
      ],
    };
    const lines = explainLines(
      {
        t,
        names,
        baseCondition: { type: 'subscription', typeCodes: ['lidm'] },
        ruleOf: (unit, general, from) => (unit === 'Afdeling Oost' && general && from === '2027-01-01' ? { type: 'address', postcodeRanges: [{ from: 3584, to: 3584 }] } : undefined),
      },
      tree,
    );
    expect(lines.children.map((l) => l.text)).toEqual([
      'Basisregel van Lid: Heeft abonnement Lidmaatschap',
      'Onderdeel Afdeling Oost',
      'Woont in provincie Utrecht',
    ]);
    expect(lines.children[1]!.children.map((l) => [l.holds, l.text])).toEqual([
      [true, 'Het onderdeel bestaat op die datum (vanaf 1-1-2020)'],
      [false, 'Algemene regel, versie vanaf 1-1-2027: Woont in postcodegebied 3584'],
    ]);
  });

  it('survives an atom it does not know', async () => {
    const t = await dutch();
    const line = explainLines({ t, names }, { label: 'futureAtom', holds: true, detail: '{"x":1}', children: [] });
    expect(line.text).toContain('futureAtom');
  });
});
