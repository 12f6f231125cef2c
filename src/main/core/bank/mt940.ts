import { normalizeIban } from '../../../shared/dutch/iban';
import { amountToCents, badStatement, fillContentRefs, realRef, type ParsedStatement, type StatementEntry } from './statement';

/**
 * MT940 in the Dutch structured form (ING "Structured MT940" v4, Rabobank MT940 structured
 * since 2014). Both carry SEPA fields in :86: as /TAG/value: EREF (EndToEndId), MARF (mandate),
 * CSID (creditor id), RTRN (return reason), PREF (batch PmtInfId), NRTX (transactions in a
 * batch), REMI (remittance: ING 'USTD//text' or 'STRD/CUR/ref', Rabobank plain text), the
 * other party as ING CNTP/iban/bic/name/city or Rabobank ORDP//NAME/…, BENM//NAME/….
 * ING puts its own entry reference after '//' in :61:; Rabobank gives none, so the entry's
 * content keys it (statement.ts, fillContentRefs).
 */
const KNOWN_TAGS = ['EREF', 'MARF', 'CSID', 'RTRN', 'PREF', 'NRTX', 'REMI', 'CNTP', 'ORDP', 'BENM', 'NAME', 'ADDR', 'ID', 'ISDT', 'IREF', 'SVCL', 'PURP', 'ULTC', 'ULTD', 'ULTB', 'BUSP', 'TRCD', 'CDTRREFTP', 'CDTRREF', 'CD', 'ISSR', 'OCMT', 'RTYP', 'BENM', 'CODE'];
const TAG_RE = new RegExp(`/(${KNOWN_TAGS.join('|')})/`, 'gu');

export function looksLikeMt940(text: string): boolean {
  return /(^|\n):20:/u.test(text) && /(^|\n):25:/u.test(text) && /(^|\n):61:/u.test(text);
}

export function looksLikeMt940Start(text: string): boolean {
  const head = text.replace(/^\uFEFF/u, '').trimStart().slice(0, 200);
  return /^(\{1:|:20:|:940:|0000 |940)/u.test(head) || /(^|\n):20:/u.test(head);
}

interface Fields {
  tag: string;
  value: string;
}

/** Splits the file into :tag: fields; continuation lines belong to the field before. */
function fields(text: string): Fields[] {
  const out: Fields[] = [];
  for (const raw of text.replace(/\r\n?/gu, '\n').split('\n')) {
    const line = raw.replace(/\s+$/u, '');
    const m = /^:(\d{2}[A-Z]?):(.*)$/u.exec(line);
    if (m) out.push({ tag: m[1]!, value: m[2]! });
    else if (line === '-' || line === '-}' || /^\{|^\}/u.test(line) || line === '') continue;
    else if (out.length > 0) out.at(-1)!.value += `\n${line}`;
  }
  return out;
}

/** The :86: /TAG/value pairs; a value runs until the next known tag. */
export function structured86(text: string): Map<string, string> {
  const flat = text.replace(/\n/gu, '');
  const map = new Map<string, string>();
  const hits = [...flat.matchAll(TAG_RE)];
  hits.forEach((m, k) => {
    const start = m.index + m[0].length;
    const end = k + 1 < hits.length ? hits[k + 1]!.index : flat.length;
    const value = flat.slice(start, end).replace(/\/+$/u, '');
    const tag = m[1]!;
    // The name after ORDP or BENM is the other party's; keep the first of each.
    const key = tag === 'NAME' ? (hits[k - 1]?.[1] === 'ORDP' || hits[k - 1]?.[1] === 'BENM' ? `${hits[k - 1]![1]}NAME` : 'NAME') : tag;
    if (!map.has(key)) map.set(key, value);
  });
  return map;
}

const yymmdd = (s: string) => `20${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4, 6)}`;

function balance(v: string): number | null {
  const m = /^([CD])(\d{6})([A-Z]{3})([\d,]+)$/u.exec(v.trim());
  if (!m) return null;
  const c = amountToCents(m[4]!);
  return c === null ? null : m[1] === 'D' ? -c : c;
}

export function parseMt940(text: string): ParsedStatement {
  const fs = fields(text.replace(/^\uFEFF/u, ''));
  const account = fs.find((f) => f.tag === '25')?.value.trim();
  if (!account) throw badStatement('BANK_NO_ACCOUNT');
  const ibanMatch = /([A-Z]{2}\d{2}[A-Z0-9]{10,30}?)(?:\s*[A-Z]{3})?$/u.exec(account.replace(/\s+EUR$/u, 'EUR').replace(/\s/gu, ''));
  const iban = normalizeIban(ibanMatch?.[1] ?? account);
  const accounts = new Set(fs.filter((f) => f.tag === '25').map((f) => normalizeIban(/([A-Z]{2}\d{2}[A-Z0-9]{10,30}?)(?:EUR)?$/u.exec(f.value.replace(/\s/gu, ''))?.[1] ?? f.value)));
  if (accounts.size > 1) throw badStatement('BANK_SEVERAL_ACCOUNTS', { accounts: [...accounts].join(', ') });
  const dialect = /RABO/u.test(iban) || /^940S/u.test(fs.find((f) => f.tag === '20')?.value ?? '') ? 'rabobank' : 'ing';
  if (!fs.some((f) => f.tag === '62F' || f.tag === '62M')) throw badStatement('BANK_MT940_TRUNCATED');
  const entries: (Omit<StatementEntry, 'bankRef'> & { bankRef: string | null })[] = [];
  let opening: number | null = null;
  let closing: number | null = null;
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i]!;
    if ((f.tag === '60F' || f.tag === '60M') && opening === null) opening = balance(f.value);
    if (f.tag === '62F' || f.tag === '62M') closing = balance(f.value);
    if (f.tag !== '61') continue;
    const info = fs[i + 1]?.tag === '86' ? fs[i + 1]!.value : '';
    entries.push(readEntry(f.value, info, dialect, entries.length + 1));
  }
  const dates = entries.map((e) => e.bookingDate).sort();
  return {
    format: 'mt940',
    dialect,
    accountIban: iban,
    statementRef: [fs.find((f) => f.tag === '20')?.value.trim(), fs.find((f) => f.tag === '28C')?.value.trim()].filter(Boolean).join('/') || null,
    fromDate: dates[0] ?? null,
    toDate: dates.at(-1) ?? null,
    openingCents: opening,
    closingCents: closing,
    entries: fillContentRefs(entries),
  };
}

