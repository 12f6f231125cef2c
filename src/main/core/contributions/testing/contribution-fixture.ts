import type { Core } from '../../create-core';
import type { FeeScheduleInput } from '../../../../shared/contract/fee-schedule';

/**
 * A club with a Lid and a Donateur type (from Lidmaatschap/Donatie subscriptions) under one
 * unit without rules, and helpers to add people. For the contribution tests.
 */
export async function setupClub(core: Core) {
  await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' });
  await core.call('subscriptionTypes.create', { code: 'donatie', name: 'Donatie' });
  await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['lidmaatschap'] } });
  await core.call('membershipTypes.create', { code: 'donateur', name: 'Donateur', baseCondition: { type: 'subscription', typeCodes: ['donatie'] } });
  await core.call('units.create', { unit: { name: 'Vereniging', startDate: '2000-01-01' }, parentId: null, generalRule: null });
  const types = (await core.call('subscriptionTypes.list', {})).rows;
  const typeId = (code: string) => types.find((t) => t.code === code)!.id;

  let house = 100;
  async function person(p: {
    name: string;
    birthDate?: string | null;
    from?: string;
    to?: string | null;
    type?: 'lidmaatschap' | 'donatie';
    address?: { street: string; houseNumber: number; postcode: string } | null;
    iban?: string;
  }): Promise<string> {
    const [firstName, ...rest] = p.name.split(' ');
    const address = p.address === null ? undefined : (p.address ?? { street: 'Laan', houseNumber: house++, postcode: '3581 AB' });
    const { id } = await core.call('relations.create', {
      kind: 'person',
      fields: { firstName, lastName: rest.join(' ') || 'Test', birthDate: p.birthDate === undefined ? '1990-06-15' : p.birthDate, iban: p.iban ?? null },
      ...(address ? { address: { ...address, validFrom: '2000-01-01' } } : {}),
    });
    await core.call('subscriptions.add', { relationId: id, subscription: { typeId: typeId(p.type ?? 'lidmaatschap'), startDate: p.from ?? '2020-01-01', endDate: p.to ?? null } });
    return id;
  }
  return { person };
}

/** The schedule of the scenarios: a calendar year, age on 1 January. */
export function schedule2027(overrides: Partial<FeeScheduleInput> = {}): FeeScheduleInput {
  return {
    period: { code: '2027', name: '2027', start: '2027-01-01', end: '2028-01-01' },
    age: { mode: 'peildatum', date: '2027-01-01' },
    ageCategories: [
      { code: 'jeugd', name: 'Jeugd', minAge: 0, maxAge: 17 },
      { code: 'jong', name: '18–25', minAge: 18, maxAge: 25 },
      { code: 'senior', name: 'Senior', minAge: 26, maxAge: null },
    ],
    fees: [
      { membershipType: 'lid', ageCategory: 'jeugd', amountCents: 3000 },
      { membershipType: 'lid', ageCategory: 'jong', amountCents: 4500 },
      { membershipType: 'lid', ageCategory: 'senior', amountCents: 6000 },
      { membershipType: 'donateur', amountCents: 2500 },
    ],
    proRata: {
      joining: [
        { from: '01-01', percent: 100 },
        { from: '04-01', percent: 80 },
        { from: '07-01', percent: 60 },
        { from: '10-01', percent: 40 },
      ],
      leaving: [
        { from: '01-01', percent: 50 },
        { from: '07-01', percent: 100 },
      ],
    },
    household: { by: 'adres', steps: [{ position: 3, percent: 80 }, { position: 4, percent: 60 }, { position: 5, percent: 40 }], capCents: 16000 },
    paymentMethods: {
      factuur: { amountCents: 150, description: 'Administratiekosten factuur' },
      incasso: { amountCents: -100, description: 'Korting automatische incasso' },
    },
    oneOffCharges: [{ code: 'inschrijfgeld', description: 'Inschrijfgeld', amountCents: 1000, appliesTo: 'nieuwe_leden', membershipTypes: ['lid'] }],
    defaults: { method: 'factuur', frequency: 'jaar' },
    ...overrides,
  };
}
