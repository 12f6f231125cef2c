import fs from 'node:fs';
import { DomainError } from '../../shared/errors';
import { formatAmount, parseAmount } from '../../shared/dutch/money';
import type { RunResultDto } from '../../shared/contract';
import { optionalString, requiredOption, requiredPositional } from './arguments';
import { CliError, usageError } from './cli-error';
import type { CliIo, Command } from './command';
import { contributionRefusal, problemText } from './contributions-text';
import { dutchText } from './error-text';
import { dateOption } from './dates-and-lookups';
import { withAdministration } from './open-administration';
import { nl } from './format';
import PizZip from 'pizzip';
import path from 'node:path';
import { readInput, writeOutput } from './io-commands';
import type { Core } from '../core/create-core';

/** Runs a core call; a contribution refusal becomes its Dutch sentence. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const refusal = e instanceof DomainError ? contributionRefusal(e) : null;
    throw refusal ?? e;
  }
}

/** The shared "open, do, close", with a contribution refusal said in Dutch. */
function withCore(file: string, fn: (core: Core) => Promise<void>): Promise<void> {
  return withAdministration(file, (core) => guarded(() => fn(core)));
}

function printRun(r: RunResultDto, io: CliIo): void {
  const head = r.saved ? `Run opgeslagen voor ${r.periodCode}` : `Proefrun ${r.periodCode} (niets opgeslagen)`;
  io.out(`${head}: ${nl(r.invoiceCount)} facturen, ${nl(r.lineCount)} regels, totaal ${formatAmount(r.totalCents)}; tarieven versie ${r.scheduleVersion}.`);
  if (r.alreadyBilled > 0) io.out(`  ${nl(r.alreadyBilled)} al gefactureerd in een eerdere run (niet opnieuw).`);
  for (const x of r.exempt) io.out(`  vrijgesteld: ${x.name} (${x.reason})`);
  for (const inv of r.invoices) {
    io.out(`  ${inv.number ?? '—'}  ${String(inv.payerNumber).padStart(7)}  ${inv.payerName}  ${inv.method}/${inv.frequency}  ${formatAmount(inv.totalCents)}`);
    for (const l of inv.lines) io.out(`      ${l.memberName && l.memberName !== inv.payerName ? `${l.memberName}: ` : ''}${l.description}  ${formatAmount(l.amountCents)}`);
  }
  if (r.invoices.length < r.invoiceCount) io.out(`  … en nog ${nl(r.invoiceCount - r.invoices.length)} facturen (zie --json)`);
  if (r.problems.length > 0) {
    io.err(`${nl(r.problems.length)} probleem/problemen die de run tegenhouden:`);
    for (const p of r.problems) io.err(`  - ${p.name}: ${problemText(p.code)}${p.detail ? ` (${p.detail})` : ''}`);
  }
}

type DocumentCall = (q: { format: 'docx' | 'pdf'; output: 'single' | 'perInvoice'; template?: string }) => Promise<{ bytes: string; documents: number }>;

/**
 * `--out F.pdf|F.docx`: one file with every letter; `--out MAP`: a file per invoice in that
 * folder (created when missing), PDF unless `--format docx`. `--template F.docx`: the
 * user's own Word template instead of the shipped one.
 */
