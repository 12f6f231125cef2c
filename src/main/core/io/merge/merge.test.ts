import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import { DomainError } from '../../../../shared/errors';
import { fixtureBase64, hasSoffice, ioClient, outputDir, pdfInfo, pdfPagePng, pdfText, toPdf } from '../testing/io-test-kit';
import { seedMembers } from '../testing/seed-members';

let core: Core & { clock: TestClock };
afterEach(() => core?.close());

async function setup() {
  core = createTestCore();
  const people = await seedMembers(core);
  return { io: ioClient(core), people };
}

const WORD = () => fixtureBase64('word-mergefields.docx');
const LIBRE = () => fixtureBase64('brief-libreoffice.docx');
const soffice = hasSoffice();

function partsOf(base64: string): PizZip {
  return new PizZip(Buffer.from(base64, 'base64'));
}

/** Visible text of a part: w:t contents, a paragraph per line. */
function textOf(xml: string): string {
  return xml
    .replace(/\r?\n/g, '')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g, '$1\u0000')
    .replace(/<[^>]+>/g, '')
    .replace(/\u0000/g, '')
    .replace(/&amp;/g, '&');
}

/** A minimal .docx with the given body paragraphs, for templates made inside a test. */
function docxWith(paragraphs: string[]): string {
  const zip = new PizZip(Buffer.from(WORD(), 'base64'));
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`);
  return zip.generate({ type: 'nodebuffer' }).toString('base64');
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('checking a template before merging', () => {
  it('finds Word MERGEFIELDs (complex and simple), split placeholders and unknown names in a Word document', async () => {
    const { io } = await setup();
    const check = await io('io.checkTemplate', { template: WORD(), source: { kind: 'all' } });
    const byName = Object.fromEntries(check.placeholders.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['aanhef', 'achternaam', 'adresblok', 'datum', 'email', 'lidnummer', 'naam', 'plaats', 'postcode', 'schoenmaat', 'voornaam']);
    expect(byName['voornaam']?.written).toEqual(['Voornaam']);
    expect(byName['plaats']?.written).toEqual(['plaats', 'Woonplaats:upper']);
    expect(byName['lidnummer']?.parts).toEqual(['word/document.xml', 'word/footer1.xml']);
    expect(byName['naam']?.parts).toEqual(['word/header1.xml']);
    expect(check.unknown).toEqual(['schoenmaat']);
    expect(check.unsupportedFields.map((f) => f.instruction.split(' ')[0])).toEqual(['IF', 'NEXT']);
    expect(check.recipients).toBe(7);
    expect(check.emptyFields).toContainEqual({ relationId: expect.any(String), number: 4, displayName: 'Piet Jansen', fields: ['plaats', 'postcode', 'email'] });
  });

  it('finds {{ }} and { } placeholders and LibreOffice database fields in a LibreOffice document', async () => {
    const { io } = await setup();
    const check = await io('io.checkTemplate', { template: LIBRE(), source: { kind: 'all', typeCode: 'lid' } });
    expect(check.placeholders.map((p) => p.name)).toEqual(['adresblok', 'aanhef', 'voornaam', 'achternaam', 'lidnummer', 'lid_sinds', 'postcode', 'plaats', 'geboortedatum', 'schoenmaat', 'datum', 'naam']);
    expect(check.placeholders.find((p) => p.name === 'achternaam')?.written).toEqual(['Achternaam']);
    expect(check.unknown).toEqual(['schoenmaat']);
  });

  it('refuses a file that is not a .docx, and unknown placeholders unless allowed', async () => {
    const { io } = await setup();
    const notZip = await failure(io('io.checkTemplate', { template: fixtureBase64('not-a-zip.docx'), source: { kind: 'all' } }));
    expect(notZip.issues).toEqual([{ field: 'template', code: 'TEMPLATE_NOT_DOCX' }]);
    const unknown = await failure(io('io.merge', { template: WORD(), source: { kind: 'all' } }));
    expect(unknown.issues).toEqual([{ field: 'template', code: 'TEMPLATE_UNKNOWN_PLACEHOLDER', details: { name: 'Schoenmaat' } }]);
  });

  it('never evaluates anything: expressions and object keys are just unknown names', async () => {
    const { io } = await setup();
    const template = docxWith(['{constructor} {__proto__} {toString} {a.b} {{ 7*7 }} {aanhef}', '{=1+1} {#loop}{/loop}']);
    const check = await io('io.checkTemplate', { template, source: { kind: 'all' } });
    expect(check.unknown).toEqual(['constructor', 'proto', 'tostring', 'a_b']);
    const out = await io('io.previewMerge', { template, source: { kind: 'relations', ids: [(await core.call('relations.list', {})).rows[0]?.id ?? ''] } });
    const text = textOf(partsOf(out.bytes).file('word/document.xml')?.asText() ?? '');
    expect(text).toContain('{constructor} {proto} {tostring} {a_b} {{ 7*7 }} Geachte E. Bakker-de Jong');
    expect(text).toContain('{=1+1} {#loop}{/loop}');
  });
});

describe('merging letters', () => {
  it('makes one .docx with a section per recipient, headers filled per recipient and the formatting of the first run kept', async () => {
    const { io } = await setup();
    const out = await io('io.merge', { template: WORD(), source: { kind: 'all' }, allowUnknown: true });
    expect(out).toMatchObject({ fileName: 'brieven-2026-11-22.docx', recipients: 7 });
    const zip = partsOf(out.bytes);
    const doc = zip.file('word/document.xml')?.asText() ?? '';
    expect(doc.match(/<w:sectPr\b/g)).toHaveLength(7);
    expect(doc.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(7);
    // Only the IF field (which we do not run) keeps its inner MERGEFIELD and Word's last result.
    expect(doc).not.toMatch(/MERGEFIELD (?!Tussenvoegsel)|«(?!Tussenvoegsel)|ADDRESSBLOCK|GREETINGLINE|NEXT|w:bookmarkStart/);
    const text = textOf(doc);
    expect(text).toContain('De heer J. de Vries\nOudegracht 12A\n3511 AB  UTRECHT\nDatum: 22 november 2026\nGeachte heer De Vries,\nWij schrijven u, Jan, over uw lidmaatschap (nummer 1).');
    expect(text).toContain('Uw woonplaats is Utrecht en uw achternaam is Vries.');
    expect(text).toContain('In hoofdletters: UTRECHT. Onbekend: {schoenmaat}');
    expect(text).toContain('Stichting Het Anker\nPostbus 12\n1000 AB  AMSTERDAM');
    expect(text).toContain('Geachte heer, mevrouw,');
    // 'Voornaam' came from a bold MERGEFIELD result; '{plaa' 'ts}' from an underlined first run.
    expect(doc).toMatch(/<w:rPr><w:b\/><w:noProof\/><\/w:rPr><w:t xml:space="preserve">Jan<\/w:t>/);
    expect(doc).toMatch(/<w:rPr><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">Utrecht<\/w:t>/);
    // The header names each recipient: its own copy per letter, related and typed.
    expect(textOf(zip.file('word/header1_m5.xml')?.asText() ?? '')).toContain('brief voor Stichting Het Anker');
    expect(zip.file('word/_rels/document.xml.rels')?.asText()).toContain('Id="rId8_m7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1_m7.xml"');
    expect(zip.file('[Content_Types].xml')?.asText()).toContain('<Override PartName="/word/footer1_m3.xml"');
    expect(doc).toContain('<w:headerReference w:type="default" r:id="rId8_m7"/>');
  });

  it('makes a zip with one .docx per recipient, and a preview of one letter', async () => {
    const { io, people } = await setup();
    const out = await io('io.merge', { template: LIBRE(), source: { kind: 'relations', ids: [people.zoe.id, people.jan.id] }, output: 'perRecipient', allowUnknown: true });
    expect(out).toMatchObject({ fileName: 'brieven-2026-11-22.zip', mimeType: 'application/zip', recipients: 2 });
    const zip = partsOf(out.bytes);
    expect(Object.keys(zip.files)).toEqual(['0001 3 Zoë van Dijk.docx', '0002 1 Jan de Vries.docx']);
    const jan = new PizZip(zip.file('0002 1 Jan de Vries.docx')?.asUint8Array() ?? new Uint8Array());
    expect(textOf(jan.file('word/document.xml')?.asText() ?? '')).toContain('Geachte heer De Vries,');
    expect(textOf(jan.file('word/header1.xml')?.asText() ?? '')).toContain('Jan de Vries');
    // A footer with only {datum} reads the same in every letter: one shared copy, not one per letter.
    const single = partsOf((await io('io.merge', { template: LIBRE(), source: { kind: 'all' }, allowUnknown: true })).bytes);
    expect(Object.keys(single.files).filter((f) => /^word\/footer1_m\d+\.xml$/.test(f))).toEqual(['word/footer1_m1.xml']);
    expect(Object.keys(single.files).filter((f) => /^word\/header1_m\d+\.xml$/.test(f))).toHaveLength(7);
    const preview = await io('io.previewMerge', { template: LIBRE(), source: { kind: 'all' }, index: 1 });
    expect(preview).toMatchObject({ fileName: 'voorbeeld-3.docx', recipients: 7 });
    const doc = partsOf(preview.bytes).file('word/document.xml')?.asText() ?? '';
    expect(textOf(doc)).toContain('Hierbij bevestigen wij dat Zoë Dijk lid is met nummer 3, lid sinds 1 mei 2020.');
    // '{voor' was bold, 'naam}' not: the name is bold.
    expect(doc).toMatch(/<w:rPr><w:b\/><\/w:rPr><w:t xml:space="preserve">Zoë<\/w:t>/);
  });

  it('offers the computed fields with Dutch labels', async () => {
    const { io } = await setup();
    const rows = (await io('io.mergeFields', {})).rows.map((r) => r.key);
    expect(rows).toEqual(expect.arrayContaining(['aanhef', 'aanhef_informeel', 'adresblok', 'naam', 'voornaam', 'tussenvoegsel', 'achternaam', 'voorletters', 'leeftijd', 'lidnummer', 'lid_sinds', 'geboortedatum', 'email', 'datum', 'contributie']));
  });
});

describe.skipIf(!soffice)('merged letters in LibreOffice (needs soffice)', () => {
  it('renders a page per recipient with the right text', async () => {
    const { io } = await setup();
    const dir = outputDir('merge');
    const out = await io('io.merge', { template: WORD(), source: { kind: 'all' }, allowUnknown: true });
    const file = path.join(dir, 'brieven.docx');
    fs.writeFileSync(file, Buffer.from(out.bytes, 'base64'));
    const pdf = toPdf(file);
    expect(pdfInfo(pdf)).toMatchObject({ pages: 7 });
    const pages = pdfText(pdf).split('\f');
    expect(pages[1]).toContain('brief voor Zoë van Dijk');
    expect(pages[1]).toContain('Geachte mevrouw Van Dijk,');
    expect(pages[6]).toMatch(/Lidnummer 2 — pagina 1/);
    pdfPagePng(pdf, 1, path.join(dir, 'brief-1'));
  }, 120_000);
});
