import { capitalizeInfix } from '../../../shared/dutch/names';
import { type Rng, weighted } from './prng';
import { mailPart, pickSurname, splitSurname } from './dutch-names';

/** The tag tree: a name and its children. Interest in 'Hongarije' also counts for 'Oost-Europa'. */
export interface TagNode {
  name: string;
  children?: TagNode[];
}

export const TAG_TREE: TagNode[] = [
  {
    name: 'Interesses',
    children: [
      {
        name: 'Reizen',
        children: [
          { name: 'Oost-Europa', children: [{ name: 'Hongarije' }, { name: 'Polen' }, { name: 'Roemenië' }, { name: 'Tsjechië' }] },
          { name: 'Zuid-Europa', children: [{ name: 'Italië' }, { name: 'Spanje' }, { name: 'Portugal' }, { name: 'Griekenland' }] },
          { name: 'Scandinavië' },
        ],
      },
      { name: 'Cultuur', children: [{ name: 'Muziek' }, { name: 'Theater' }, { name: 'Musea' }] },
      { name: 'Natuur', children: [{ name: 'Vogels' }, { name: 'Wandelen' }] },
    ],
  },
  { name: 'Sport', children: [{ name: 'Voetbal' }, { name: 'Tennis' }, { name: 'Hockey' }, { name: 'Wielrennen' }, { name: 'Zwemmen' }] },
  {
    name: 'Vrijwilligerswerk',
    children: [{ name: 'Bardienst' }, { name: 'Jeugdtrainer' }, { name: 'Evenementen' }, { name: 'Redactie nieuwsbrief' }],
  },
  { name: 'Communicatie', children: [{ name: 'Nieuwsbrief op papier' }, { name: 'Geen post' }] },
];

/** How often a tag is handed out; tags not listed are never assigned directly (only their subtree). */
export const TAG_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Hongarije', 4], ['Polen', 3], ['Roemenië', 2], ['Tsjechië', 2], ['Italië', 6], ['Spanje', 6], ['Portugal', 3],
  ['Griekenland', 3], ['Scandinavië', 3], ['Reizen', 4], ['Oost-Europa', 2], ['Muziek', 6], ['Theater', 4], ['Musea', 4],
  ['Vogels', 3], ['Wandelen', 6], ['Voetbal', 10], ['Tennis', 6], ['Hockey', 4], ['Wielrennen', 4], ['Zwemmen', 3],
  ['Bardienst', 3], ['Jeugdtrainer', 2], ['Evenementen', 3], ['Redactie nieuwsbrief', 1], ['Nieuwsbrief op papier', 4],
  ['Geen post', 2],
];

export const SHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;

export const CUSTOM_FIELDS = [
  { code: 'rijbewijs', label: 'Rijbewijs', appliesTo: 'person', dataType: 'boolean', options: null },
  { code: 'shirtmaat', label: 'Shirtmaat', appliesTo: 'person', dataType: 'choice', options: [...SHIRT_SIZES] },
  { code: 'lid_knvb_sinds', label: 'Lid KNVB sinds', appliesTo: 'person', dataType: 'date', options: null },
  { code: 'aantal_medewerkers', label: 'Aantal medewerkers', appliesTo: 'organisation', dataType: 'number', options: null },
] as const;

export const pickFunction = weighted([
  ['Medewerker', 30], ['Adviseur', 8], ['Accountmanager', 6], ['Projectleider', 6], ['Teamleider', 5], ['Directeur', 4],
  ['Eigenaar', 4], ['Office manager', 3], ['Administrateur', 3], ['Docent', 4], ['Verpleegkundige', 4], ['Monteur', 3],
  ['Penningmeester', 1], ['Secretaris', 1], ['Stagiair', 2],
] as const);