async function writeDocuments(args: Parameters<Command['run']>[0], io: CliIo, call: DocumentCall): Promise<void> {
  const out = requiredOption(args, 'out', 'het uitvoerbestand of de map');
  const ext = path.extname(out).toLowerCase();
  const single = ext === '.pdf' || ext === '.docx';
  const asked = optionalString(args, 'format');
  if (asked !== undefined && asked !== 'pdf' && asked !== 'docx') throw usageError(`--format is pdf of docx, niet '${asked}'`);
  const format = single ? (ext.slice(1) as 'pdf' | 'docx') : ((asked as 'pdf' | 'docx' | undefined) ?? 'pdf');
  if (single && asked !== undefined && asked !== format) throw usageError(`--format ${asked} past niet bij ${out}`);
  const templateFile = optionalString(args, 'template');
  if (templateFile !== undefined && format !== 'docx') throw usageError('--template is een Word-sjabloon: gebruik het met --format docx of een .docx-uitvoer');
  const template = templateFile === undefined ? undefined : readInput(templateFile, 'het sjabloon').toString('base64');
  const r = await guarded(() => call({ format, output: single ? 'single' : 'perInvoice', ...(template ? { template } : {}) }));
  if (single) {
    const size = writeOutput(out, r.bytes);
    io.out(`${nl(r.documents)} brief/brieven geschreven naar ${out} (${nl(size)} bytes).`);
    return;
  }
  const zip = new PizZip(Buffer.from(r.bytes, 'base64'));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const name of names) writeOutput(path.join(out, path.basename(name)), Buffer.from(zip.files[name]!.asUint8Array()).toString('base64'));
  io.out(`${nl(names.length)} ${format === 'pdf' ? 'PDF' : 'Word'}-bestand(en) geschreven in ${out}.`);
}

