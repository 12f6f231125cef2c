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
import { nameKey, nameLikeness, type NameLikeness } from './name-keys';
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
  if (!infix.trim() && last) {
    const split = splitSurname(last, infixes);
    if (split.infix) {
      infix = split.infix;
      last = split.lastName;
      infixFromLastName = true;
    }
  }
  const domain = (rec.emailDomain ?? '').toLowerCase();
  return {
    rec,
    lastCore: nameKey(last),
    infix: nameKey(infix),
    infixFromLastName,
    first: nameKey(rec.firstName),
    initials: nameKey(rec.initials),
    orgKey: rec.kind === 'organisation' ? organisationKey(rec.name) : '',
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
  const l = nameLikeness(a.lastCore, b.lastCore);
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
    const l = nameLikeness(a.first, b.first);
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
  if (a === b) return { outcome: 'agree', reason: 'EQUAL' };
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya === yb && ma === db && da === mb) return { outcome: 'similar', reason: 'DAY_MONTH_SWAPPED' };
  return { outcome: 'differ', reason: 'DIFFERENT' };
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

/** Scores a pair field by field; `suspect` also requires an agreeing identifier. */
export function scorePair(a: Prepared, b: Prepared, w: DedupeWeights): DuplicatePair & { suspect: boolean } {
  const fields: FieldScore[] = [];
  const add = (field: DedupeField, judged: Judged | null, va: string | null, vb: string | null) => {
    const weight = w.fields[field];
    if (!judged) {
      fields.push({ field, outcome: 'missing', reason: 'MISSING', points: 0, a: va, b: vb });
      return;
    }
    const points =
      judged.outcome === 'agree' ? weight.agree : judged.outcome === 'differ' ? weight.differ : Math.round(weight.similar * (judged.scale ?? 1));
    fields.push({ field, outcome: judged.outcome, reason: judged.reason, points, a: va, b: vb });
  };
  const ra = a.rec;
  const rb = b.rec;
  if (ra.kind === 'person') {
    add('lastName', a.lastCore && b.lastCore ? judgeLastName(a, b) : null, show([ra.infix, ra.lastName].filter(Boolean).join(' ')), show([rb.infix, rb.lastName].filter(Boolean).join(' ')));
    add('firstName', judgeFirstName(a, b), show(ra.firstName ?? ra.initials), show(rb.firstName ?? rb.initials));
    add('birthDate', ra.birthDate && rb.birthDate ? judgeBirthDate(ra.birthDate, rb.birthDate) : null, show(ra.birthDate), show(rb.birthDate));
    add(
      'gender',
      ra.gender && rb.gender ? (ra.gender === rb.gender ? { outcome: 'agree', reason: 'EQUAL' } : { outcome: 'differ', reason: 'DIFFERENT' }) : null,
      show(ra.gender),
      show(rb.gender),
    );
  } else {
    const orgName = (): Judged | null => {
      if (!a.orgKey || !b.orgKey) return null;
      if (a.orgKey === b.orgKey) return { outcome: 'agree', reason: sameText(ra.name, rb.name) ? 'EQUAL' : 'LEGAL_FORM_IGNORED' };
      const l = nameLikeness(a.orgKey, b.orgKey);
      return l === 'equal' ? { outcome: 'agree', reason: 'EQUAL' } : (LIKENESS[l] as Judged);
    };
    add('orgName', orgName(), show(ra.name), show(rb.name));
    add('kvk', ra.kvkNumber && rb.kvkNumber ? (ra.kvkNumber === rb.kvkNumber ? { outcome: 'agree', reason: 'EQUAL' } : { outcome: 'differ', reason: 'DIFFERENT' }) : null, show(ra.kvkNumber), show(rb.kvkNumber));
    add('emailDomain', a.domain && b.domain ? (a.domain === b.domain ? { outcome: 'agree', reason: 'EQUAL' } : { outcome: 'differ', reason: 'DIFFERENT' }) : null, show(a.domain), show(b.domain));
  }
  // Shown per side: the value the two share when they agree, else the first one.
  const pick = (own: string[], other: string[], judged: Judged | null, norm: (v: string) => string = (v) => v) =>
    (judged?.outcome === 'agree' ? own.find((v) => other.map(norm).includes(norm(v))) : own[0]) ?? null;
  const lower = (v: string) => v.trim().toLowerCase();
  const emailJudged = judgeSet(a.emails, b.emails, ra.emails.map((e) => e.trim()), rb.emails.map((e) => e.trim()));
  add('email', emailJudged, pick(ra.emails, rb.emails, emailJudged, lower), pick(rb.emails, ra.emails, emailJudged, lower));
  const phoneJudged = judgeSet(a.phones, b.phones);
  add('phone', phoneJudged, pick(a.phones, b.phones, phoneJudged), pick(b.phones, a.phones, phoneJudged));
  const addrJudged = judgeSet(ra.addresses, rb.addresses);
  const addrA = pick(ra.addresses, rb.addresses, addrJudged);
  const addrB = pick(rb.addresses, ra.addresses, addrJudged);
  add('address', addrJudged, addrA && showAddress(addrA), addrB && showAddress(addrB));
  add('iban', a.iban && b.iban ? (a.iban === b.iban ? { outcome: 'agree', reason: 'EQUAL' } : { outcome: 'differ', reason: 'DIFFERENT' }) : null, show(a.iban), show(b.iban));

  const score = fields.reduce((s, f) => s + f.points, 0);
  const identified = fields.some((f) => f.outcome === 'agree' && IDENTIFYING_FIELDS.includes(f.field));
  const side = (r: DedupeRecord) => ({ id: r.id, number: r.number, displayName: r.displayName, kind: r.kind });
  return { a: side(ra), b: side(rb), score, fields, suspect: identified && score >= w.threshold };
}

