import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import type { DomainError } from '../../../../shared/errors';
import { hasSoffice, ioClient, outputDir, pdfInfo, pdfPagePng, pdfText, toPdf } from '../../../../../test/support/io/io-test-kit';
import { seedMembers } from '../../../../../test/support/io/seed-members';

let core: Core & { clock: TestClock };
afterEach(() => core?.close());

const PT_PER_MM = 72 / 25.4;
const soffice = hasSoffice();

async function setup(extra = 0) {
  core = createTestCore();
  const people = await seedMembers(core);
  for (let i = 1; i <= extra; i++) {
    await core.call('relations.create', {
      kind: 'person',
      fields: { initials: 'A', firstName: `Lid${i}`, lastName: `Achternaam${String(i).padStart(2, '0')}`, addressForm: i % 2 ? 'heer' : 'mevrouw' },
      address: { street: 'Lange Voorhout', houseNumber: i, postcode: '2514 EA', city: "'s-Gravenhage" },
    });
  }
  return { io: ioClient(core), people };
}

function documentXml(base64: string): string {
  return new PizZip(Buffer.from(base64, 'base64')).file('word/document.xml')?.asText() ?? '';
}

function cellTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('|'));
}

/** Word positions on a PDF page, in mm from the top-left corner. */
function wordsAt(pdf: string, page: number): { word: string; xMm: number; yMm: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    word: m[3] ?? '',
    xMm: Number(m[1]) / PT_PER_MM,
    yMm: Number(m[2]) / PT_PER_MM,
  }));
}

describe('address labels', () => {
  it('fills a 3 × 8 sheet with labels of exact size, one household on one label when asked', async () => {
    const { io } = await setup();
    const out = await io('io.labels', { source: { kind: 'all' }, sheet: 'a4-3x8', households: true });
    expect(out).toMatchObject({ fileName: 'etiketten-2026-11-22.docx', labels: 5, pages: 1, skipped: 1 });
    const xml = documentXml(out.bytes);
    expect(xml.match(/<w:trHeight w:val="2041" w:hRule="exact"\/>/g)).toHaveLength(8); // 36 mm
    expect(xml.match(/<w:gridCol w:w="3969"\/>/g)).toHaveLength(3); // 70 mm
    expect(xml).toMatch(/<w:pgMar w:top="255" w:right="0" w:bottom="\d+" w:left="0" w:header="0" w:footer="0"/);
    expect(xml).toContain('w:ascii="Arial"');
    expect(cellTexts(xml).slice(0, 6)).toEqual([
      'E. Bakker-de Jong|Kerkstraat 1-hs|1017 GA  AMSTERDAM',
      'Mevrouw Z. van Dijk|Brink 3|7411 BR  DEVENTER',
      'De heer H. Müller|Hauptstraße 5|52062 AACHEN|DUITSLAND',
      'Stichting Het Anker|Postbus 12|1000 AB  AMSTERDAM',
      'Fam. De Vries|Oudegracht 12A|3511 AB  UTRECHT',
      '',
    ]);
    const single = await io('io.labels', { source: { kind: 'all' }, sheet: 'a4-3x7' });
    expect(single).toMatchObject({ labels: 6 });
    expect(cellTexts(documentXml(single.bytes))).toContain('De heer J. de Vries|Oudegracht 12A|3511 AB  UTRECHT');
  });

  it('names both when two people with different surnames share an address', async () => {
    const { io, people } = await setup();
    await core.call('addresses.add', { relationId: people.zoe.id, address: { street: 'Oudegracht', houseNumber: 12, houseLetter: 'A', postcode: '3511AB', city: 'Utrecht', validFrom: '2026-01-01' } });
    await core.call('relations.update', { id: people.marieke.id, fields: { initials: 'M', firstName: 'Marieke', infix: null, lastName: 'Jansen', addressForm: 'mevrouw' } });
    const out = await io('io.labels', { source: { kind: 'relations', ids: [people.jan.id, people.marieke.id] }, sheet: 'a4-3x8', households: true });
    expect(cellTexts(documentXml(out.bytes))[0]).toBe('De heer J. de Vries|Mevrouw M. Jansen|Oudegracht 12A|3511 AB  UTRECHT');
  });

  it('starts at a later label of a used sheet, and takes custom sheets with gaps', async () => {
    const { io } = await setup();
    const out = await io('io.labels', {
      source: { kind: 'all' },
      sheet: { columns: 2, rows: 5, labelWidthMm: 90, labelHeightMm: 50, marginTopMm: 10, marginLeftMm: 10, gapXMm: 5, gapYMm: 3 },
      startAt: 3,
      fontSizePt: 12,
      font: 'Verdana',
    });
    expect(out).toMatchObject({ labels: 6, pages: 1 });
    const xml = documentXml(out.bytes);
    // Two blank labels, the gap cells, then the first address in row 2.
    expect(cellTexts(xml).findIndex((t) => t.includes('Bakker-de Jong'))).toBe(6);
    expect(cellTexts(xml).slice(0, 6).every((t) => t === '')).toBe(true);
    expect(xml.match(/<w:gridCol w:w="\d+"\/>/g)).toEqual(['<w:gridCol w:w="5102"/>', '<w:gridCol w:w="283"/>', '<w:gridCol w:w="5102"/>']);
    expect(xml).toContain('<w:sz w:val="24"/>');
    const listed = (await io('io.labelSheets', {})).rows.map((s) => s.id);
    expect(listed).toEqual(expect.arrayContaining(['a4-3x8', 'a4-3x7']));
    for (const [sheet, code] of [
      ['a4-9x9', 'LABEL_SHEET_UNKNOWN'],
      [{ columns: 3, rows: 8, labelWidthMm: 80, labelHeightMm: 36, marginTopMm: 0, marginLeftMm: 0 }, 'LABEL_SHEET_TOO_LARGE'],
    ] as const) {
      const e = await io('io.labels', { source: { kind: 'all' }, sheet }).catch((x: unknown) => x);
      expect((e as DomainError).issues?.[0]?.code).toBe(code);
    }
  });
});

