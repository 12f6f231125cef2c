import { foldDiacritics } from '../../../../shared/dutch/text';

/** The text encodings users' CSV files come in. */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** The file started with a byte-order mark. */
  bom: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes → text. A BOM decides; otherwise a file that is valid UTF-8 is UTF-8 (pure ASCII
 * is both) and anything else is Windows-1252, which is what Excel NL and old Windows tools
 * write. A caller that knows better passes `encoding`.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding | 'auto' = 'auto'): DecodedText {
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16Bom = bytes[0] === 0xff && bytes[1] === 0xfe;
  let chosen: TextEncoding;
  if (encoding !== 'auto') chosen = encoding;
  else if (utf16Bom) chosen = 'utf-16le';
  else if (utf8Bom) chosen = 'utf-8';
  else {
    // One strict pass both checks and decodes: most files are UTF-8.
    const text = strictUtf8OrNull(bytes);
    if (text !== null) return { text, encoding: 'utf-8', bom: false };
    chosen = 'windows-1252';
  }
  const bom = (chosen === 'utf-8' && utf8Bom) || (chosen === 'utf-16le' && utf16Bom);
  const body = bom ? bytes.subarray(chosen === 'utf-8' ? 3 : 2) : bytes;
  return { text: new TextDecoder(chosen, { ignoreBOM: true }).decode(body), encoding: chosen, bom };
}

function strictUtf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

// The 0x80–0x9F block of Windows-1252 (the rest of 0x00–0xFF is Latin-1).
const HIGH_BLOCK = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const TO_1252 = new Map<number, number>(HIGH_BLOCK.map((cp, i) => [cp, 0x80 + i]));

function byteFor(cp: number): number | undefined {
  if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) return cp;
  return TO_1252.get(cp);
}

/**
 * One character as Windows-1252 (and the PDF standard fonts' WinAnsi, the same set) can
 * hold it: itself, else its base letter(s) (ő → o, ı → i, ĳ → ij), else '?'. The one rule
 * for every output limited to that code page: CSV exports and PDF documents.
 */
export function windows1252Form(ch: string): string {
  if (byteFor(ch.codePointAt(0) ?? 0x3f) !== undefined) return ch;
  let out = '';
  for (const f of foldDiacritics(ch)) out += f === ch || byteFor(f.codePointAt(0) ?? 0x3f) === undefined ? '?' : f;
  return out;
}

/**
 * Text → Windows-1252 bytes, each character that the code page lacks in its
 * windows1252Form; `replaced` counts those.
 */
export function encodeWindows1252(text: string): { bytes: Uint8Array; replaced: number } {
  // Folding can turn one character into two (ĳ → ij), never more.
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  let replaced = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    const direct = byteFor(cp);
    if (direct !== undefined) {
      out[n++] = direct;
      continue;
    }
    replaced++;
    for (const f of windows1252Form(ch)) out[n++] = byteFor(f.codePointAt(0) ?? 0x3f) ?? 0x3f;
  }
  return { bytes: out.subarray(0, n), replaced };
}

export function encodeUtf8(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
