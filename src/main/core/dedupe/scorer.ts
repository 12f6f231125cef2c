import {
  IDENTIFYING_FIELDS,
  type DedupeField,
  type DedupeWeights,
  type DuplicatePair,
  type FieldScore,
} from '../../../shared/contract/dedupe';
import { splitSurname } from '../../../shared/dutch/names';
import { phoneDigits } from '../../../shared/dutch/phone';
import { normalizeIban } from '../../../shared/dutch/iban';
import { foldDiacritics } from '../../../shared/dutch/text';
import { isPublicMailDomain } from '../relations/public-mail-domains';
import { nameKey, nameLikeness, soundKey, type NameLikeness } from './name-keys';
import { initialsFor, sameRoepnaamFamily } from './roepnamen';

/** One relation as the scorer sees it: raw values, straight from the database or a typed form. */
export interface DedupeRecord {
  id: string;
  number: number;
  kind: 'person' | 'organisation';
  displayName: string;
  initials?: string | null;
  firstName?: string | null;
  infix?: string | null;
  lastName?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  name?: string | null;
  kvkNumber?: string | null;
  emailDomain?: string | null;
  emails: string[];
  phones: string[];
  iban?: string | null;
  /** Current addresses as `postcode|number|letter|suffix` (postcode without space). */
  addresses: string[];
}

/** A record with every comparison key computed once (a scan compares each record many times). */
export interface Prepared {
  rec: DedupeRecord;
  lastCore: string;
  infix: string;
  /** Whether the tussenvoegsel was found inside the last-name column ("de Vries", "Vries, de"). */
  infixFromLastName: boolean;
  first: string;
  initials: string;
  orgKey: string;
  /** Sound keys of lastCore, first and orgKey, computed once (the scan compares each record often). */
  sound: { last: string; first: string; org: string };
  emails: string[];
  phones: string[];
  iban: string;
  domain: string;
}

// Legal forms and the words a register adds in front of a name: not part of who it is.
const LEGAL_WORDS = new Set(['bv', 'nv', 'vof', 'cv', 'ua', 'wa', 'stichting', 'vereniging', 'cooperatie', 'maatschap', 'kerkgenootschap', 'ev', 'ltd', 'gmbh']);

/** "Stichting De Hoop", "De Hoop B.V." and "de hoop" all become "dehoop". */
export function organisationKey(name: string | null | undefined): string {
  if (!name) return '';
  const words = foldDiacritics(name)
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !LEGAL_WORDS.has(w));
  return nameKey(words.join(' ')) || nameKey(name);
}

export function addressKey(a: { postcode?: string | null; houseNumber?: number | null; houseLetter?: string | null; houseNumberSuffix?: string | null }): string | null {
  if (!a.postcode || !a.houseNumber) return null;
  return [a.postcode.replace(/\s/g, '').toUpperCase(), a.houseNumber, (a.houseLetter ?? '').toUpperCase(), (a.houseNumberSuffix ?? '').toUpperCase()].join('|');
}

export function prepare(rec: DedupeRecord, infixes: Set<string>): Prepared {
  let infix = rec.infix ?? '';
  let last = rec.lastName ?? '';
  let infixFromLastName = false;
  // Only a last name with a space, comma or apostrophe can hold a tussenvoegsel.
  if (!infix.trim() && last && /[\s,'’‘`´]/u.test(last)) {
    const split = splitSurname(last, infixes);
    if (split.infix) {
      infix = split.infix;
      last = split.lastName;
      infixFromLastName = true;
    }
  }
  const domain = (rec.emailDomain ?? '').toLowerCase();
  const lastCore = nameKey(last);
  const first = nameKey(rec.firstName);
  const orgKey = rec.kind === 'organisation' ? organisationKey(rec.name) : '';
  return {
    rec,
    lastCore,
    infix: nameKey(infix),
    infixFromLastName,
    first,
    initials: nameKey(rec.initials),
    orgKey,
    sound: { last: soundKey(lastCore), first: soundKey(first), org: soundKey(orgKey) },
    emails: [...new Set(rec.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))],
    phones: [...new Set(rec.phones.map(phoneDigits).filter((d) => d.length >= 8))],
    iban: rec.iban ? normalizeIban(rec.iban) : '',
    domain: domain && !isPublicMailDomain(domain) ? domain : '',
  };
}

/**
 * The values a pair must share for the scorer to suspect it (the identifying fields): a scan
 * only compares records that share one of these, which loses nothing because a pair without
 * an agreeing identifier is never suspected.
 */
export function blockingKeys(p: Prepared): string[] {
  const k = p.rec.kind === 'person' ? 'p' : 'o';
  const keys: string[] = [];
  for (const e of p.emails) keys.push(`${k}e:${e}`);
  for (const ph of p.phones) keys.push(`${k}t:${ph}`);
  for (const a of p.rec.addresses) keys.push(`${k}a:${a}`);
  if (p.iban) keys.push(`${k}i:${p.iban}`);
  if (k === 'p' && p.rec.birthDate) keys.push(`pb:${p.rec.birthDate}`);
  if (k === 'o' && p.rec.kvkNumber) keys.push(`ok:${p.rec.kvkNumber}`);
  if (k === 'o' && p.domain) keys.push(`od:${p.domain}`);
  return keys;
}

