import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import { DomainError } from '../../../../shared/errors';
import { ioClient } from '../../../../../test/support/io/io-test-kit';

/** An import never silently makes stored data worse. */
let core: Core & { clock: TestClock };
afterEach(() => core?.close());

const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
const operations = () => core.ctx.sqlite.prepare('SELECT count(*) FROM operations').pluck().get() as number;

async function setup() {
  core = createTestCore();
  const io = ioClient(core);
  await io('io.commitImport', { file: csv('Lidnr;Voornaam;Achternaam;Woonplaats', '1;Łukasz;Wiśniewski;Utrecht', '2;Anna;McDonald;Zeist', '3;Piet;Jansen;Ede'), fileName: 'leden.csv' });
  return io;
}

describe('an import that matches a stored relation', () => {
  it('keeps a richer stored spelling (accents, case) and says so in the dry run', async () => {
    const io = await setup();
    const file = csv('Lidnr;Voornaam;Achternaam;Woonplaats', '1;Lukasz;Wisniewski;UTRECHT', '2;Anna;Mcdonald;Zeist', '3;Piet;Jansen;Ede');
    const preview = await io('io.previewImport', { file, fileName: 'ascii.csv' });
    const [lukasz, anna] = preview.rows;
    expect(lukasz).toMatchObject({ outcome: 'skip', reasons: ['MATCHED_BY_NUMBER', 'IDENTICAL'] });
    expect(lukasz?.issues.filter((i) => i.code === 'KEPT_STORED_SPELLING').map((i) => [i.severity, i.details])).toEqual([
      ['warning', { field: 'firstName', stored: 'Łukasz', value: 'Lukasz' }],
      ['warning', { field: 'lastName', stored: 'Wiśniewski', value: 'Wisniewski' }],
      ['warning', { field: 'city', stored: 'Utrecht', value: 'UTRECHT' }],
    ]);
    // As rich as the stored one, only different: an ordinary correction.
    expect(anna).toMatchObject({ outcome: 'update', changes: [{ field: 'lastName', old: 'McDonald', new: 'Mcdonald' }] });
    await io('io.commitImport', { file, fileName: 'ascii.csv' });
    const stored = core.ctx.sqlite.prepare('SELECT first_name AS f, last_name AS l FROM relations ORDER BY number').all();
    expect(stored).toEqual([{ f: 'Łukasz', l: 'Wiśniewski' }, { f: 'Anna', l: 'Mcdonald' }, { f: 'Piet', l: 'Jansen' }]);
  });

  it('takes a richer spelling from the file', async () => {
    const io = await setup();
    await io('io.commitImport', { file: csv('Lidnr;Achternaam', '3;Jänsen'), fileName: 'x.csv' });
    expect(core.ctx.sqlite.prepare('SELECT last_name FROM relations WHERE number = 3').pluck().get()).toBe('Jänsen');
  });
});

describe('surnames with a voorvoegsel', () => {
  it('splits Dutch ones whatever their case, and keeps a capitalised foreign article in the surname', async () => {
    core = createTestCore();
    const io = ioClient(core);
    const r = await io('io.previewImport', {
      file: csv('Voornaam;Achternaam', 'Marieke;Van Den Berg', 'Kees;BERG VAN DEN', 'Fatima;El Amrani', 'Youssef;el Amrani', 'Luca;Di Stefano', 'Bram;Berg Van Der'),
      fileName: 'namen.csv',
    });
    expect(r.rows.map((x) => x.changes.filter((c) => c.field === 'infix' || c.field === 'lastName').map((c) => c.new))).toEqual([
      ['van den', 'Berg'],
      ['van den', 'BERG'],
      ['El Amrani'],
      ['el', 'Amrani'],
      ['Di Stefano'],
      ['van der', 'Berg'],
    ]);
  });
});

describe('a file with nothing to write', () => {
  const cases: [string, string][] = [
    ['header only', csv('Lidnr;Voornaam;Achternaam')],
    ['every row rejected', csv('Lidnr;Voornaam;Achternaam;Postcode', '7;Jan;Jansen;123AB', '8;Els;Bos;99')],
  ];
  for (const [name, file] of cases) {
    it(`commits nothing: ${name}`, async () => {
      core = createTestCore();
      const io = ioClient(core);
      const before = operations();
      const e = await io('io.commitImport', { file, fileName: 'leeg.csv' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details).toMatchObject({ reason: 'NOTHING_TO_IMPORT' });
      expect(operations()).toBe(before);
    });
  }
});
