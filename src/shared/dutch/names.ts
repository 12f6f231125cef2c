import { parseCsv } from './csv';
import { collapseSpaces, dutchSortKey } from './text';

/**
 * Name parts as stored. `infix` is the tussenvoegsel in lower case as in the BRP;
 * `exactName` marks names (e.g. Belgian "Van der Meeren") whose infix must be
 * written exactly as registered, so no capitalisation rule may touch it.
 */
export interface PersonName {
  initials?: string | null;
  firstName?: string | null;
  infix?: string | null;
  lastName?: string | null;
  exactName?: boolean | null;
}

function clean(s: string | null | undefined): string {
  return s ? collapseSpaces(s) : '';
}

// Dutch initials that are customarily written with more than one letter.
const MULTI_LETTER_INITIALS = new Set(['th', 'ch', 'chr', 'ph', 'ij', 'tj', 'sj']);

function multiLetterInitial(letters: string): string {
  if (letters.toLowerCase() === 'ij') return 'IJ.';
  return `${letters.charAt(0).toUpperCase()}${letters.slice(1).toLowerCase()}.`;
}

/**
 * 'jp' → 'J.P.', 'J. P.' → 'J.P.', 'j.p.m' → 'J.P.M.', 'Th.' stays 'Th.'.
 * A letter group is only kept together when the user wrote it with a dot and it
 * looks like a multi-letter initial ('Th.', 'Chr.'); otherwise 'jp' is two initials.
 */
export function normalizeInitials(raw: string): string {
  const out: string[] = [];
  for (const m of raw.matchAll(/(\p{L}+)(\.?)/gu)) {
    const letters = m[1] ?? '';
    const dotted = m[2] === '.';
    if (letters.length === 1) {
      out.push(`${letters.toUpperCase()}.`);
    } else if (
      dotted &&
      (MULTI_LETTER_INITIALS.has(letters.toLowerCase()) || /^\p{Lu}\p{Ll}{1,2}$/u.test(letters))
    ) {
      out.push(multiLetterInitial(letters));
    } else {
      for (const ch of letters) out.push(`${ch.toUpperCase()}.`);
    }
  }
  return out.join('');
}

/**
 * Capitalise only the first word of a tussenvoegsel ('van den' → 'Van den').
 * Elided articles ('t, d', 's) stay lower case even at the start.
 */