type Outcome = FieldScore['outcome'];
interface Judged {
  outcome: Outcome;
  reason: string;
  /** Scale of the `similar` points (a mere look-alike counts half). */
  scale?: number;
}

const AGREE: Judged = { outcome: 'agree', reason: 'EQUAL' };
const DIFFER: Judged = { outcome: 'differ', reason: 'DIFFERENT' };
const SWAPPED: Judged = { outcome: 'similar', reason: 'DAY_MONTH_SWAPPED' };

const LIKENESS: Record<Exclude<NameLikeness, 'equal'>, Judged> = {
  'sounds-alike': { outcome: 'similar', reason: 'SOUNDS_ALIKE' },
  typo: { outcome: 'similar', reason: 'TYPO' },
  'looks-alike': { outcome: 'similar', reason: 'LOOKS_ALIKE', scale: 0.5 },
  different: { outcome: 'differ', reason: 'DIFFERENT' },
};

const sameText = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

function judgeLastName(a: Prepared, b: Prepared): Judged {
  if (a.lastCore === b.lastCore) {
    if (a.infix === b.infix) {
      if (a.infixFromLastName !== b.infixFromLastName) return { outcome: 'agree', reason: 'INFIX_IN_LAST_NAME' };
      return { outcome: 'agree', reason: sameText(a.rec.lastName, b.rec.lastName) && sameText(a.rec.infix, b.rec.infix) ? 'EQUAL' : 'EQUAL_FOLDED' };
    }
    return { outcome: 'similar', reason: a.infix && b.infix ? 'INFIX_DIFFERS' : 'INFIX_MISSING' };
  }
  const l = nameLikeness(a.lastCore, b.lastCore, a.sound.last, b.sound.last);
  return l === 'equal' ? { outcome: 'agree', reason: 'EQUAL' } : (LIKENESS[l] as Judged);
}

const firstToken = (s: string | null | undefined) => nameKey((s ?? '').trim().split(/[\s-]+/)[0]);

function judgeFirstName(a: Prepared, b: Prepared): Judged | null {
  if (a.first && b.first) {
    if (a.first === b.first) return { outcome: 'agree', reason: sameText(a.rec.firstName, b.rec.firstName) ? 'EQUAL' : 'EQUAL_FOLDED' };
    const fa = firstToken(a.rec.firstName);
    const fb = firstToken(b.rec.firstName);
    if (sameRoepnaamFamily(fa, fb)) return { outcome: 'agree', reason: 'ROEPNAAM' };
    if (fa === fb) return { outcome: 'similar', reason: 'FIRST_OF_NAMES' };
    const l = nameLikeness(a.first, b.first, a.sound.first, b.sound.first);
    return l === 'equal' ? { outcome: 'agree', reason: 'EQUAL' } : (LIKENESS[l] as Judged);
  }
  // Initials against a first name: "J." fits Jan, "C." fits Kees (registered as Cornelis).
  const named = a.first ? a : b.first ? b : null;
  const other = named === a ? b : a;
  if (named && other.initials) {
    return initialsFor(firstToken(named.rec.firstName)).has(other.initials.charAt(0))
      ? { outcome: 'similar', reason: 'INITIALS_FIT' }
      : { outcome: 'differ', reason: 'INITIALS_DIFFER' };
  }
  if (a.initials && b.initials) {
    if (a.initials.charAt(0) !== b.initials.charAt(0)) return { outcome: 'differ', reason: 'INITIALS_DIFFER' };
    return { outcome: 'similar', reason: a.initials === b.initials ? 'INITIALS_EQUAL' : 'INITIALS_FIT' };
  }
  return null;
}

function judgeBirthDate(a: string, b: string): Judged {
  if (a === b) return AGREE;
  // YYYY-MM-DD: the same year with day and month the other way round.
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)) return SWAPPED;
  return DIFFER;
}

function judgeSet(a: string[], b: string[], rawA: string[] = a, rawB: string[] = b): Judged | null {
  if (!a.length || !b.length) return null;
  const shared = a.find((v) => b.includes(v));
  if (shared === undefined) return { outcome: 'differ', reason: 'DIFFERENT' };
  const exact = rawA.some((v) => rawB.includes(v));
  return { outcome: 'agree', reason: exact ? 'EQUAL' : 'EQUAL_IGNORING_CASE' };
}

const show = (v: string | null | undefined) => (v && v.trim() ? v : null);
const showAddress = (k: string) => {
  const [pc, nr, letter, suffix] = k.split('|');
  return `${pc?.slice(0, 4)} ${pc?.slice(4)} ${nr}${letter}${suffix ? `-${suffix}` : ''}`;
};

const sameOrNot = (x: string, y: string): Judged => (x === y ? AGREE : DIFFER);

