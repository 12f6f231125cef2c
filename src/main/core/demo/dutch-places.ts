import type { Pc4Info } from '../../../shared/dutch/pc4';
import { normalizePhone } from '../../../shared/dutch/phone';
import { createRng, type Rng, weighted } from './prng';

export interface DemoAddress {
  street: string | null;
  houseNumber: number | null;
  houseLetter: string | null;
  houseNumberSuffix: string | null;
  poBox: string | null;
  postcode: string;
  city: string;
  municipality: string;
  province: string;
}

const STREET_BASES = [
  'Kerk', 'Molen', 'Dorps', 'School', 'Stations', 'Wilhelmina', 'Juliana', 'Beatrix', 'Oranje', 'Emma',
  'Nassau', 'Willem de Zwijger', 'Prins Hendrik', 'Hoofd', 'Markt', 'Haven', 'Dijk', 'Veld', 'Beek', 'Brink',
  'Linden', 'Eiken', 'Beuken', 'Berken', 'Kastanje', 'Esdoorn', 'Wilgen', 'Populieren', 'Rozen', 'Tulpen',
  'Narcissen', 'Seringen', 'Merel', 'Lijster', 'Zwaluw', 'Meeuwen', 'Kievit', 'Rembrandt', 'Vermeer', 'Van Gogh',
  'Mondriaan', 'Frans Hals', 'Jan Steen', 'Mozart', 'Beethoven', 'Vondel', 'Bilderdijk', 'Multatuli', 'Thorbecke', 'De Ruyter',
  'Tromp', 'Piet Hein', 'Spoor', 'Industrie', 'Nieuwe', 'Oude', 'Achter', 'Zuid', 'Noord', 'Oost',
  'West', 'Burgemeester de Withe', 'Koningin', 'Sport', 'Park', 'Weide', 'Akker', 'Klaver', 'Heide', 'Zand',
];

const pickStreetSuffix = weighted([
  ['straat', 35], ['laan', 20], ['weg', 15], ['hof', 6], ['plein', 4], ['singel', 4], ['pad', 3],
  ['dreef', 3], ['kade', 3], ['gracht', 2], ['steeg', 2], ['erf', 2], ['park', 1],
] as const);

// PostNL leaves these letters out of postcodes, and never issues SA, SD or SS.
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ'.split('');
const FORBIDDEN_PAIRS = new Set(['SA', 'SD', 'SS']);

// Landline area codes by the first digit of the postcode, so phone numbers fit the region.
const AREA_CODES: Record<string, string[]> = {
  '1': ['020', '023', '075', '072', '0299', '035', '0294', '0223', '0228', '0255'],
  '2': ['070', '071', '023', '0172', '079', '015', '0252', '0180', '0182'],
  '3': ['010', '030', '033', '0318', '0343', '078', '0186', '0348', '0347'],
  '4': ['076', '0162', '0164', '0118', '0113', '0114', '0115', '0161', '0416'],
  '5': ['040', '013', '073', '0492', '0499', '0411', '0497', '0493'],
  '6': ['043', '045', '046', '024', '026', '077', '0475', '0313', '0316'],
  '7': ['053', '055', '038', '074', '0570', '0573', '0544', '0546', '0522'],
  '8': ['058', '038', '0511', '0513', '0515', '0527', '0521', '0320', '0341'],
  '9': ['050', '0592', '0591', '0594', '0595', '0596', '0598', '0599', '0512'],
};

const pickHouseNumberSuffix = weighted([['1', 3], ['2', 3], ['3', 1], ['hs', 2], ['bis', 1], ['zw', 1]] as const);

export interface Places {
  /** An address in the association's home region (most members live nearby). */
  local(rng: Rng): DemoAddress;
  anywhere(rng: Rng): DemoAddress;
  landline(rng: Rng, postcode: string): string;
  mobile(rng: Rng): string;
  /** The place names of the home region, for organisation names ('Stichting Dorpshuis Houten'). */
  regionPlaces: readonly string[];
}

export function createPlaces(pc4Table: Map<string, Pc4Info>, seed: string): Places {
  const all = [...pc4Table.keys()].filter((k) => (pc4Table.get(k)?.places.length ?? 0) > 0).sort();
  if (all.length === 0) throw new Error('PC4 reference table is empty');
  const regionRng = createRng(`${seed}/region`);
  const anchor = regionRng.pick(all);
  let region = all.filter((k) => k.slice(0, 2) === anchor.slice(0, 2));
  if (region.length < 15) region = all.filter((k) => k[0] === anchor[0]);
  const streetCache = new Map<string, string[]>();

  const streetsOf = (pc4: string): string[] => {
    let streets = streetCache.get(pc4);
    if (!streets) {
      const r = createRng(`${seed}/streets/${pc4}`);
      const n = r.int(5, 12);
      const set = new Set<string>();
      for (let i = 0; i < n * 2 && set.size < n; i++) set.add(`${r.pick(STREET_BASES)}${pickStreetSuffix(r)}`);
      streets = [...set];
      streetCache.set(pc4, streets);
    }
    return streets;
  };

  const letters = (rng: Rng): string => {
    for (;;) {
      const pair = `${rng.pick(POSTCODE_LETTERS)}${rng.pick(POSTCODE_LETTERS)}`;
      if (!FORBIDDEN_PAIRS.has(pair)) return pair;
    }
  };

  const addressIn = (rng: Rng, pc4: string): DemoAddress => {
    const info = pc4Table.get(pc4) as Pc4Info;
    // Low house numbers are far more common than high ones.
    const houseNumber = 1 + Math.floor(Math.pow(rng.next(), 2.2) * 240);
    return {
      street: rng.pick(streetsOf(pc4)),
      houseNumber,
      houseLetter: rng.chance(0.04) ? rng.pick(['A', 'B', 'C']) : null,
      houseNumberSuffix: rng.chance(0.04) ? pickHouseNumberSuffix(rng) : null,
      poBox: null,
      postcode: `${pc4} ${letters(rng)}`,
      // Most PC4s have one place; where there are more, the first is the main one.
      city: rng.chance(0.85) ? (info.places[0] as string) : rng.pick(info.places),
      municipality: info.municipality,
      province: info.province,
    };
  };

  const digits = (rng: Rng, n: number) => {
    let s = String(rng.int(2, 9));
    for (let i = 1; i < n; i++) s += String(rng.int(0, 9));
    return s;
  };

  return {
    local: (rng) => addressIn(rng, rng.pick(region)),
    anywhere: (rng) => addressIn(rng, rng.pick(all)),
    landline(rng, postcode) {
      const area = rng.pick(AREA_CODES[postcode[0] ?? '1'] ?? (AREA_CODES['1'] as string[]));
      const r = normalizePhone(`${area}${digits(rng, 10 - area.length)}`);
      if (!r.ok) throw new Error(`demo produced an invalid phone number for ${area}`);
      return r.value;
    },
    mobile: (rng) => `06-${rng.int(1, 6)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    regionPlaces: [...new Set(region.map((k) => (pc4Table.get(k) as Pc4Info).places[0] as string))].sort(),
  };
}
