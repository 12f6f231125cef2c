import { collapseSpaces } from '../../../../shared/dutch/text';
import { isKnownInfix, normalizeInitials, splitSurname } from '../../../../shared/dutch/names';

export interface ParsedName {
  initials: string | null;
  firstName: string | null;
  infix: string | null;
  lastName: string | null;
}

// 'J.', 'J.P.', 'jp.' or a single letter: initials, not a first name.
function looksLikeInitials(token: string): boolean {
  return /^(?:\p{L}{1,3}\.)+$/u.test(token) || /^\p{Lu}$/u.test(token);
}

function givenPart(tokens: string[]): Pick<ParsedName, 'initials' | 'firstName'> {
  const initials = tokens.filter(looksLikeInitials);
  const names = tokens.filter((t) => !looksLikeInitials(t));
  return {
    initials: initials.length ? normalizeInitials(initials.join('')) : null,
    firstName: names.length ? names.join(' ') : null,
  };
}

/**
 * A full name from one 'Naam' cell: 'Jan de Vries', 'J.P. Jansen', 'Vries, Jan de',
 * 'Berg, J. van den', 'Berg, van den'. Given names or initials come first, or after the
 * comma; the tussenvoegsel is recognised from the BRP table wherever it is written.
 */
export function parseFullName(raw: string, infixes: Set<string>): ParsedName {
  const s = collapseSpaces(raw.replace(/[’‘`´]/gu, "'"));
  const comma = s.indexOf(',');
  if (comma >= 0) {
    const surname = splitSurname(s.slice(0, comma), infixes);
    const rest = s.slice(comma + 1).trim();
    if (rest === '' || isKnownInfix(infixes, rest)) {
      const whole = splitSurname(s, infixes);
      return { initials: null, firstName: null, infix: whole.infix, lastName: whole.lastName || null };
    }
    const tokens = rest.split(' ');
    // A trailing infix after the given names: 'Vries, Jan de'.
    let infix = surname.infix;
    for (let k = Math.min(3, tokens.length - 1); k >= 1; k--) {
      const tail = tokens.slice(tokens.length - k).join(' ');
      if (isKnownInfix(infixes, tail)) {
        infix = infix ?? tail.toLowerCase();
        tokens.splice(tokens.length - k, k);
        break;
      }
    }
    return { ...givenPart(tokens), infix, lastName: surname.lastName || null };
  }
  const tokens = s.split(' ');
  if (tokens.length === 1) return { initials: null, firstName: null, infix: null, lastName: s || null };
  // Leading initials ('J.P. Jansen') or one first name ('Jan van den Berg'); the rest is the surname.
  let lead = 0;
  while (lead < tokens.length - 1 && looksLikeInitials(tokens[lead] ?? '')) lead++;
  if (lead === 0) lead = 1;
  const surname = splitSurname(tokens.slice(lead).join(' '), infixes);
  return { ...givenPart(tokens.slice(0, lead)), infix: surname.infix, lastName: surname.lastName || null };
}

/** Initials from given names: 'Johannes Petrus' → 'J.P.'. */
export function initialsFromGivenNames(given: string): string {
  return normalizeInitials(
    collapseSpaces(given)
      .split(' ')
      .map((w) => w.charAt(0))
      .join(''),
  );
}