const PERSON_FIELDS: readonly DedupeField[] = ['lastName', 'firstName', 'birthDate', 'gender', 'email', 'phone', 'address', 'iban'];
const ORGANISATION_FIELDS: readonly DedupeField[] = ['orgName', 'kvk', 'emailDomain', 'email', 'phone', 'address', 'iban'];
const IDENTIFYING = new Set(IDENTIFYING_FIELDS);

function judge(field: DedupeField, a: Prepared, b: Prepared): Judged | null {
  const ra = a.rec;
  const rb = b.rec;
  switch (field) {
    case 'lastName':
      return a.lastCore && b.lastCore ? judgeLastName(a, b) : null;
    case 'firstName':
      return judgeFirstName(a, b);
    case 'birthDate':
      return ra.birthDate && rb.birthDate ? judgeBirthDate(ra.birthDate, rb.birthDate) : null;
    case 'gender':
      return ra.gender && rb.gender ? sameOrNot(ra.gender, rb.gender) : null;
    case 'orgName': {
      if (!a.orgKey || !b.orgKey) return null;
      if (a.orgKey === b.orgKey) return sameText(ra.name, rb.name) ? AGREE : { outcome: 'agree', reason: 'LEGAL_FORM_IGNORED' };
      const l = nameLikeness(a.orgKey, b.orgKey, a.sound.org, b.sound.org);
      return l === 'equal' ? AGREE : (LIKENESS[l] as Judged);
    }
    case 'kvk':
      return ra.kvkNumber && rb.kvkNumber ? sameOrNot(ra.kvkNumber, rb.kvkNumber) : null;
    case 'emailDomain':
      return a.domain && b.domain ? sameOrNot(a.domain, b.domain) : null;
    case 'email':
      return judgeSet(a.emails, b.emails, ra.emails.map((e) => e.trim()), rb.emails.map((e) => e.trim()));
    case 'phone':
      return judgeSet(a.phones, b.phones);
    case 'address':
      return judgeSet(ra.addresses, rb.addresses);
    case 'iban':
      return a.iban && b.iban ? sameOrNot(a.iban, b.iban) : null;
  }
}

// Shown per side: the value the two share when they agree, else the first one.
function pick(own: string[], other: string[], agreed: boolean, norm: (v: string) => string): string | null {
  return (agreed ? own.find((v) => other.some((o) => norm(o) === norm(v))) : own[0]) ?? null;
}
const asIs = (v: string) => v;
const lower = (v: string) => v.trim().toLowerCase();

function shownValue(field: DedupeField, self: Prepared, other: Prepared, agreed: boolean): string | null {
  const r = self.rec;
  switch (field) {
    case 'lastName':
      return show([r.infix, r.lastName].filter(Boolean).join(' '));
    case 'firstName':
      return show(r.firstName ?? r.initials);
    case 'birthDate':
      return show(r.birthDate);
    case 'gender':
      return show(r.gender);
    case 'orgName':
      return show(r.name);
    case 'kvk':
      return show(r.kvkNumber);
    case 'emailDomain':
      return show(self.domain);
    case 'email':
      return pick(r.emails, other.rec.emails, agreed, lower);
    case 'phone':
      return pick(self.phones, other.phones, agreed, asIs);
    case 'address': {
      const k = pick(r.addresses, other.rec.addresses, agreed, asIs);
      return k && showAddress(k);
    }
    case 'iban':
      return show(self.iban);
  }
}

const side = (r: DedupeRecord) => ({ id: r.id, number: r.number, displayName: r.displayName, kind: r.kind });

/**
 * Scores a pair field by field; `suspect` also requires an agreeing identifier. With
 * `detail: 'suspects'` (the scan) the per-field explanation is only built for suspected
 * pairs: the scan scores hundreds of thousands of pairs and keeps a few hundred.
 */
export function scorePair(a: Prepared, b: Prepared, w: DedupeWeights, detail: 'always' | 'suspects' = 'always'): DuplicatePair & { suspect: boolean } {
  const list = a.rec.kind === 'person' ? PERSON_FIELDS : ORGANISATION_FIELDS;
  const judged = list.map((f) => judge(f, a, b));
  const points = judged.map((j, i) => {
    if (!j) return 0;
    const weight = w.fields[list[i] as DedupeField];
    return j.outcome === 'agree' ? weight.agree : j.outcome === 'differ' ? weight.differ : Math.round(weight.similar * (j.scale ?? 1));
  });
  let score = 0;
  let identified = false;
  for (let i = 0; i < list.length; i++) {
    score += points[i] as number;
    if (judged[i]?.outcome === 'agree' && IDENTIFYING.has(list[i] as DedupeField)) identified = true;
  }
  const suspect = identified && score >= w.threshold;
  const fields: FieldScore[] =
    suspect || detail === 'always'
      ? list.map((field, i) => {
          const j = judged[i] ?? null;
          const agreed = j?.outcome === 'agree';
          return {
            field,
            outcome: j ? j.outcome : 'missing',
            reason: j ? j.reason : 'MISSING',
            points: points[i] as number,
            a: shownValue(field, a, b, agreed),
            b: shownValue(field, b, a, agreed),
          };
        })
      : [];
  return { a: side(a.rec), b: side(b.rec), score, fields, suspect };
}
