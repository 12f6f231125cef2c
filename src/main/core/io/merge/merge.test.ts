import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import { DomainError } from '../../../../shared/errors';
import { fixtureBase64, hasSoffice, ioClient, outputDir, pdfInfo, pdfPagePng, pdfText, toPdf } from '../testing/io-test-kit';
import { seedMembers } from '../testing/seed-members';
import { TEMPLATE_LIMITS } from './docx-template';
import { xmlProblem } from './xml-wellformed';

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
    // Unknown names are left empty (the preview merges as the merge does, unknown fields allowed).
    expect(text).toContain('    {{ 7*7 }} Geachte E. Bakker-de Jong');
    expect(text).toContain('{=1+1} {#loop}{/loop}');
  });
});

/** The template with word/document.xml replaced by `xml` (deflated, as Word writes it). */
function docxWithDocument(xml: string, extra: Record<string, Uint8Array> = {}): string {
  const zip = new PizZip(Buffer.from(WORD(), 'base64'));
  zip.file('word/document.xml', xml);
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }).toString('base64');
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const complex = (instr: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** Bytes of the compressed document.xml overwritten: the zip's table is intact, the data is not. */
function corrupted(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  const header = bytes.indexOf('word/document.xml');
  const nameLength = bytes.readUInt16LE(header - 4);
  const extraLength = bytes.readUInt16LE(header - 2);
  const data = header + nameLength + extraLength;
  for (let i = 8; i < 40; i++) bytes[data + i] = (bytes[data + i] ?? 0) ^ 0x5a;
  return bytes.toString('base64');
}

describe('a template that is damaged, too large or unsafe', () => {
  it('refuses a damaged .docx in Dutch terms (TEMPLATE_NOT_DOCX) at every step, never an internal error or a broken letter', async () => {
    const { io } = await setup();
    const word = Buffer.from(WORD(), 'base64');
    const damaged: Record<string, string> = {
      'corrupt zip data': corrupted(docxWithDocument(documentXml(`<w:p>${run('Beste {voornaam}, '.repeat(40))}</w:p>`))),
      'truncated zip': word.subarray(0, Math.floor(word.length / 2)).toString('base64'),
      'NUL character reference': docxWithDocument(documentXml(`<w:p>${run('Hallo &#0; {voornaam}')}</w:p>`)),
      'character reference beyond Unicode': docxWithDocument(documentXml(`<w:p>${run('Hallo &#x110000; {voornaam}')}</w:p>`)),
      'undefined entity': docxWithDocument(documentXml(`<w:p>${run('Hallo &nbsp; {voornaam}')}</w:p>`)),
      'document.xml not well-formed': docxWithDocument(`<?xml version="1.0"?><w:document ${W}><w:body><w:p>${run('{voornaam}')}</w:body></w:document>`),
    };
    for (const [what, template] of Object.entries(damaged)) {
      for (const call of [
        () => io('io.checkTemplate', { template, source: { kind: 'all' } }),
        () => io('io.merge', { template, source: { kind: 'all' }, allowUnknown: true }),
        () => io('io.previewMerge', { template, source: { kind: 'all' } }),
      ]) {
        const e = await failure(call());
        expect(e.issues, what).toEqual([{ field: 'template', code: 'TEMPLATE_NOT_DOCX' }]);
      }
    }
  });

  it('refuses a template too large to be a letter, unpacked or not, and one with too many placeholders', async () => {
    const { io } = await setup();
    const tooBig = Buffer.alloc(TEMPLATE_LIMITS.bytes + 1).toString('base64');
    expect((await failure(io('io.checkTemplate', { template: tooBig, source: { kind: 'all' } }))).issues).toEqual([
      { field: 'template', code: 'TEMPLATE_TOO_LARGE', details: { maxMb: 20 } },
    ]);
    // A few hundred kilobytes that unpack to more than the limit (a "zip bomb").
    const bomb = docxWithDocument(documentXml(`<w:p>${run('{voornaam}')}</w:p>`), { 'word/media/image9.png': new Uint8Array(TEMPLATE_LIMITS.unpackedBytes + 1) });
    expect(Buffer.from(bomb, 'base64').length).toBeLessThan(TEMPLATE_LIMITS.bytes);
    expect((await failure(io('io.merge', { template: bomb, source: { kind: 'all' } }))).issues).toEqual([
      { field: 'template', code: 'TEMPLATE_TOO_LARGE', details: { maxMb: 100 } },
    ]);
    const many = docxWith(['{voornaam} '.repeat(TEMPLATE_LIMITS.placeholders + 1)]);
    expect((await failure(io('io.checkTemplate', { template: many, source: { kind: 'all' } }))).issues).toEqual([
      { field: 'template', code: 'TEMPLATE_TOO_MANY_PLACEHOLDERS', details: { max: TEMPLATE_LIMITS.placeholders } },
    ]);
  });

  it('removes fields that fetch files or run programs (INCLUDETEXT, INCLUDEPICTURE, DDEAUTO, …) with a warning, and keeps Word\'s own', async () => {
    const { io } = await setup();
    const picture = '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="x"/></wp:inline></w:drawing></w:r>';
    const template = docxWithDocument(
      documentXml(
        [
          `<w:p>${run('Beste {voornaam},')}</w:p>`,
          `<w:p>${run('Tekst: ')}${complex(' INCLUDETEXT "https://aanval.example/geheim.docx" ', run('GEHEIME TEKST'))}</w:p>`,
          `<w:p>${run('Plaatje: ')}${complex(' INCLUDEPICTURE "https://aanval.example/pixel.png" \\d ', picture)}</w:p>`,
          `<w:p>${run('DDE: ')}<w:fldSimple w:instr=" DDEAUTO c:\\windows\\system32\\cmd.exe &quot;/k calc&quot; ">${run('REKENMACHINE')}</w:fldSimple></w:p>`,
          // A field over two paragraphs, and one nested inside a field Word would keep.
          `<w:p>${run('Vraag: ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> ASK naam "Wie?" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('ANTWOORD 1')}</w:p>`,
          `<w:p>${run('ANTWOORD 2')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
          `<w:p>${run('Pagina ')}${complex(' PAGE ', run('1'))}${run(' en ')}${complex(' QUOTE ', complex(' INCLUDETEXT "x.docx" ', run('BINNENIN')))}</w:p>`,
        ].join(''),
      ),
    );
    const check = await io('io.checkTemplate', { template, source: { kind: 'all' } });
    expect(check.unsupportedFields.map((f) => f.instruction.split(' ')[0])).toEqual(['INCLUDETEXT', 'INCLUDEPICTURE', 'ASK', 'QUOTE', 'DDEAUTO']);
    const out = await io('io.merge', { template, source: { kind: 'relations', ids: [(await core.call('relations.list', {})).rows[0]!.id] } });
    const doc = partsOf(out.bytes).file('word/document.xml')?.asText() ?? '';
    expect(xmlProblem(doc)).toBeNull();
    expect(doc).not.toMatch(/INCLUDETEXT|INCLUDEPICTURE|DDEAUTO|ASK|QUOTE|aanval|cmd\.exe|GEHEIME|REKENMACHINE|ANTWOORD|BINNENIN|w:drawing/);
    expect(doc).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
    expect(textOf(doc.replace(/<w:instrText\b[^>]*>[^<]*<\/w:instrText>/g, ''))).toContain('Beste Eva,\nTekst: \nPlaatje: \nDDE: \nVraag: \n\nPagina 1 en \n');
    if (soffice) {
      const dir = outputDir('merge-unsafe');
      const file = path.join(dir, 'brief.docx');
      fs.writeFileSync(file, Buffer.from(out.bytes, 'base64'));
      const pdf = toPdf(file);
      expect(pdfInfo(pdf).pages).toBe(1);
      expect(pdfText(pdf)).toMatch(/Beste Eva,\s+Tekst:\s+Plaatje:\s+DDE:\s+Vraag:\s+Pagina 1 en/);
      pdfPagePng(pdf, 1, path.join(dir, 'brief-1'));
    }
  }, 120_000);
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
    // The IF field (which we do not run) is gone with its inner MERGEFIELD and Word's last result.
    expect(doc).not.toMatch(/MERGEFIELD|«|ADDRESSBLOCK|GREETINGLINE|NEXT|\bIF\b|w:instrText|w:fldChar|w:bookmarkStart/);
    const text = textOf(doc);
    expect(text).toContain('Voorwaardelijk: \n');
    expect(text).toContain('De heer J. de Vries\nOudegracht 12A\n3511 AB  UTRECHT\nDatum: 22 november 2026\nGeachte heer De Vries,\nWij schrijven u, Jan, over uw lidmaatschap (nummer 1).');
    expect(text).toContain('Uw woonplaats is Utrecht en uw achternaam is Vries.');
    expect(text).toContain('In hoofdletters: UTRECHT. Onbekend: \n');
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
    core.clock.set('2027-03-05');
    const fields = (await io('io.mergeFields', {})).rows;
    // The example is today's date, not a date fixed in the code.
    expect(fields.find((r) => r.key === 'datum')?.label).toBe('Datum van vandaag: 5 maart 2027');
    const rows = fields.map((r) => r.key);
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
