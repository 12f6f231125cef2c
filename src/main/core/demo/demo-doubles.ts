import type { DemoData } from './demo-model';
import type { Rng } from './prng';

/** A roepnaam for some official first names the demo uses, and the other way round. */
const OTHER_NAME: Record<string, string> = {
  Johannes: 'Jan', Jan: 'Johannes', Cornelis: 'Kees', Kees: 'Cornelis', Petrus: 'Piet', Piet: 'Petrus', Pieter: 'Piet',
  Wilhelmus: 'Wim', Willem: 'Wim', Hendrik: 'Henk', Henk: 'Hendrik', Jacobus: 'Jaap', Elisabeth: 'Bep', Johanna: 'Joke',
  Maria: 'Mieke', Cornelia: 'Corrie', Gerardus: 'Gerard', Antonius: 'Toon', Theodorus: 'Theo', Adrianus: 'Arie',
  Catharina: 'Toos', Margaretha: 'Greet', Wilhelmina: 'Willy', Geertruida: 'Truus', Nicolaas: 'Klaas',
};
const ACCENTED = /[éèëêïöüäàçóíáú]/;
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

/** Two letters swapped inside the name: the typo an old paper form or a hasty import leaves. */
function swapTwo(s: string, rng: Rng): string {
  if (s.length < 5) return s;
  const i = rng.int(1, s.length - 3);
  return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
}

/**
 * Turns about one person in 250 into a second registration of someone registered earlier, the
 * way doubles arise: the same birth date with a roepnaam instead of the official name, accents
 * dropped by an old export, the tussenvoegsel typed into the last-name column, or a typo in the
 * last name. The double keeps its own address and contacts (an old registration), so the
 * Dubbelen screen has real work to show. Runs before numbering; deterministic.
 */
export function addDemoDoubles(out: DemoData, rng: Rng): number {
  const persons = out.relations.filter((r) => r.kind === 'person' && r.birthDate);
  let made = 0;
  for (let i = 249; i < persons.length; i += 250) {
    const double = persons[i];
    const source = persons[i - rng.int(20, 200)];
    if (!double || !source || !source.lastName) continue;
    let firstName = source.firstName ?? null;
    let infix = source.infix ?? null;
    let lastName: string = source.lastName;
    const how = made % 4;
    if (how === 0 && firstName && OTHER_NAME[firstName]) firstName = OTHER_NAME[firstName] ?? firstName;
    else if (how === 1 || (firstName && ACCENTED.test(firstName + lastName))) {
      firstName = firstName && plain(firstName);
      lastName = plain(lastName);
    } else if (how === 2 && infix) {
      lastName = `${infix} ${lastName}`;
      infix = null;
    } else lastName = swapTwo(lastName, rng);
    Object.assign(double, { firstName, infix, lastName, initials: source.initials ?? null, gender: source.gender ?? null, addressForm: source.addressForm ?? null, birthDate: source.birthDate });
    made++;
  }
  return made;
}
