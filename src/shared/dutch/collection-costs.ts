import { addDays, easterSunday } from './dates';

/**
 * Dutch collection costs for consumers (WIK, art. 6:96 BW and the Besluit vergoeding voor
 * buitengerechtelijke incassokosten): a staircase over the principal, at least € 40 and at
 * most € 6.775. They may be charged only after a free "veertiendagenbrief" that states them
 * and gives 14 days, counted from the day after the letter is deemed received.
 */
const STEPS: [upToCents: number, basisPoints: number][] = [
  [250_000, 1500],
  [500_000, 1000],
  [1_000_000, 500],
  [20_000_000, 100],
  [Number.POSITIVE_INFINITY, 50],
];
const MIN_CENTS = 4_000;
const MAX_CENTS = 677_500;

export function wikCollectionCosts(principalCents: number): number {
  if (principalCents <= 0) return 0;
  let costs = 0;
  let lower = 0;
  for (const [upper, bp] of STEPS) {
    if (principalCents <= lower) break;
    costs += ((Math.min(principalCents, upper) - lower) * bp) / 10_000;
    lower = upper;
  }
  return Math.min(MAX_CENTS, Math.max(MIN_CENTS, Math.round(costs)));
}


/** The generally recognised holidays of the Algemene termijnenwet (art. 3) in a year. */
export function dutchPublicHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return new Set([
    `${year}-01-01`,
    addDays(easter, 1),
    kingsDay,
    `${year}-05-05`,
    addDays(easter, 39),
    addDays(easter, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
}

/** Post is not delivered on Sundays, Mondays and public holidays. */
export function isPostalDay(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 1 && !dutchPublicHolidays(Number(iso.slice(0, 4))).has(iso);
}

/** A letter sent by ordinary post is deemed received on the second postal day after it was sent. */
export function deemedReceived(sentIso: string): string {
  let day = sentIso;
  for (let postal = 0; postal < 2; ) {
    day = addDays(day, 1);
    if (isPostalDay(day)) postal++;
  }
  return day;
}

/** The last day to pay after a 14-day letter: 14 days after the day it is deemed received. */
export function fourteenDayDeadline(sentIso: string): string {
  return addDays(deemedReceived(sentIso), 14);
}
