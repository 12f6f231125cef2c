import PizZip from 'pizzip';
import { DomainError } from '../../../../shared/errors';
import { convertComplexFields, convertSimpleFields, type FieldReport } from './word-fields';
import { normalisePlaceholders, type FoundPlaceholder } from './placeholders';

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

function notDocx(reason: string): DomainError {
  return new DomainError('VALIDATION_FAILED', { reason }, [{ field: 'template', code: 'TEMPLATE_NOT_DOCX' }]);
}

/**
 * Opens the user's Word template and brings it into one shape: Word MERGEFIELDs (complex
 * and simple), `{{naam}}` and `{naam}` all become `{naam}` in a single run. Nothing in the
 * template is ever evaluated: a placeholder is a plain field name, looked up in a table.
 */
export function loadTemplate(bytes: Uint8Array, resolve: (written: string) => string | null): Template {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (e) {
    throw notDocx(e instanceof Error ? e.message : 'not a zip');
  }
  if (!zip.files['word/document.xml']) throw notDocx('no word/document.xml');
  const parts = new Map<string, string>();
  const byName = new Map<string, TemplatePlaceholder>();
  const unsupported: Template['unsupported'] = [];
  for (const path of Object.keys(zip.files).filter((p) => TEXT_PART.test(p)).sort()) {
    const report = (f: FieldReport) => unsupported.push({ instruction: f.instruction, part: path });
    let xml = zip.files[path]?.asText() ?? '';
    xml = convertSimpleFields(convertComplexFields(xml, report), report);
    const normalised = normalisePlaceholders(xml, resolve);
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