const TRADES = ['Bakkerij', 'Slagerij', 'Garage', 'Installatiebedrijf', 'Schildersbedrijf', 'Bouwbedrijf', 'Kapsalon', 'Fietsenwinkel', 'Bloemisterij', 'Administratiekantoor', 'Advocatenkantoor', 'Tandartspraktijk', 'Huisartsenpraktijk', 'Drukkerij', 'Hoveniersbedrijf', 'Transportbedrijf'];
const SECTORS = ['Installatietechniek', 'Bouw', 'Advies', 'Accountants', 'Makelaardij', 'Verzekeringen', 'Techniek', 'Logistiek', 'Vastgoed', 'Automatisering', 'Metaal', 'Interieur'];
const BRANDS = ['Techni', 'Groen', 'Bouw', 'Data', 'Zorg', 'Vita', 'Nova', 'Prima', 'Delta', 'Optima', 'Aqua', 'Solid', 'Flex', 'Eco', 'Smart', 'Holland'];
const BRAND_ENDS = ['plan', 'vast', 'meester', 'point', 'lab', 'works', 'net', 'partners', 'groep', 'linq', 'form', 'care'];
const CAUSES = ['Vrienden van het Dorpshuis', 'Jeugdfonds', 'Dierenopvang', 'Muziekschool', 'Voedselbank', 'Buurtzorg', 'Natuurbehoud', 'Speeltuin', 'Oranjecomité', 'Historisch Genootschap'];
const CLUBS = ['Voetbalvereniging', 'Tennisclub', 'Harmonie', 'Toneelvereniging', 'Schaakclub', 'Ondernemersvereniging', 'Wijkvereniging'];

export interface DemoOrganisationName {
  name: string;
  legalForm: string | null;
  /** The e-mail domain stem before '.nl'. */
  domainStem: string;
  isMunicipality: boolean;
}

/** 'van Dijk' at the start of a business name is written 'Van Dijk'. */
function surnameForBusiness(rng: Rng): string {
  const { infix, lastName } = splitSurname(pickSurname(rng));
  return infix ? `${capitalizeInfix(infix)} ${lastName}` : lastName;
}

/** A believable organisation name with its legal form and mail domain. */
export function organisationName(rng: Rng, places: readonly string[], municipalities: readonly string[]): DemoOrganisationName {
  const kind = rng.int(0, 99);
  const place = rng.pick(places);
  if (kind < 3) {
    const m = rng.pick(municipalities);
    return { name: `Gemeente ${m}`, legalForm: null, domainStem: mailPart(m), isMunicipality: true };
  }
  if (kind < 30) {
    const s = surnameForBusiness(rng);
    const trade = rng.pick(TRADES);
    const legalForm = rng.pick(['V.O.F.', 'Eenmanszaak', 'B.V.']);
    return { name: `${trade} ${s}`, legalForm, domainStem: `${mailPart(trade)}${mailPart(s)}`, isMunicipality: false };
  }
  if (kind < 55) {
    const s = surnameForBusiness(rng);
    const sector = rng.pick(SECTORS);
    return { name: `${s} ${sector} B.V.`, legalForm: 'B.V.', domainStem: `${mailPart(s)}${mailPart(sector)}`, isMunicipality: false };
  }
  if (kind < 75) {
    const brand = `${rng.pick(BRANDS)}${rng.pick(BRAND_ENDS)}`;
    const legalForm = rng.pick(['B.V.', 'B.V.', 'N.V.', 'Coöperatie U.A.']);
    return { name: `${brand} ${legalForm}`, legalForm, domainStem: mailPart(brand), isMunicipality: false };
  }
  if (kind < 90) {
    const cause = rng.pick(CAUSES);
    return { name: `Stichting ${cause} ${place}`, legalForm: 'Stichting', domainStem: `${mailPart(cause)}${mailPart(place)}`, isMunicipality: false };
  }
  const club = rng.pick(CLUBS);
  return { name: `${club} ${place}`, legalForm: 'Vereniging', domainStem: `${mailPart(club)}${mailPart(place)}`, isMunicipality: false };
}
