import { parseCsvRecords } from './csv';
import { postcodeDigits } from './postcode';

export interface Pc4Info {
  municipality: string;
  province: string;
  places: string[];
}

/**
 * Builds the PC4 table from pc4-gemeente-provincie.csv (`pc4,gemeente,provincie`)
 * and pc4-plaats.csv (`pc4,plaats,gemeente`), keyed by the four digits.
 */
export function parsePc4Tables(gemeenteProvincieCsv: string, plaatsCsv: string): Map<string, Pc4Info> {
  const table = new Map<string, Pc4Info>();
  const provinceOf = new Map<string, string>();

  for (const r of parseCsvRecords(gemeenteProvincieCsv)) {
    const pc4 = r['pc4'] ?? '';
    const municipality = r['gemeente'] ?? '';
    const province = r['provincie'] ?? '';
    if (!/^\d{4}$/u.test(pc4) || !municipality) continue;
    table.set(pc4, { municipality, province, places: [] });
    if (province) provinceOf.set(municipality, province);
  }

  for (const r of parsePc4TablesPlaces(plaatsCsv)) {
    let info = table.get(r.pc4);
    if (!info) {
      // A place row without a primary row: still useful if the province is known.
      const province = provinceOf.get(r.municipality);
      if (!province) continue;
      info = { municipality: r.municipality, province, places: [] };
      table.set(r.pc4, info);
    }
    if (!info.places.includes(r.place)) info.places.push(r.place);
  }
  return table;
}

function parsePc4TablesPlaces(csv: string): { pc4: string; place: string; municipality: string }[] {
  return parseCsvRecords(csv)
    .map((r) => ({ pc4: r['pc4'] ?? '', place: r['plaats'] ?? '', municipality: r['gemeente'] ?? '' }))
    .filter((r) => /^\d{4}$/u.test(r.pc4) && r.place !== '');
}

/**
 * Suggestion only: PO-box PC4s and new postcodes are missing from the data, so an
 * unknown PC4 is simply null. Accepts a full postcode or just the four digits.
 */
export function lookupPc4(table: Map<string, Pc4Info>, postcode: string): Pc4Info | null {
  const digits = postcodeDigits(postcode);
  return digits === null ? null : (table.get(String(digits)) ?? null);
}

// The CBS tables spell the province 'Friesland'; its official name is 'Fryslân'.
const PROVINCE_DISPLAY: Record<string, string> = { Friesland: 'Fryslân' };

export function provinceDisplayName(province: string): string {
  return PROVINCE_DISPLAY[province] ?? province;
}