function readEntry(line61: string, info: string, dialect: string, n: number): Omit<StatementEntry, 'bankRef'> & { bankRef: string | null } {
  const [first, ...more] = line61.split('\n');
  // YYMMDD [MMDD] (R)C|D [funds code] amount N|S|F xxx reference [//bank reference]
  const m = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?([\d,]+)([NSF][A-Z0-9]{3})([^/]*)(?:\/\/(.*))?$/u.exec(first!.trim());
  if (!m) throw badStatement('BANK_MT940_BAD_LINE', { where: `:61: nr. ${n}`, line: first!.slice(0, 60) });
  const cents = amountToCents(m[5]!);
  if (cents === null) throw badStatement('BANK_ENTRY_NO_AMOUNT', { where: `:61: nr. ${n}` });
  const valueDate = yymmdd(m[1]!);
  const bookingDate = m[2] ? `${valueDate.slice(0, 4)}-${m[2].slice(0, 2)}-${m[2].slice(2, 4)}` : valueDate;
  const debit = m[3] === 'D' || m[3] === 'RC';
  const t = structured86(info);
  const remi = t.get('REMI') ?? null;
  let remittance: string | null = remi;
  let structuredRef: string | null = null;
  if (remi?.startsWith('USTD//')) remittance = remi.slice(6);
  else if (remi?.startsWith('STRD/')) {
    structuredRef = remi.split('/').filter(Boolean).at(-1) ?? null;
    remittance = null;
  }
  if (t.has('CDTRREF')) structuredRef ??= t.get('CDTRREF') ?? null;
  const cntp = t.get('CNTP')?.split('/');
  const counterIban = cntp?.[0] || (dialect === 'rabobank' ? more.find((l) => /^[A-Z]{2}\d{2}[A-Z0-9]{8,}/u.test(l.trim()))?.trim().split(/\s/u)[0] : undefined);
  const name = cntp?.[2] || t.get(debit ? 'BENMNAME' : 'ORDPNAME') || t.get('ORDPNAME') || t.get('BENMNAME') || t.get('NAME') || null;
  const nrtx = t.get('NRTX');
  const ownRef = realRef(m[7]);
  return {
    bankRef: realRef(m[8]?.trim()) ?? null,
    bookingDate,
    valueDate,
    amountCents: debit ? -cents : cents,
    reversal: m[3]!.startsWith('R'),
    bankTxCode: m[6]! + (t.get('TRCD') ? `/${t.get('TRCD')}` : ''),
    counterpartyName: name ? name.trim() : null,
    counterpartyIban: counterIban ? normalizeIban(counterIban) : null,
    endToEndId: realRef(t.get('EREF')) ?? (dialect === 'rabobank' ? ownRef : null),
    mandateRef: realRef(t.get('MARF')),
    pmtInfId: realRef(t.get('PREF')),
    structuredRef,
    remittance: remittance?.trim() || (t.size === 0 ? info.replace(/\n/gu, ' ').trim() || null : null),
    returnCode: realRef(t.get('RTRN')),
    returnText: null,
    batchCount: nrtx ? Number(nrtx) : t.has('PREF') ? 0 : null,
    transactions: [],
  };
}
