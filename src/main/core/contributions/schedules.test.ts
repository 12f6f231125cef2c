import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { schedule2027, setupClub } from './testing/contribution-fixture';

let core: ReturnType<typeof createTestCore>;
beforeAll(async () => {
  core = createTestCore();
  await setupClub(core);
});
afterAll(() => core.close());

describe('fee schedules', () => {
  it('saves versions and runs with the newest, recording which', async () => {
    expect(await core.call('feeSchedules.save', { schedule: schedule2027() })).toMatchObject({ version: 1 });
    const v2 = schedule2027({ fees: [{ membershipType: 'lid', amountCents: 5000 }] });
    expect(await core.call('feeSchedules.save', { schedule: v2 })).toMatchObject({ version: 2 });
    expect((await core.call('feeSchedules.get', { periodCode: '2027' })).schedule.fees).toEqual([{ membershipType: 'lid', ageCategory: null, amountCents: 5000 }]);
    expect((await core.call('feeSchedules.get', { periodCode: '2027', version: 1 })).schedule.fees).toHaveLength(4);
    expect((await core.call('feeSchedules.list', {})).rows.map((r) => r.version)).toEqual([2, 1]);
    expect(await core.call('contributionRuns.run', { periodCode: '2027', dryRun: true })).toMatchObject({ scheduleVersion: 2 });
  });

  it('names each field that is wrong, with a code', async () => {
    const bad = schedule2027({
      period: { code: '2028', start: '2028-01-01', end: '2027-01-01' },
      fees: [
        { membershipType: 'lid', ageCategory: 'onbekend', amountCents: 10 },
        { membershipType: 'lid', ageCategory: 'onbekend', amountCents: 12.5 },
      ],
      proRata: { joining: [{ from: '02-30', percent: 50 }], leaving: [] },
    });
    const e = await core.call('feeSchedules.save', { schedule: bad }).catch((x: unknown) => x);
    expect((e as { issues: { field: string; code: string }[] }).issues).toEqual(
      expect.arrayContaining([
        { field: 'schedule.fees.1.amountCents', code: 'AMOUNT_NOT_CENTS' },
        { field: 'schedule.proRata.joining.0.from', code: 'MONTH_DAY_INVALID' },
      ]),
    );
    const e2 = await core.call('feeSchedules.save', { schedule: schedule2027({ period: { code: '2028', start: '2028-01-01', end: '2027-01-01' }, fees: [{ membershipType: 'lid', ageCategory: 'onbekend', amountCents: 10 }, { membershipType: 'lid', ageCategory: 'onbekend', amountCents: 10 }] }) }).catch((x: unknown) => x);
    expect((e2 as { issues: { field: string; code: string }[] }).issues).toEqual(
      expect.arrayContaining([
        { field: 'schedule.period.end', code: 'PERIOD_END_BEFORE_START' },
        { field: 'schedule.fees.0.ageCategory', code: 'AGE_CATEGORY_UNKNOWN' },
        { field: 'schedule.fees.1', code: 'FEE_DUPLICATE' },
      ]),
    );
    expect((await core.call('feeSchedules.list', {})).rows.some((r) => r.periodCode === '2028')).toBe(false);
    const hidden = await core.call('feeSchedules.save', { schedule: schedule2027({ paymentMethods: { factuur: { amountCents: 100, description: 'Kosten\u202e' } } }) }).catch((x: unknown) => x);
    expect((hidden as { issues: unknown[] }).issues).toEqual([{ field: 'schedule.paymentMethods.factuur.description', code: 'TEXT_CONTROL_CHARACTER' }]);
  });

  it('takes age by birth year when the schedule says so, and handles 29 February on the reference date', async () => {
    const { person } = await setupClubLater();
    const late = await person('Willem Winter', '2009-12-31');
    const leap = await person('Lea Schrikkel', '2008-02-29');
    const byYear = schedule2027({ period: { code: 'by2027', start: '2027-01-01', end: '2028-01-01' }, age: { mode: 'geboortejaar', year: 2027 }, paymentMethods: {}, household: null });
    await core.call('feeSchedules.save', { schedule: byYear });
    const r = await core.call('contributionRuns.run', { periodCode: 'by2027', dryRun: true, invoiceDate: '2026-12-01' });
    const line = (id: string) => r.invoices.find((i) => i.payerRelationId === id)!.lines[0]!.description;
    expect(line(late)).toBe('Lid, 18–25 geboortejaar t.o.v. 2027: € 45,00');
    // Born 29-2-2008: 17 on 28 February 2026, 18 on 1 March 2026.
    for (const [date, expected] of [['2026-02-28', 'Lid, Jeugd op 28-2-2026: € 30,00'], ['2026-03-01', 'Lid, 18–25 op 1-3-2026: € 45,00']] as const) {
      const code = `p${date.slice(5).replace('-', '')}`;
      await core.call('feeSchedules.save', { schedule: schedule2027({ period: { code, start: '2026-01-01', end: '2027-01-01' }, age: { mode: 'peildatum', date }, paymentMethods: {}, household: null }) });
      const run = await core.call('contributionRuns.run', { periodCode: code, dryRun: true, invoiceDate: '2025-12-01' });
      expect(run.invoices.find((i) => i.payerRelationId === leap)!.lines[0]!.description).toBe(expected);
    }
  });
});

async function setupClubLater() {
  const typeId = (await core.call('subscriptionTypes.list', {})).rows.find((t) => t.code === 'lidmaatschap')!.id;
  return {
    person: async (name: string, birthDate: string) => {
      const [firstName, lastName] = name.split(' ');
      const { id } = await core.call('relations.create', {
        kind: 'person',
        fields: { firstName, lastName, birthDate },
        address: { street: 'Laan', houseNumber: 1, postcode: '3581 AB', validFrom: '2000-01-01' },
      });
      await core.call('subscriptions.add', { relationId: id, subscription: { typeId, startDate: '2020-01-01' } });
      return id;
    },
  };
}
