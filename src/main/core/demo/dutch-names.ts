import { type Rng, weighted, zipf } from './prng';

/**
 * Name material for the demo administration. Surnames are the most frequent Dutch ones in
 * rank order (Meertens Instituut, Nederlandse Familienamenbank), written as in the BRP:
 * tussenvoegsel in lower case before the name. The top of the list over-represents names
 * with a tussenvoegsel, so the share is set directly: about 28% of Dutch surnames carry one.
 */
const DUTCH_SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen',
  'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet',
  'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman',
  'Peeters', 'de Jonge', 'Kuipers', 'van Veen', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten',
  'van Wijk', 'Postma', 'Martens', 'Vink', 'de Ruiter', 'Timmermans', 'Groen', 'Gerritsen', 'Jonker', 'van Loon',
  'Boer', 'van der Velde', 'Willemsen', 'Smeets', 'de Lange', 'de Vos', 'Bosch', 'van Dongen', 'Schipper', 'de Koning',
  'van der Laan', 'Koning', 'van der Velden', 'Driessen', 'van Doorn', 'Hermans', 'Evers', 'van den Bosch', 'van der Meulen', 'Hofman',
  'Bosman', 'Wolters', 'Sanders', 'van der Horst', 'Mol', 'Kuijpers', 'Molenaar', 'van de Pol', 'de Leeuw', 'Verbeek',
  'ter Horst', 'ten Brink', 'ter Haar', "'t Hart", "in 't Veld", "van 't Hof", 'van de Kamp', 'op den Kamp', 'ten Hove', 'van Rijn',
  'Brinkman', 'Vonk', 'Wijnands', 'Hoogendoorn', 'Zwart', 'Kempen', 'van Os', 'Klaassen', 'Lammers', 'van Essen',
  'Dijkman', 'Terpstra', 'Bouma', 'Wouters', 'Claassen', 'Haverkamp', 'Nijhuis', 'Oosterhuis', 'van Gelder', 'Veldhuis',
];

/** Names of newer Dutch families, with the diacritics search has to fold ('Ozturk' finds 'Öztürk'). */
const OTHER_SURNAMES = [
  'Yılmaz', 'Öztürk', 'Kaya', 'Demir', 'Çelik', 'El Amrani', 'Bouzid', 'El Idrissi', 'Benali', 'Nguyen',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Müller', 'Schäfer', 'Fernández', 'da Silva', 'dos Santos', 'Ramdin', 'Sewdien',
];

const INFIX_SHARE = 0.28;

export const pickSurname = (() => {
  const withInfix = zipf(DUTCH_SURNAMES.filter((s) => /^\P{Lu}/u.test(s)), 0.75);
  const plain = zipf(DUTCH_SURNAMES.filter((s) => /^\p{Lu}/u.test(s)), 0.75);
  const other = zipf(OTHER_SURNAMES, 0.5);
  return (rng: Rng): string => (rng.chance(0.07) ? other(rng) : rng.chance(INFIX_SHARE) ? withInfix(rng) : plain(rng));
})();

/** 'van der Meer' → infix 'van der', last name 'Meer'; "'t Hart" → "'t", 'Hart'. */
export function splitSurname(surname: string): { infix: string | null; lastName: string } {
  const words = surname.split(' ');
  const lastStart = words.findIndex((w) => /^\p{Lu}/u.test(w));
  if (lastStart <= 0) return { infix: null, lastName: surname };
  return { infix: words.slice(0, lastStart).join(' '), lastName: words.slice(lastStart).join(' ') };
}

type Era = 'old' | 'middle' | 'young';

