import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../../test/support/test-core';
import { ioClient } from '../../../../../test/support/io/io-test-kit';

let core: ReturnType<typeof createTestCore>;
afterEach(() => core?.close());

const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');

describe('import dry run: doubles within the file, by the duplicate scorer', () => {
  it('finds doubles as old exports make them, with the reason, and leaves a family at one address alone', async () => {
    core = createTestCore();
    const io = ioClient(core);
    // Match on the relation number only, so none of these rows share a match key.
    const r = await io('io.previewImport', {
      file: csv(
        'Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;E-mail;Postcode;Huisnummer',
        'Zoë;van;Dijk;14-07-1961;Zoe.vanDijk@Example.nl;9711 LK;17', // row 2
        'Zoe;;van Dijk;14-07-1961;zoe.vandijk@example.nl;9711LK;17', // row 3: accents dropped, infix in the last name, e-mail case
        'Pieter;;Bakker;03-02-1980;;3511 AB;3', // row 4
        'Anna;;Bakker;09-09-2012;;3511 AB;3', // row 5: his daughter, same address
        'Marieke;van den;Berg;01-01-1975;m.berg@voorbeeld.nl;1234 AB;1', // row 6
        'Marieke;van den;Bergh;01-01-1975;;1234 AB;1', // row 7: a typo, same birth date and address
      ),
      fileName: 'oud.csv',
      options: { matchKeys: ['number'] },
    } as never);
    const row = (n: number) => r.rows.find((x) => x.row === n);
    expect(row(2)?.duplicateOfRows).toEqual([3]);
    expect(row(3)?.duplicateOfRows).toEqual([2]);
    const issue = row(3)?.issues.find((i) => i.code === 'SUSPECTED_DUPLICATE');
    expect(issue?.details?.reasons).toEqual(expect.stringContaining('geboortedatum'));
    expect(issue?.details?.reasons).toEqual(expect.stringContaining('e-mail'));
    expect(row(7)?.duplicateOfRows).toEqual([6]);
    expect(row(4)?.duplicateOfRows ?? []).toEqual([]);
    expect(row(5)?.duplicateOfRows ?? []).toEqual([]);
  });
});
