import fs from 'node:fs';
import path from 'node:path';
import { columnMapping, importOptionsPatch, type ImportReport } from '../../shared/contract';
import { optionalString, requiredOption, requiredPositional } from './arguments';
import { CliError, usageError } from './cli-error';
import type { CliIo, Command, ParsedArgs } from './command';
import { dateOption } from './dates-and-lookups';
import { listSourceFrom } from './list-source';
import { withAdministration } from './open-administration';
import type { Core } from '../core/create-core';
import { nl } from './format';
import { ensureDir, writePrivateFile } from '../core/storage/private-files';
import { storageError } from '../core/storage/storage-errors';
import { DomainError } from '../../shared/errors';
import { warnBrokenRules } from './broken-rules';

export function readInput(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`kan ${what} niet lezen: ${file} (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestaat niet' : (e as Error).message})`);
  }
}

export function writeOutput(file: string, base64: string): number {
  const bytes = Buffer.from(base64, 'base64');
  try {
    ensureDir(path.dirname(path.resolve(file)));
    writePrivateFile(file, bytes);
  } catch (e) {
    throw storageError(e, file) ?? e; // the message names the output file, not the administration
  }
  return bytes.length;
}

/** `--mapping NAAM` (a saved mapping) or `--mapping mapping.json` ({ mapping?, options? }). */
function mappingArgs(args: ParsedArgs): { mappingName?: string; mapping?: unknown; options?: unknown } {
  const value = optionalString(args, 'mapping');
  if (value === undefined) return {};
  if (!value.toLowerCase().endsWith('.json')) return { mappingName: value };
  let raw: { mapping?: unknown; options?: unknown };
  try {
    raw = JSON.parse(readInput(value, 'de koppeling').toString('utf8')) as typeof raw;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`de koppeling ${value} is geen geldige JSON`);
  }
  const mapping = raw.mapping === undefined ? undefined : columnMapping.safeParse(raw.mapping);
  if (mapping && !mapping.success) throw new CliError(`ongeldige koppeling in ${value}`, undefined, mapping.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const options = raw.options === undefined ? undefined : importOptionsPatch.safeParse(raw.options);
  if (options && !options.success) throw new CliError(`ongeldige importopties in ${value}`, undefined, options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return { ...(mapping ? { mapping: mapping.data } : {}), ...(options ? { options: options.data } : {}) };
}

function printReport(io: CliIo, r: ImportReport, committed: boolean): void {
  const c = r.counts;
  io.out(`${committed ? 'Geïmporteerd' : 'Proefimport (niets opgeslagen)'}: ${r.fileName} — ${nl(c.rows)} rijen: ${nl(c.create)} nieuw, ${nl(c.update)} bijgewerkt, ${nl(c.skip)} ongewijzigd, ${nl(c.reject)} afgewezen, ${nl(c.duplicates)} mogelijke dubbelen.`);
  for (const issue of r.fileIssues) io.out(`  bestand: ${issue.code}${issue.field ? ` (${issue.field})` : ''}`);
  for (const row of r.rows.filter((x) => x.outcome === 'reject').slice(0, 50)) {
    for (const issue of row.issues.filter((i) => i.severity === 'error')) {
      io.out(`  rij ${issue.row}, kolom ${issue.field ?? '?'}: ${issue.code}${issue.raw !== null ? ` ('${issue.raw}')` : ''}`);
    }
  }
}

/** The commit; when nothing in the file can be written, first the dry run's report, so the reasons per row are visible. */
async function commitOrExplain(core: Core, io: CliIo, input: Parameters<typeof core.call<'io.commitImport'>>[1], json: boolean) {
  try {
    return await core.call('io.commitImport', input);
  } catch (e) {
    if (e instanceof DomainError && e.details?.['reason'] === 'NOTHING_TO_IMPORT' && !json) printReport(io, await core.call('io.previewImport', input), false);
    throw e;
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: 'CSV of Excel importeren (met --dry-run eerst alleen kijken wat er gebeurt)',
  usage: 'import --db BESTAND INVOER [--mapping NAAM|KOPPELING.json] [--dry-run] [--json]',
  options: { db: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: ['INVOER'],
  async run(args, io) {
    const file = requiredPositional(args, 0, 'het te importeren bestand');
    const bytes = readInput(file, 'het te importeren bestand');
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const input = { file: bytes.toString('base64'), fileName: path.basename(file), ...mappingArgs(args) } as Parameters<typeof core.call<'io.previewImport'>>[1];
      const dry = Boolean(args.values['dry-run']);
      const report = dry ? await core.call('io.previewImport', input) : await commitOrExplain(core, io, input, Boolean(args.values['json']));
      if (args.values['json']) {
        const rejected = report.rows
          .filter((r) => r.outcome === 'reject')
          .flatMap((r) => r.issues.filter((i) => i.severity === 'error').map((i) => ({ row: i.row, field: i.field, column: i.column, code: i.code, value: i.raw })));
        const operationId = 'operationId' in report ? report.operationId : null;
        io.out(JSON.stringify({ committed: !dry, operationId, counts: report.counts, fileIssues: report.fileIssues, rejected, rows: report.rows }, null, 2));
      } else {
        printReport(io, report, !dry);
        if ('operationId' in report) io.out(`Ongedaan maken kan later met: ledenbeheer undo --db ${requiredOption(args, 'db', '')} --operation ${report.operationId}`);
      }
      if (report.counts.reject > 0 && !dry) io.err(`Let op: ${report.counts.reject} rij(en) afgewezen; de overige zijn geïmporteerd.`);
      if (!dry) await warnBrokenRules(core, io);
    });
  },
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'relaties, een groep of een selectie naar CSV of Excel',
  usage: 'export --db BESTAND [--selection NAAM | --group NAAM] [--on DATUM] --format csv|xlsx [--columns nummer,naam,postcode,…] --out BESTAND',
  options: { db: { type: 'string' }, selection: { type: 'string' }, group: { type: 'string' }, on: { type: 'string' }, format: { type: 'string' }, columns: { type: 'string' }, out: { type: 'string' } },
  positionals: [],
  async run(args, io) {
    const format = requiredOption(args, 'format', 'het formaat (csv of xlsx)');
    if (format !== 'csv' && format !== 'xlsx') throw usageError(`onbekend formaat '${format}' (csv of xlsx)`);
    const out = requiredOption(args, 'out', 'het uitvoerbestand');
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const known = (await core.call('io.exportColumns', {})).rows;
      const columns = (optionalString(args, 'columns') ?? 'nummer,naam,straat,huisnummer,postcode,plaats,email').split(',').map((c) => c.trim()).filter(Boolean);
      const unknown = columns.filter((c) => !known.some((k) => k.key === c));
      if (unknown.length) throw new CliError(`onbekende kolom(men): ${unknown.join(', ')}`, undefined, known.map((k) => `${k.key} — ${k.label}`));
      const on = optionalString(args, 'on') === undefined ? undefined : dateOption(args, 'on', core.ctx.today());
      const source = await listSourceFrom(core, args, on);
      const r = await core.call('io.export', { source, format, columns, ...(on ? { on } : {}) });
      const size = writeOutput(out, r.bytes);
      io.out(`${nl(r.rows)} rij(en) geschreven naar ${out} (${nl(size)} bytes)${r.replacedCharacters ? `; ${r.replacedCharacters} teken(s) vervangen` : ''}.`);
    });
  },
};

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'een eigen Word-sjabloon samenvoegen voor een selectie (één document, een pagina per ontvanger)',
  usage: 'merge --db BESTAND --template SJABLOON.docx [--selection NAAM | --group NAAM] [--on DATUM] [--per-recipient] [--allow-unknown] --out BESTAND',
  options: {
    db: { type: 'string' }, template: { type: 'string' }, selection: { type: 'string' }, group: { type: 'string' }, on: { type: 'string' },
    'per-recipient': { type: 'boolean' }, 'allow-unknown': { type: 'boolean' }, out: { type: 'string' },
  },
  positionals: [],
  async run(args, io) {
    const template = readInput(requiredOption(args, 'template', 'het sjabloon'), 'het sjabloon').toString('base64');
    const out = requiredOption(args, 'out', 'het uitvoerbestand');
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const on = optionalString(args, 'on') === undefined ? undefined : dateOption(args, 'on', core.ctx.today());
      const source = await listSourceFrom(core, args, on);
      const check = await core.call('io.checkTemplate', { template, source, ...(on ? { on } : {}) });
      if (check.unknown.length && !args.values['allow-unknown']) {
        throw new CliError(`het sjabloon gebruikt onbekende velden: ${check.unknown.join(', ')} (gebruik --allow-unknown om ze leeg te laten)`);
      }
      if (check.unsupportedFields.length) {
        const kinds = [...new Set(check.unsupportedFields.map((f) => f.instruction.split(/\s+/)[0]))].join(', ');
        io.err(`Let op: ${check.unsupportedFields.length} Word-veld(en) die Ledenbeheer niet uitvoert (${kinds}) worden uit de brieven verwijderd.`);
      }
      if (check.emptyFields.length) io.err(`Let op: ${check.emptyFields.length} ontvanger(s) met lege velden, bijv. ${check.emptyFields[0]!.displayName}: ${check.emptyFields[0]!.fields.join(', ')}`);
      const r = await core.call('io.merge', { template, source, output: args.values['per-recipient'] ? 'perRecipient' : 'single', allowUnknown: Boolean(args.values['allow-unknown']), ...(on ? { on } : {}) });
      const size = writeOutput(out, r.bytes);
      io.out(`${nl(r.recipients)} ontvanger(s) samengevoegd in ${out} (${nl(size)} bytes).`);
    });
  },
};

