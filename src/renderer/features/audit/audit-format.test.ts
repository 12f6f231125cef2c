import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { nl } from '../../i18n/nl';
import { formatValue, operationLabel, rowSentence, rowSummary, type AuditLookups } from './audit-format';

const lookups: AuditLookups = {
  relationType: (id) => (id === 't1' ? 'Lid' : undefined),
  tag: () => undefined,
  customField: () => undefined,
  linkType: () => undefined,
};

async function t() {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { nl: { translation: nl } }, lng: 'nl' });
  return i18n.t;
}

describe('history', () => {
  it('shows values as the user knows them', async () => {
    const tr = await t();
    expect(formatValue(tr, 'valid_to', '2025-03-01', lookups)).toBe('28-2-2025');
    expect(formatValue(tr, 'birth_date', '1961-07-03', lookups)).toBe('3-7-1961');
    expect(formatValue(tr, 'gender', 'v', lookups)).toBe('vrouw');
    expect(formatValue(tr, 'type_id', 't1', lookups)).toBe('Lid');
    expect(formatValue(tr, 'email', null, lookups)).toBe('—');
    expect(operationLabel(tr, 'addresses.move')).toBe('Verhuizing');
  });

  it('summarises inserted rows from their JSON', async () => {
    const tr = await t();
    const address = JSON.stringify({ street: 'Vismarkt', house_number: 5, postcode: '9711 LM', city: 'Groningen', valid_from: '2025-03-01', valid_to: null });
    expect(rowSummary(tr, 'addresses', address, lookups)).toBe('Vismarkt 5, 9711 LM Groningen · vanaf 1-3-2025');
    const assignment = JSON.stringify({ type_id: 't1', valid_from: '2024-01-01', valid_to: '2025-01-01' });
    expect(rowSummary(tr, 'relation_type_assignments', assignment, lookups)).toBe('Lid · 1-1-2024 t/m 31-12-2024');
    expect(rowSummary(tr, 'custom_values', JSON.stringify({ field_id: 'f', value: '2024-05-01' }), lookups)).toBe(': 1-5-2024');
    expect(formatValue(tr, 'value', 'true', lookups)).toBe('ja');
  });

  it('names the person, group, role, unit and dates in a sentence', async () => {
    const tr = await t();
    const names = { r1: 'Jan de Vries', g1: 'Bestuur', ro1: 'voorzitter', u1: 'Afdeling Utrecht', mt1: 'Gewoon lid' };
    const member = JSON.stringify({ group_id: 'g1', relation_id: 'r1', role_id: 'ro1', mode: 'include', valid_from: '2026-03-01', valid_to: null });
    expect(rowSentence(tr, 'group_members', member, lookups, { names })).toBe('Jan de Vries toegevoegd aan Bestuur als voorzitter, vanaf 1-3-2026');
    const membership = JSON.stringify({ relation_id: 'r1', unit_id: 'u1', membership_type_id: 'mt1', start_date: '2020-01-01', end_date: '2025-01-01' });
    expect(rowSentence(tr, 'memberships', membership, lookups, { names })).toBe('Jan de Vries: lid (Gewoon lid) van Afdeling Utrecht, 1-1-2020 t/m 31-12-2024');
    expect(formatValue(tr, 'role_id', 'ro1', lookups, 'group_members', names)).toBe('voorzitter');
    expect(formatValue(tr, 'end_date', '2025-01-01', lookups, 'memberships')).toBe('31-12-2024');
  });
});
