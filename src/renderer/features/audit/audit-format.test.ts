import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { AuditEntryDto } from '../../../shared/contract';
import { nl } from '../../i18n/nl';
import { formatValue, groupByOperation, operationLabel, rowSummary, type AuditLookups } from './audit-format';

const lookups: AuditLookups = {
  relationType: (id) => (id === 't1' ? 'Lid' : undefined),
  tag: () => undefined,
  customField: () => undefined,
  linkType: () => undefined,
};

function entry(id: number, operationId: string, patch: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return {
    id, operationId, operationKind: 'relations.update', actor: 'secretaris', at: 0, tableName: 'relations', recordId: 'r1',
    relationId: 'r1', action: 'update', field: 'last_name', oldValue: 'Jansen', newValue: 'Janssen', recordLabel: null, ...patch,
  };
}

async function t() {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { nl: { translation: nl } }, lng: 'nl' });
  return i18n.t;
}

describe('history', () => {
  it('groups entries per operation, newest operation first, fields in the order written', () => {
    const groups = groupByOperation([entry(5, 'b'), entry(4, 'b', { field: 'first_name' }), entry(3, 'a')]);
    expect(groups.map((g) => g.operationId)).toEqual(['b', 'a']);
    expect(groups[0]?.entries.map((e) => e.id)).toEqual([4, 5]);
  });

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
});
