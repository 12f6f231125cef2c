import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { AUDITED_TABLES } from '../../src/main/core/db/audit-triggers';
import { OPERATION_KINDS } from '../../src/shared/contract/operation-kinds';
import { nl } from '../../src/renderer/i18n/nl';
import { en } from '../../src/renderer/i18n/en';
import { columnLabel, operationLabel, tableLabel } from '../../src/renderer/features/audit/audit-format';

// The lists come from the code: the kinds ctx.write accepts (a write with any other kind does
// not compile) and the tables the audit triggers are generated for. A new one without a label fails here.
const tables = AUDITED_TABLES.map((t) => getTableConfig(t.table));
const SKIPPED = new Set(['id', 'created_at', 'updated_at', 'display_name', 'sort_key']);

async function translator(lng: 'nl' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng, fallbackLng: false });
  return i18n.t;
}

describe.each(['nl', 'en'] as const)('History labels in %s', (lng) => {
  it('names every kind of operation the core can write', async () => {
    const t = await translator(lng);
    const missing = OPERATION_KINDS.filter((k) => operationLabel(t, k) === k || operationLabel(t, k).includes('.'));
    expect(missing).toEqual([]);
  });

  it('names every audited table', async () => {
    const t = await translator(lng);
    expect(tables.map((c) => c.name).filter((n) => tableLabel(t, n) === n)).toEqual([]);
  });

  it('names every column a change can be about', async () => {
    const t = await translator(lng);
    const missing = tables.flatMap((c) =>
      c.columns.filter((col) => !SKIPPED.has(col.name) && columnLabel(t, c.name, col.name) === col.name).map((col) => `${c.name}.${col.name}`),
    );
    expect(missing).toEqual([]);
  });
});
