import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { OutputOf } from '../../../src/shared/contract/define';
import { type ioContract } from '../../../src/shared/contract/io';
import type { CoreEvent } from '../../../src/shared/rpc';
import type { Core } from '../../../src/main/core/create-core';

/**
 * Test helpers for the io domain. `ioCall` is the core's own dispatcher (input parsed,
 * output checked in tests), narrowed to the io methods; `emit` receives the core's events.
 */
type IoContract = typeof ioContract;

export function ioClient(core: Core, emit?: (e: CoreEvent) => void) {
  if (emit) core.onEvent(emit);
  return function ioCall<M extends keyof IoContract>(method: M, params: z.input<IoContract[M]['input']>): Promise<OutputOf<IoContract[M]>> {
    return core.call(method, params) as Promise<OutputOf<IoContract[M]>>;
  };
}

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/io');

export function fixtureBase64(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
}

export function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** A folder kept under test-results/io so the converted PDFs and PNGs can be looked at. */
export function outputDir(name: string): string {
  const dir = path.resolve(import.meta.dirname, '../../../test-results/io', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** LibreOffice → PDF, with a private profile so parallel test files do not fight over one. */
export function toPdf(file: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(file), file], {
      stdio: 'ignore',
      timeout: 180_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return file.replace(/\.\w+$/, '.pdf');
}

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

export function pdfInfo(pdf: string): { pages: number; widthPt: number; heightPt: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages, widthPt: Number(size?.[1] ?? 0), heightPt: Number(size?.[2] ?? 0) };
}

/** Renders one PDF page to PNG (for looking at, and for pixel checks). */
export function pdfPagePng(pdf: string, page: number, out: string, dpi = 60): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
  return `${out}.png`;
}
