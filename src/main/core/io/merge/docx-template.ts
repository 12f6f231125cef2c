import zlib from 'node:zlib';
import PizZip from 'pizzip';
import { DomainError } from '../../../../shared/errors';
import { convertComplexFields, convertSimpleFields, type FieldReport } from './word-fields';
import { normalisePlaceholders, type FoundPlaceholder } from './placeholders';
import { xmlProblem } from './xml-wellformed';

/** The parts of a .docx that hold text a letter shows: body, headers, footers, notes. */
const TEXT_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

export interface TemplatePlaceholder {
  name: string;
  written: string[];
  known: boolean;
  parts: string[];
}

export interface Template {
  zip: PizZip;
  /** Normalised XML of every text part: each placeholder is one `{name}` in one run. */
  parts: Map<string, string>;
  placeholders: TemplatePlaceholder[];
  unsupported: { instruction: string; part: string }[];
}

/** A template is a letter: a few pages and a logo. Larger files are refused before they are unpacked. */
export const TEMPLATE_LIMITS = {
  /** The .docx as uploaded. */
  bytes: 20 * 1024 * 1024,
  /** Everything in it unpacked (a small zip can unpack to gigabytes). */
  unpackedBytes: 100 * 1024 * 1024,
  /** Placeholders written in the template, all parts together. */
  placeholders: 2_000,
};

const MB = 1024 * 1024;

function notDocx(reason: string): DomainError {
  return new DomainError('VALIDATION_FAILED', { reason }, [{ field: 'template', code: 'TEMPLATE_NOT_DOCX' }]);
}

function tooLarge(code: 'TEMPLATE_TOO_LARGE' | 'TEMPLATE_TOO_MANY_PLACEHOLDERS', details: Record<string, number>): DomainError {
  return new DomainError('VALIDATION_FAILED', details, [{ field: 'template', code, details }]);
}

/** What PizZip keeps of an entry it has not unpacked yet. */
interface PackedEntry {
  compressionMethod?: string;
  crc32?: number;
  uncompressedSize?: number;
  getCompressedContent?: () => Uint8Array;
}

const STORED = '\x00\x00';
const DEFLATED = '\x08\x00';

function packed(zip: PizZip, name: string): PackedEntry {
  return (zip.files[name] as unknown as { _data?: PackedEntry })._data ?? {};
}

/**
 * One entry unpacked with Node's zlib, never past the size the zip declares (so a "zip
 * bomb" that lies about it stops there), with its size and checksum verified.
 */
function unpack(entry: PackedEntry): Buffer {
  if (!entry.getCompressedContent) throw new Error('unreadable entry');
  const compressed = Buffer.from(entry.getCompressedContent());
  const size = entry.uncompressedSize ?? 0;
  let bytes: Buffer;
  if (entry.compressionMethod === STORED) bytes = compressed;
  else if (entry.compressionMethod === DEFLATED) bytes = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, size) });
  else throw new Error('unknown compression');
  if (bytes.length !== size) throw new Error('size mismatch');
  if (zlib.crc32(bytes) !== (entry.crc32 ?? 0) >>> 0) throw new Error('checksum mismatch');
  return bytes;
}

/**
 * Opens the .docx and proves it whole before anything reads it: every entry unpacks to the
 * size and checksum the zip declares, the whole stays within the limit, and every XML part
 * is well-formed. A damaged template is refused here, in Dutch, instead of failing halfway
 * or giving a letter Word cannot open. The zip returned holds the verified bytes.
 */
function openDocx(bytes: Uint8Array): PizZip {
  if (bytes.length > TEMPLATE_LIMITS.bytes) throw tooLarge('TEMPLATE_TOO_LARGE', { maxMb: TEMPLATE_LIMITS.bytes / MB });
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (e) {
    throw notDocx(e instanceof Error ? e.message : 'not a zip');
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  if (!zip.files['word/document.xml']) throw notDocx('no word/document.xml');
  const unpacked = names.reduce((sum, n) => sum + (packed(zip, n).uncompressedSize ?? 0), 0);
  if (unpacked > TEMPLATE_LIMITS.unpackedBytes) throw tooLarge('TEMPLATE_TOO_LARGE', { maxMb: TEMPLATE_LIMITS.unpackedBytes / MB });
  const verified = new PizZip();
  for (const name of names) {
    let data: Buffer;
    try {
      data = unpack(packed(zip, name));
    } catch (e) {
      throw notDocx(`${name}: ${e instanceof Error ? e.message : 'damaged'}`);
    }
    const problem = /\.(xml|rels)$/i.test(name) ? xmlProblem(data.toString('utf8')) : null;
    if (problem) throw notDocx(`${name}: ${problem}`);
    verified.file(name, data, { binary: true });
  }
  return verified;
}

export function loadTemplate(bytes: Uint8Array, resolve: (written: string) => string | null): Template {
  const zip = openDocx(bytes);
  let placeholders = 0;
  const parts = new Map<string, string>();
  const byName = new Map<string, TemplatePlaceholder>();
  const unsupported: Template['unsupported'] = [];
  for (const path of Object.keys(zip.files).filter((p) => TEXT_PART.test(p)).sort()) {
    const report = (f: FieldReport) => unsupported.push({ instruction: f.instruction, part: path });
    let xml = zip.files[path]?.asText() ?? '';
    xml = convertSimpleFields(convertComplexFields(xml, report), report);
    const normalised = normalisePlaceholders(xml, resolve);
    placeholders += normalised.found.length;
    if (placeholders > TEMPLATE_LIMITS.placeholders) throw tooLarge('TEMPLATE_TOO_MANY_PLACEHOLDERS', { max: TEMPLATE_LIMITS.placeholders });
    parts.set(path, normalised.xml);
    for (const p of normalised.found) addFound(byName, p, path);
  }
  return { zip, parts, placeholders: [...byName.values()], unsupported };
}

function addFound(byName: Map<string, TemplatePlaceholder>, p: FoundPlaceholder, part: string): void {
  const entry = byName.get(p.name) ?? { name: p.name, written: [], known: p.known, parts: [] };
  if (!entry.written.includes(p.written)) entry.written.push(p.written);
  if (!entry.parts.includes(part)) entry.parts.push(part);
  byName.set(p.name, entry);
}