export const labelsCommand: Command = {
  name: 'labels',
  summary: 'adresetiketten op standaardvellen (3x8, 3x7 …) als .docx',
  usage: 'labels --db BESTAND [--selection NAAM | --group NAAM] [--on DATUM] --sheet 3x8 [--households] --out BESTAND',
  options: { db: { type: 'string' }, selection: { type: 'string' }, group: { type: 'string' }, on: { type: 'string' }, sheet: { type: 'string' }, households: { type: 'boolean' }, out: { type: 'string' } },
  positionals: [],
  async run(args, io) {
    const out = requiredOption(args, 'out', 'het uitvoerbestand');
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const sheets = (await core.call('io.labelSheets', {})).rows;
      const asked = optionalString(args, 'sheet') ?? '3x8';
      // '3x8' is what people say; the catalogue names the paper too ('a4-3x8').
      const sheet = sheets.find((s) => s.id === asked) ?? sheets.find((s) => s.id === `a4-${asked}`);
      if (!sheet) throw new CliError(`onbekend etiketvel '${asked}'`, undefined, sheets.map((s) => `${s.id} — ${s.name}`));
      const on = optionalString(args, 'on') === undefined ? undefined : dateOption(args, 'on', core.ctx.today());
      const source = await listSourceFrom(core, args, on);
      const r = await core.call('io.labels', { source, sheet: sheet.id, households: Boolean(args.values['households']), ...(on ? { on } : {}) });
      const size = writeOutput(out, r.bytes);
      io.out(`${nl(r.labels)} etiket(ten) op ${nl(r.pages)} pagina('s) in ${out} (${nl(size)} bytes)${r.skipped ? `; ${r.skipped} zonder adres overgeslagen` : ''}.`);
    });
  },
};