export const contributionsCommand: Command = {
  name: 'contributions',
  summary: 'contributie: tarieven lezen of zetten, een run (proef of echt), een run ongedaan maken',
  usage:
    'contributions schedule --db BESTAND --get PERIODE [--out BESTAND] | --set BESTAND.json\n' +
    '       contributions run --db BESTAND --period PERIODE [--date FACTUURDATUM] [--dry-run] [--json]\n' +
    '       contributions runs --db BESTAND [--json]\n' +
    '       contributions undo-run --db BESTAND --run ID',
  options: {
    db: { type: 'string' },
    get: { type: 'string' },
    set: { type: 'string' },
    out: { type: 'string' },
    period: { type: 'string' },
    date: { type: 'string' },
    run: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  positionals: ['SUBOPDRACHT'],
  async run(args, io) {
    const sub = requiredPositional(args, 0, 'de subopdracht (schedule, run, runs, undo-run)');
    const db = requiredOption(args, 'db', 'het administratiebestand');
    if (sub === 'schedule') {
      const get = optionalString(args, 'get');
      const set = optionalString(args, 'set');
      if ((get === undefined) === (set === undefined)) throw usageError('geef --get PERIODE of --set BESTAND.json');
      await withCore(db, async (core) => {
        if (get !== undefined) {
          const s = await core.call('feeSchedules.get', { periodCode: get });
          const text = JSON.stringify(s.schedule, null, 2);
          const out = optionalString(args, 'out');
          if (out) {
            writeOutput(out, Buffer.from(`${text}\n`).toString('base64'));
            io.out(`Tarieven ${get} (versie ${s.version}) geschreven naar ${out}.`);
          } else io.out(text);
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(fs.readFileSync(set!, 'utf8'));
        } catch (e) {
          throw new CliError((e as NodeJS.ErrnoException).code === 'ENOENT' ? `bestand niet gevonden: ${set!}` : `${set!} is geen geldige JSON`);
        }
        const r = await core.call('feeSchedules.save', { schedule: parsed as never });
        io.out(`Tarieven opgeslagen als versie ${r.version}.`);
      });
      return;
    }
    if (sub === 'run') {
      const periodCode = requiredOption(args, 'period', 'de periode');
      await withCore(db, async (core) => {
        const invoiceDate = dateOption(args, 'date', core.ctx.today());
        const dryRun = Boolean(args.values['dry-run']);
        // A commit with problems is refused by the core; show them as the preview does.
        const preview = dryRun ? null : await core.call('contributionRuns.run', { periodCode, invoiceDate, dryRun: true, itemLimit: 0 });
        if (preview && preview.problems.length > 0) {
          if (args.values['json']) io.out(JSON.stringify(preview, null, 2));
          else printRun(preview, io);
          throw new CliError(dutchText('RUN_HAS_PROBLEMS'));
        }
        // The commit writes exactly the plan the preview computed.
        const planId = preview?.planId ?? undefined;
        const r = await guarded(() => core.call('contributionRuns.run', { periodCode, invoiceDate, dryRun, itemLimit: args.values['json'] ? 1_000_000 : 50, ...(planId ? { planId } : {}) }));
        if (args.values['json']) io.out(JSON.stringify(r, null, 2));
        else printRun(r, io);
        if (r.problems.length > 0) throw new CliError('de proefrun vond problemen (zie hierboven)');
      });
      return;
    }
    if (sub === 'runs') {
      await withCore(db, async (core) => {
        const { rows } = await core.call('contributionRuns.list', {});
        if (args.values['json']) return io.out(JSON.stringify(rows, null, 2));
        for (const r of rows) io.out(`${r.id}  ${r.periodCode}  ${r.invoiceDate}  ${r.status === 'open' ? 'open' : 'afgesloten'}  ${nl(r.invoiceCount)} facturen  ${formatAmount(r.totalCents)}`);
        if (rows.length === 0) io.out('Nog geen runs.');
      });
      return;
    }
    if (sub === 'undo-run') {
      const runId = requiredOption(args, 'run', 'de run (id, zie "contributions runs")');
      await withCore(db, async (core) => {
        const r = await guarded(() => core.call('contributionRuns.undo', { runId }));
        io.out(`Run ongedaan gemaakt: ${nl(r.removedInvoices)} facturen verwijderd (de historie bewaart ze).`);
      });
      return;
    }
    throw usageError(`onbekende subopdracht '${sub}' (schedule, run, runs, undo-run)`);
  },
};

export const invoicesCommand: Command = {
  name: 'invoices',
  summary: 'facturen tonen (alle of alleen openstaande)',
  usage:
    'invoices --db BESTAND [--open] [--json]\n' +
    '       invoices --db BESTAND --run ID | --invoice NUMMER[,NUMMER…] --out BESTAND.pdf|BESTAND.docx|MAP [--format pdf|docx] [--template SJABLOON.docx]',
  options: {
    db: { type: 'string' },
    open: { type: 'boolean' },
    json: { type: 'boolean' },
    run: { type: 'string' },
    invoice: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    template: { type: 'string' },
  },
  positionals: [],
  async run(args, io) {
    await withCore(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      if (optionalString(args, 'out') !== undefined) {
        const runId = optionalString(args, 'run');
        const numbers = (optionalString(args, 'invoice') ?? '').split(',').map((n) => n.trim()).filter(Boolean);
        if ((runId === undefined) === (numbers.length === 0)) throw usageError("geef --run ID (zie 'contributions runs') of --invoice NUMMER");
        const invoiceIds: string[] = [];
        for (const n of numbers) invoiceIds.push((await core.call('invoices.get', { number: n })).id);
        return writeDocuments(args, io, (q) => core.call('invoices.documents', { ...q, ...(runId ? { runId } : { invoiceIds }) }));
      }
      const open = Boolean(args.values['open']);
      const first = await core.call('invoices.list', { open, limit: 500 });
      let rows = first.rows;
      for (let offset = rows.length; offset < first.total; offset += 500) rows = rows.concat((await core.call('invoices.list', { open, offset, limit: 500 })).rows);
      if (args.values['json']) return io.out(JSON.stringify(rows, null, 2));
      for (const i of rows) {
        io.out(`${i.number}  ${i.invoiceDate}  ${String(i.relationNumber).padStart(7)}  ${i.relationName}  ${formatAmount(i.totalCents)}  open ${formatAmount(i.openCents)}  kenmerk ${i.paymentReference}`);
      }
      io.out(`${nl(rows.length)} ${open ? 'openstaande ' : ''}facturen, open ${formatAmount(rows.reduce((s, i) => s + i.openCents, 0))}.`);
    });
  },
};