export function capitalizeInfix(infix: string): string {
  const s = collapseSpaces(infix).toLowerCase();
  if (!s) return '';
  const firstWord = s.split(' ')[0] ?? '';
  if (firstWord.startsWith("'") || firstWord === 't' || firstWord === 'd' || firstWord === "d'") {
    return s;
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// An infix ending in an apostrophe is glued to the name: d'Ancona, not d' Ancona.
function joinInfix(infix: string, lastName: string): string {
  return infix.endsWith("'") ? `${infix}${lastName}` : `${infix} ${lastName}`;
}

/**
 * Infix + last name. `preceded` tells whether initials, a first name or another
 * surname part come before it (then the infix stays lower case).
 */
export function formatSurname(p: PersonName, preceded: boolean): string {
  const last = clean(p.lastName);
  if (!last) return '';
  const infix = clean(p.infix);
  if (!infix) return last;
  const shown = p.exactName ? infix : preceded ? infix.toLowerCase() : capitalizeInfix(infix);
  return joinInfix(shown, last);
}

function joinParts(lead: string, p: PersonName): string {
  const surname = formatSurname(p, lead !== '');
  return [lead, surname].filter((x) => x !== '').join(' ');
}

/** 'Jan de Vries'; 'J. de Vries' without first name; 'De Vries' with only a surname. */
export function fullName(p: PersonName): string {
  return joinParts(clean(p.firstName) || clean(p.initials), p);
}

/** 'J. de Vries' (initials preferred; first name when there are none). */
export function formalName(p: PersonName): string {
  return joinParts(clean(p.initials) || clean(p.firstName), p);
}

/** Dutch list order on the core word: 'Vries, Jan de'. */
export function sortName(p: PersonName): string {
  const last = clean(p.lastName);
  if (!last) return fullName(p);
  const infix = clean(p.infix);
  const rest = [clean(p.firstName) || clean(p.initials), p.exactName ? infix : infix.toLowerCase()]
    .filter((x) => x !== '')
    .join(' ');
  return rest ? `${last}, ${rest}` : last;
}

/** Case- and accent-insensitive key for ORDER BY: lastName infix firstName initials. */
export function sortKey(p: PersonName): string {
  return dutchSortKey(
    [p.lastName, p.infix, p.firstName, p.initials].map(clean).filter((x) => x !== '').join(' '),
  );
}

// Typographic apostrophes and accents typed instead of ' must match the table.
function infixKey(s: string): string {
  return collapseSpaces(s.replace(/[’‘`´]/gu, "'")).toLowerCase();
}

/** Reads voorvoegsels-rvig-tabel36.csv (one column, header `voorvoegsel`). */
export function parseVoorvoegsels(csvText: string): Set<string> {
  const set = new Set<string>();
  for (const row of parseCsv(csvText)) {
    const key = infixKey(row[0] ?? '');
    if (key && key !== 'voorvoegsel') set.add(key);
  }
  return set;
}

export function isKnownInfix(set: Set<string>, infix: string): boolean {
  return set.has(infixKey(infix));
}

const maxWordsCache = new WeakMap<Set<string>, number>();

function maxInfixWords(known: Set<string>): number {
  let max = maxWordsCache.get(known);
  if (max === undefined) {
    max = 0;
    for (const k of known) max = Math.max(max, k.split(' ').length);
    maxWordsCache.set(known, max);
  }
  return max;
}

export interface SplitSurname {
  infix: string | null;
  lastName: string;
}

/**
 * The words of Dutch tussenvoegsels. The BRP table also lists foreign articles (el, al, la,
 * le, di, von, dos, …): Dutch practice files those as part of the surname when the family
 * writes them with a capital ('El Amrani', 'Di Stefano'); only written in lower case ('el
 * Amrani') are they a voorvoegsel.
 */
const DUTCH_INFIX_WORDS = new Set(['aan', 'bij', 'de', 'den', 'der', 'des', 'het', 'in', 'onder', 'op', 'over', "'s", "'t", 's', 't', 'te', 'ten', 'ter', 'tot', 'uit', 'uijt', 'van', 'ver', 'voor', "d'"]);

function isDutchInfix(infix: string): boolean {
  return infix.split(' ').every((w) => DUTCH_INFIX_WORDS.has(w));
}

/** A Dutch voorvoegsel in any case; a foreign article only when written in lower case. */
function splitsOff(written: string, infix: string): boolean {
  return isDutchInfix(infix) || !/^\p{Lu}/u.test(written);
}

/** 'El Amrani', 'Di Stefano': a capitalised foreign article at the start belongs to the surname. */
function startsWithForeignArticle(tokens: string[], known: Set<string>): boolean {
  const first = tokens[0] ?? '';
  return tokens.length > 1 && known.has(infixKey(first)) && !splitsOff(first, infixKey(first));
}

function leadingInfix(tokens: string[], known: Set<string>): SplitSurname | null {
  for (let k = Math.min(maxInfixWords(known), tokens.length); k >= 1; k--) {
    if (k < tokens.length) {
      const written = tokens.slice(0, k).join(' ');
      const cand = infixKey(written);
      const rest = tokens.slice(k).join(' ');
      // The longest voorvoegsel decides: 'De la Cruz' is not 'de' + 'la Cruz'.
      if (known.has(cand) && /\p{L}/u.test(rest)) return splitsOff(written, cand) ? { infix: cand, lastName: rest } : null;
    }
    // Elided article glued to the name: d'Ancona, van de l'Isle.
    const tok = tokens[k - 1] ?? '';
    const apos = tok.indexOf("'");
    if (apos > 0 && apos < tok.length - 1) {
      const written = [...tokens.slice(0, k - 1), tok.slice(0, apos + 1)].join(' ');
      const cand = infixKey(written);
      const rest = [tok.slice(apos + 1), ...tokens.slice(k)].join(' ');
      if (known.has(cand) && /^\p{L}/u.test(rest)) return splitsOff(written, cand) ? { infix: cand, lastName: rest } : null;
    }
  }
  return null;
}

function trailingInfix(tokens: string[], raw: string, known: Set<string>): SplitSurname | null {
  // Old exports write 'Berg van den' (or 'Berg Van Den'). Only trust a trailing infix that
  // is Dutch, written in lower case, or when everything is capitals, so a name like 'Ho Le'
  // stays intact.
  const allCaps = raw === raw.toUpperCase() && raw !== raw.toLowerCase();
  for (let k = Math.min(maxInfixWords(known), tokens.length - 1); k >= 1; k--) {
    const tail = tokens.slice(tokens.length - k);
    const cand = infixKey(tail.join(' '));
    if (known.has(cand) && (allCaps || isDutchInfix(cand) || tail.every((w) => w === w.toLowerCase()))) {
      return { infix: cand, lastName: tokens.slice(0, tokens.length - k).join(' ') };
    }
  }
  return null;
}

/**
 * Split a surname as typed or imported into tussenvoegsel + achternaam:
 * 'van den Berg', 'Berg, van den', 'Berg van den', "'t Hart", "d'Ancona", 'De Vries'.
 * Double names keep their inner infix ('Jansen-van Dijk' is not split) and unknown
 * words are left alone ('Vandenberg'). The longest known infix wins.
 */
export function splitSurname(raw: string, known: Set<string>): SplitSurname {
  const s = collapseSpaces(raw.replace(/[’‘`´]/gu, "'"));
  if (!s) return { infix: null, lastName: '' };

  const comma = s.indexOf(',');
  if (comma >= 0) {
    const left = s.slice(0, comma).trim();
    const right = s.slice(comma + 1).trim();
    if (!right) return splitSurname(left, known);
    if (left && isKnownInfix(known, right)) return { infix: infixKey(right), lastName: left };
    return { infix: null, lastName: s };
  }

  // Only an infix and no name: nothing sensible to split.
  if (isKnownInfix(known, s)) return { infix: null, lastName: s };
  const tokens = s.split(' ');
  const leading = leadingInfix(tokens, known);
  if (leading === null && startsWithForeignArticle(tokens, known)) return { infix: null, lastName: s };
  return leading ?? trailingInfix(tokens, s, known) ?? { infix: null, lastName: s };
}