describe.skipIf(!soffice)('labels and envelopes in LibreOffice (needs soffice)', () => {
  it('prints a 3 × 8 sheet per 24 labels with labels exactly 70 × 36 mm apart', async () => {
    const { io } = await setup(30);
    const dir = outputDir('labels');
    const out = await io('io.labels', { source: { kind: 'all' }, sheet: 'a4-3x8' });
    expect(out).toMatchObject({ labels: 36, pages: 2 });
    const file = path.join(dir, 'etiketten-3x8.docx');
    fs.writeFileSync(file, Buffer.from(out.bytes, 'base64'));
    const pdf = toPdf(file);
    expect(pdfInfo(pdf).pages).toBe(2);
    const streets = wordsAt(pdf, 1).filter((w) => w.word === 'Lange');
    const xs = [...new Set(streets.map((w) => Math.round(w.xMm)))].sort((a, b) => a - b);
    expect(xs).toEqual([5, 75, 145]);
    const ys = [...new Set(streets.map((w) => Math.round(w.yMm * 10) / 10))].sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeCloseTo(36, 0);
    expect(pdfText(pdf)).toContain('2514 EA  \'S-GRAVENHAGE'.replace('  ', ' '));
    pdfPagePng(pdf, 1, path.join(dir, 'etiketten-3x8-p1'));
  }, 120_000);

  it('prints one DL envelope per recipient, the address in the right-hand window', async () => {
    const { io } = await setup();
    const dir = outputDir('envelopes');
    const out = await io('io.envelopes', { source: { kind: 'all', typeCode: 'lid' }, envelope: 'DL', sender: ['Vereniging De Eendracht', 'Postbus 1', '1000 AA  AMSTERDAM'] });
    expect(out).toMatchObject({ envelopes: 5, skipped: 1 });
    const file = path.join(dir, 'enveloppen-dl.docx');
    fs.writeFileSync(file, Buffer.from(out.bytes, 'base64'));
    const pdf = toPdf(file);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(5);
    expect(info.widthPt / PT_PER_MM).toBeCloseTo(220, 0);
    expect(info.heightPt / PT_PER_MM).toBeCloseTo(110, 0);
    const words = wordsAt(pdf, 2);
    const name = words.find((w) => w.word === 'Mevrouw');
    // Window 90 × 45 mm, 20 mm from the right, 15 mm from the bottom: x 110–200, y 50–95.
    expect(name?.xMm).toBeGreaterThan(109);
    expect(name?.xMm).toBeLessThan(112);
    expect(name?.yMm).toBeGreaterThan(50);
    expect(name?.yMm).toBeLessThan(95);
    expect(words.find((w) => w.word === 'Eendracht')?.yMm).toBeLessThan(15);
    pdfPagePng(pdf, 2, path.join(dir, 'envelop-dl-p2'), 80);
    const c5 = await io('io.envelopes', { source: { kind: 'relations', ids: [(await core.call('relations.list', {})).rows[0]?.id ?? ''] }, envelope: 'C5', position: 'window-left' });
    const c5file = path.join(dir, 'envelop-c5.docx');
    fs.writeFileSync(c5file, Buffer.from(c5.bytes, 'base64'));
    const c5pdf = toPdf(c5file);
    expect(pdfInfo(c5pdf).widthPt / PT_PER_MM).toBeCloseTo(229, 0);
    const first = wordsAt(c5pdf, 1)[0];
    expect(first?.xMm).toBeCloseTo(20, 0);
    expect(first?.yMm).toBeGreaterThan(102);
  }, 120_000);
});
