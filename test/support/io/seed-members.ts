import type { Input } from '../../../src/shared/contract';
import type { Core } from '../../../src/main/core/create-core';

/**
 * A small association to export, merge and print: two people at one address (a household),
 * someone abroad, an organisation with a PO box, someone without an address, and values
 * a spreadsheet would run as a formula.
 */
export async function seedMembers(core: Core) {
  await core.call('customFields.create', { code: 'contributie', label: 'Contributie', dataType: 'number' });
  const lid = (await core.call('relationTypes.list', {})).rows.find((t) => t.code === 'lid');
  const make = async (input: Input<'relations.create'>, since: string | null, contributie?: number) => {
    const r = await core.call('relations.create', input);
    if (since) await core.call('relations.addType', { relationId: r.id, typeId: lid?.id ?? '', validFrom: since });
    if (contributie !== undefined) await core.call('relations.setCustomValues', { relationId: r.id, values: { contributie } });
    return r;
  };
  const utrecht = { street: 'Oudegracht', houseNumber: 12, houseLetter: 'a', postcode: '3511 AB', city: 'Utrecht' };
  const jan = await make(
    { kind: 'person', number: 1, fields: { initials: 'J', firstName: 'Jan', infix: 'de', lastName: 'Vries', addressForm: 'heer', gender: 'm', birthDate: '1961-07-03', email: 'jan@example.nl', notes: '=HYPERLINK("http://example.com")' }, address: utrecht },
    '2005-01-01',
    12.5,
  );
  const marieke = await make(
    { kind: 'person', number: 2, fields: { initials: 'M', firstName: 'Marieke', infix: 'de', lastName: 'Vries', addressForm: 'mevrouw', gender: 'v', birthDate: '1963-02-01', notes: '@SUM(A1)' }, address: utrecht },
    '2006-03-01',
    25,
  );
  const zoe = await make(
    { kind: 'person', number: 3, fields: { initials: 'Z', firstName: 'Zoë', infix: 'van', lastName: 'Dijk', addressForm: 'mevrouw', birthDate: '1990-12-12', email: 'zoe@example.nl', notes: '-1+1' }, address: { street: 'Brink', houseNumber: 3, postcode: '7411 BR', city: 'Deventer' } },
    '2020-05-01',
  );
  const piet = await make({ kind: 'person', number: 4, fields: { firstName: 'Piet', lastName: 'Jansen', addressForm: 'heer' } }, '2021-01-01');
  const anker = await make({ kind: 'organisation', number: 5, fields: { name: 'Stichting Het Anker', email: 'info@hetanker.nl' }, address: { type: 'postal', poBox: 'Postbus 12', postcode: '1000 AB', city: 'Amsterdam' } }, null);
  const hans = await make(
    { kind: 'person', number: 6, fields: { initials: 'H', firstName: 'Hans', lastName: 'Müller', addressForm: 'heer', birthDate: '1970-05-05' }, address: { street: 'Hauptstraße', houseNumber: 5, postcode: '52062', city: 'Aachen', country: 'DE' } },
    '2010-10-10',
  );
  const eva = await make(
    { kind: 'person', number: 7, fields: { initials: 'E', firstName: 'Eva', lastName: 'Bakker-de Jong', addressForm: 'neutraal', birthDate: '1985-08-08' }, address: { street: 'Kerkstraat', houseNumber: 1, houseNumberSuffix: 'hs', postcode: '1017 GA', city: 'Amsterdam' } },
    '2015-01-01',
  );
  return { jan, marieke, zoe, piet, anker, hans, eva };
}