const FIRST_NAMES: Record<'m' | 'v', Record<Era, string[]>> = {
  m: {
    old: ['Johannes', 'Cornelis', 'Hendrik', 'Jan', 'Gerrit', 'Pieter', 'Willem', 'Jacobus', 'Hendrikus', 'Theodorus', 'Adrianus', 'Wilhelmus', 'Gerardus', 'Antonius', 'Klaas', 'Dirk', 'Henk', 'Kees', 'Piet', 'Wim', 'Joop', 'Ton', 'Frans', 'Harm'],
    middle: ['Peter', 'Mark', 'Marco', 'Erik', 'Michel', 'Jeroen', 'Martin', 'Robert', 'Richard', 'Paul', 'Rob', 'Hans', 'Patrick', 'Dennis', 'Bas', 'Arjan', 'Sander', 'Marcel', 'René', 'Edwin', 'Ronald', 'Frank', 'Jeroen', 'Wouter'],
    young: ['Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Milan', 'Noah', 'Bram', 'Jesse', 'Thomas', 'Ruben', 'Tim', 'Lars', 'Luuk', 'Thijs', 'Stijn', 'Max', 'Sven', 'Gijs', 'Mees', 'Julian', 'Noël', 'Mohamed', 'Emre'],
  },
  v: {
    old: ['Maria', 'Johanna', 'Cornelia', 'Anna', 'Hendrika', 'Wilhelmina', 'Elisabeth', 'Catharina', 'Geertruida', 'Adriana', 'Jacoba', 'Gerarda', 'Riet', 'Ria', 'Annie', 'Truus', 'Corrie', 'Nel', 'Joke', 'Greet', 'Ineke', 'Tineke', 'Anneke', 'Marijke'],
    middle: ['Monique', 'Linda', 'Marieke', 'Sandra', 'Esther', 'Ingrid', 'Petra', 'Saskia', 'Wendy', 'Marloes', 'Mirjam', 'Karin', 'Anouk', 'Judith', 'Ellen', 'Miranda', 'Angela', 'Bianca', 'Yvonne', 'Renée', 'Ilse', 'Carla', 'Annemieke', 'Chantal'],
    young: ['Emma', 'Julia', 'Sophie', 'Tess', 'Zoë', 'Sara', 'Eva', 'Lisa', 'Anna', 'Fleur', 'Noor', 'Lotte', 'Sanne', 'Isa', 'Fenna', 'Mila', 'Lieke', 'Femke', 'Chloë', 'Yara', 'Nina', 'Anaïs', 'Fatima', 'Elif'],
  },
};

const UNISEX = ['Sam', 'Robin', 'Charlie', 'Kim', 'Luca', 'Noa', 'Jip', 'Sasha'];

function eraOf(birthYear: number): Era {
  return birthYear < 1958 ? 'old' : birthYear < 1988 ? 'middle' : 'young';
}

// Lists are roughly in order of popularity.
const FIRST_NAME_PICKERS = {
  m: { old: zipf(FIRST_NAMES.m.old, 0.6), middle: zipf(FIRST_NAMES.m.middle, 0.6), young: zipf(FIRST_NAMES.m.young, 0.6) },
  v: { old: zipf(FIRST_NAMES.v.old, 0.6), middle: zipf(FIRST_NAMES.v.middle, 0.6), young: zipf(FIRST_NAMES.v.young, 0.6) },
};

export function pickFirstName(rng: Rng, gender: 'm' | 'v' | 'x', birthYear: number): string {
  if (gender === 'x') return rng.pick(UNISEX);
  return FIRST_NAME_PICKERS[gender][eraOf(birthYear)](rng);
}

const EXTRA_INITIALS = 'AJMHCWPGFTELRDKS';

/** Official initials: the first name's letter plus sometimes the baptismal names' ('J.H.M.'). */
export function initialsFor(rng: Rng, firstName: string, birthYear: number): string {
  const extra = birthYear < 1965 ? weightedExtraOld(rng) : weightedExtraYoung(rng);
  let out = `${(firstName[0] ?? 'X').toUpperCase()}.`;
  for (let i = 0; i < extra; i++) out += `${rng.pick(EXTRA_INITIALS.split(''))}.`;
  return out;
}

const weightedExtraOld = weighted([[0, 30], [1, 45], [2, 25]] as const);
const weightedExtraYoung = weighted([[0, 55], [1, 38], [2, 7]] as const);

/** ASCII mail-box form of a name part: 'Öztürk' → 'ozturk', "in 't Veld" → 'intveld'. */
export function mailPart(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
