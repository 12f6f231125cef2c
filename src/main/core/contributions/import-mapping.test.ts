import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';

/** The import maps Contributie, Betaalwijze and IBAN columns onto the contribution model. */
let core: ReturnType<typeof createTestCore>;
afterEach(() => core?.close());
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');

describe('import of payment columns', () => {
  it('recognises the headers, reads "€ 12,50" and "automatische incasso", and writes payment settings in the import operation', async () => {
    core = createTestCore();
    const file = csv(
      'Nummer;Voornaam;Achternaam;IBAN;Betaalwijze;Contributie',
      '501;Jan;Bakker;NL91ABNA0417164300;Automatische incasso;€ 12,50',
      '502;Els;Visser;;acceptgiro;',
      '503;Piet;Smit;;per duif;€ -5,00',
    );
    const preview = await core.call('io.previewImport', { file, fileName: 'leden.csv' });
    expect(preview.mapping.map((m) => m.target)).toEqual(['number', 'firstName', 'lastName', 'iban', 'paymentMethod', 'contribution']);
    expect(preview.rows[0]!.changes).toEqual(expect.arrayContaining([{ field: 'paymentMethod', old: null, new: 'incasso' }, { field: 'contribution', old: null, new: '1250' }]));
    expect(preview.rows[2]!.issues.map((i) => [i.field, i.code])).toEqual([['Betaalwijze', 'PAYMENT_METHOD_INVALID'], ['Contributie', 'AMOUNT_NEGATIVE']]);
    const r = await core.call('io.commitImport', { file, fileName: 'leden.csv' });
    const jan = r.rows[0]!.relationId!;
    expect(await core.call('paymentSettings.get', { relationId: jan })).toEqual({
      settings: expect.objectContaining({ method: 'incasso', overrideCents: 1250, overrideReason: 'Contributie uit import' }),
    });
    expect((await core.call('paymentSettings.get', { relationId: r.rows[1]!.relationId! })).settings).toMatchObject({ method: 'factuur', overrideCents: null });
    const audited = core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) AND table_name = 'payment_settings'`).get(r.operationId) as { n: number };
    expect(audited.n).toBe(2);

    // A second import changes the method and keeps the amount; the preview says what changes.
    const again = csv('Nummer;Betaalwijze', '501;contant');
    const p2 = await core.call('io.previewImport', { file: again, fileName: 'b.csv' });
    expect(p2.rows[0]).toMatchObject({ outcome: 'update', changes: [{ field: 'paymentMethod', old: 'incasso', new: 'contant' }] });
    await core.call('io.commitImport', { file: again, fileName: 'b.csv' });
    expect((await core.call('paymentSettings.get', { relationId: jan })).settings).toMatchObject({ method: 'contant', overrideCents: 1250 });
  });
});
