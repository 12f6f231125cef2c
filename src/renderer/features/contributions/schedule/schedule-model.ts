import type { FeeScheduleInput } from '../../../../shared/contract';

export type Draft = FeeScheduleInput;
export type Step = { from: string; percent: number };

/** A sensible start for a new period: a calendar year with the usual steps, nothing charged yet. */
export function newDraft(year: number, typeCodes: string[]): Draft {
  return {
    period: { code: String(year), name: String(year), start: `${year}-01-01`, end: `${year + 1}-01-01` },
    age: { mode: 'peildatum', date: `${year}-01-01` },
    ageCategories: [
      { code: 'jeugd', name: 'Jeugd', minAge: 0, maxAge: 17 },
      { code: 'senior', name: 'Senior', minAge: 18, maxAge: null },
    ],
    fees: typeCodes.slice(0, 1).flatMap((membershipType) => [
      { membershipType, ageCategory: 'jeugd', amountCents: 0 },
      { membershipType, ageCategory: 'senior', amountCents: 0 },
    ]),
    proRata: { joining: [{ from: '01-01', percent: 100 }, { from: '07-01', percent: 50 }], leaving: [] },
    household: null,
    paymentMethods: {},
    oneOffCharges: [],
    defaults: { method: 'factuur', frequency: 'jaar' },
  };
}

/** '04-01' ↔ '1-4' (day-month, as the Dutch write it). */
export const showMonthDay = (md: string) => `${Number(md.slice(3, 5))}-${Number(md.slice(0, 2))}`;
export function parseMonthDay(text: string): string | null {
  const m = /^(\d{1,2})[-/.](\d{1,2})$/u.exec(text.trim());
  if (!m) return null;
  const [d, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A category code from its name ('18–25' → 'c18-25'), unique within the draft. */
export function categoryCode(name: string, taken: string[]): string {
  const base = name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '') || 'categorie';
  let code = /^[a-z0-9]/u.test(base) ? base : `c${base}`;
  for (let n = 2; taken.includes(code); n++) code = `${base}-${n}`;
  return code;
}
