import { foldDiacritics } from '../../../shared/dutch/text';

/**
 * The EPC's Latin character set for SEPA text fields: a-z A-Z 0-9 / - ? : ( ) . , ' + and
 * space. Banks reject or mangle anything else, so names and remittance text are
 * transliterated before they go in a file: diacritics dropped (ë → e), & → +, curly quotes
 * to ', anything else left becomes a space; then spaces collapsed and the text cut.
 */
const OUTSIDE = /[^A-Za-z0-9/\-?:().,'+ ]/gu;

const CLEAN = /^[A-Za-z0-9/\-?:().,'+]+(?: [A-Za-z0-9/\-?:().,'+]+)*$/u;

export function toEpcText(s: string, max: number): string {
  // Most names and texts are already plain: no need to fold them.
  if (CLEAN.test(s)) return s.length <= max ? s : s.slice(0, max).trimEnd();
  const t = foldDiacritics(s)
    .replace(/&/gu, '+')
    .replace(/[\u2018\u2019\u201A\u201B\u00B4`]/gu, "'")
    .replace(/[\u2010-\u2015]/gu, '-')
    .replace(/["\u201C\u201D\u201E]/gu, "'")
    .replace(OUTSIDE, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return t.slice(0, max).trimEnd();
}

/** An identifier (MsgId, PmtInfId, EndToEndId, MndtId): the set without space; no leading or double '/'. */
export const EPC_ID = /^(?!\/)(?!.*\/\/)[A-Za-z0-9/\-?:().,'+]{1,35}$/u;

export function isEpcId(s: string): boolean {
  return EPC_ID.test(s);
}
