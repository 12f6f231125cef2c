import { describe, expect, it } from 'vitest';
import { deemedReceived, dutchPublicHolidays, fourteenDayDeadline, wikCollectionCosts } from './collection-costs';

describe('WIK collection costs', () => {
  it('is at least € 40, then 15% of the first € 2.500 and 10% of the next', () => {
    expect(wikCollectionCosts(4_500)).toBe(4_000);
    expect(wikCollectionCosts(26_600)).toBe(4_000); // 15% = 39,90 → minimum
    expect(wikCollectionCosts(50_000)).toBe(7_500);
    expect(wikCollectionCosts(300_000)).toBe(42_500); // 375 + 50
    expect(wikCollectionCosts(1_200_000)).toBe(37_500 + 25_000 + 25_000 + 2_000);
  });
  it('is at most € 6.775 and nothing for nothing owed', () => {
    expect(wikCollectionCosts(500_000_000)).toBe(677_500);
    expect(wikCollectionCosts(0)).toBe(0);
  });
});

describe('the 14-day letter', () => {
  it('knows the holidays of the Algemene termijnenwet', () => {
    expect([...dutchPublicHolidays(2027)].sort()).toEqual([
      '2027-01-01', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26',
    ]);
    expect(dutchPublicHolidays(2025).has('2025-04-26')).toBe(true); // 27 April 2025 is a Sunday
  });
  it('is deemed received on the second postal day, skipping Sunday and Monday', () => {
    expect(deemedReceived('2027-01-12')).toBe('2027-01-14'); // Tue → Thu
    expect(deemedReceived('2027-01-15')).toBe('2027-01-19'); // Fri → Sat, (Sun, Mon), Tue
    expect(deemedReceived('2027-05-04')).toBe('2027-05-08'); // Tue → (5 May, Ascension) Fri, Sat
    expect(fourteenDayDeadline('2027-01-12')).toBe('2027-01-28');
  });
});
