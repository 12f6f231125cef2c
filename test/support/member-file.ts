import { createRng, type Rng } from '../../src/main/core/demo/prng';
import { encodeWindows1252 } from '../../src/main/core/io/text/encoding';
import { ibanCheckDigits } from '../../src/shared/dutch/iban';

/**
 * A realistic member file as Excel NL writes it (Windows-1252, ';', CRLF, Dutch dates,
 * 'Vries, de' surnames): the import bench and the main-thread responsiveness test read it.
 */
const FIRST = ['Jan', 'Piet', 'Marieke', 'Sanne', 'Daan', 'Emma', 'Lucas', 'Julia', 'Sem', 'Tess', 'René', 'Zoë', 'Noah', 'Fleur', 'Bram', 'Anouk'];
const LAST = ['Vries, de', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meer, van der', 'Berg, van den', 'Dijk, van', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brink, ten', 'Müller'];
const STREETS = ['Dorpsstraat', 'Kerkweg', 'Stationsplein', 'Molenweg', 'Brink', 'Oudegracht', 'Lange Voorhout', 'Markt'];
const PLACES: [string, string][] = [['3511', 'Utrecht'], ['1012', 'Amsterdam'], ['7411', 'Deventer'], ['9711', 'Groningen'], ['5211', "'s-Hertogenbosch"], ['2514', "'s-Gravenhage"], ['6811', 'Arnhem'], ['8011', 'Zwolle']];

function iban(rng: Rng): string {
  const bban = `ABNA${String(rng.int(0, 99_999)).padStart(5, '0')}${String(rng.int(0, 99_999)).padStart(5, '0')}`;
  return `NL${ibanCheckDigits('NL', bban)}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}

export const MEMBER_FILE_HEADER = 'Lidnr;Voorletters;Roepnaam;Achternaam;Straat;Huisnr;Postcode;Woonplaats;E-mail;Telefoon;Geb.datum;Lid sinds;IBAN;Aanhef';

export function memberFile(n: number): Uint8Array {
  const rng = createRng('io-bench');
  const lines = [MEMBER_FILE_HEADER];
  for (let i = 1; i <= n; i++) {
    const first = rng.pick(FIRST);
    const [pc4, city] = rng.pick(PLACES);
    const male = rng.chance(0.5);
    const d = `${rng.int(1, 28)}-${rng.int(1, 12)}-${rng.int(1935, 2015)}`;
    lines.push(
      [
        i, `${first[0]}.`, first, rng.pick(LAST), rng.pick(STREETS), `${rng.int(1, 300)}${rng.chance(0.1) ? 'a' : ''}`, `${pc4} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`.replace(/S[ADS]$/, 'AB'),
        city, `lid${i}@example.nl`, `06${String(rng.int(10_000_000, 99_999_999))}`, d, `01-0${rng.int(1, 9)}-${rng.int(1990, 2025)}`, iban(rng), male ? 'Dhr.' : 'Mevr.',
      ].join(';'),
    );
  }
  return encodeWindows1252(`${lines.join('\r\n')}\r\n`).bytes;
}