export const paymentsCommand: Command = {
  name: 'payments',
  summary: 'een betaling boeken op een of meer facturen',
  usage: 'payments add --db BESTAND --invoice NUMMER[,NUMMER…] --amount BEDRAG --date DATUM [--reference TEKST] [--json]',
  options: {
    db: { type: 'string' },
    invoice: { type: 'string' },
    amount: { type: 'string' },
    date: { type: 'string' },
    reference: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['SUBOPDRACHT'],
  async run(args, io) {
    const sub = requiredPositional(args, 0, 'de subopdracht (add)');
    if (sub !== 'add') throw usageError(`onbekende subopdracht '${sub}' (add)`);
    const numbers = requiredOption(args, 'invoice', 'het factuurnummer').split(',').map((s) => s.trim()).filter(Boolean);
    const amount = parseAmount(requiredOption(args, 'amount', 'het bedrag'));
    if (!amount.ok || amount.value <= 0) throw usageError(`ongeldig bedrag voor --amount: '${String(args.values['amount'])}' (bijvoorbeeld 12,50)`);
    requiredOption(args, 'date', 'de betaaldatum');
    await withCore(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const date = dateOption(args, 'date', core.ctx.today());
      const ids: string[] = [];
      for (const n of numbers) ids.push((await core.call('invoices.get', { number: n })).id);
      const p = await guarded(() => core.call('payments.add', { invoiceIds: ids, amountCents: amount.value, date, reference: optionalString(args, 'reference') ?? null }));
      if (args.values['json']) return io.out(JSON.stringify(p, null, 2));
      io.out(`Betaling van ${formatAmount(p.amountCents)} op ${date} geboekt: ${p.allocations.map((a) => `${a.invoiceNumber} ${formatAmount(a.amountCents)}`).join(', ') || 'geen factuur meer open'}.`);
      if (p.unallocatedCents > 0) io.out(`  ${formatAmount(p.unallocatedCents)} te veel betaald: staat als tegoed van ${p.relationName ?? 'de betaler'}.`);
    });
  },
};

export const remindersCommand: Command = {
  name: 'reminders',
  summary: 'herinneringen (1, 2) of aanmaningen (3, de veertiendagenbrief) vastleggen voor achterstallige facturen',
  usage: 'reminders --db BESTAND --stage 1|2|3 [--date DATUM] [--dry-run] [--json] [--out BESTAND.pdf|BESTAND.docx|MAP [--format pdf|docx] [--template SJABLOON.docx]]',
  options: {
    db: { type: 'string' },
    stage: { type: 'string' },
    date: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    out: { type: 'string' },
    format: { type: 'string' },
    template: { type: 'string' },
  },
  positionals: [],
  async run(args, io) {
    const stage = Number(requiredOption(args, 'stage', 'de fase (1, 2 of 3)'));
    if (![1, 2, 3].includes(stage)) throw usageError('--stage is 1 (herinnering), 2 (tweede herinnering) of 3 (aanmaning)');
    await withCore(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const date = dateOption(args, 'date', core.ctx.today());
      const out = optionalString(args, 'out');
      if (out !== undefined && args.values['dry-run']) throw usageError('--out schrijft de brieven van vastgelegde herinneringen: laat --dry-run weg');
      const r = await core.call('reminders.run', { stage, date, dryRun: Boolean(args.values['dry-run']) });
      if (args.values['json'] && out === undefined) return io.out(JSON.stringify(r, null, 2));
      if (!args.values['json']) {
        io.out(`${r.saved ? 'Vastgelegd' : 'Proef (niets opgeslagen)'}: ${nl(r.rows.length)} ${['herinneringen', 'tweede herinneringen', 'aanmaningen'][stage - 1]}.`);
        for (const x of r.rows) io.out(`  ${x.number}  ${x.relationName}  open ${formatAmount(x.openCents)}  betalen vóór ${x.deadline}${x.statedCostsCents ? `  incassokosten daarna ${formatAmount(x.statedCostsCents)}` : ''}`);
      }
      // The letters of every reminder of this stage recorded on this date (also those of an earlier call that day).
      if (out !== undefined) await writeDocuments(args, io, (q) => core.call('reminders.documents', { ...q, stage, date }));
    });
  },
};
