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
import { openAdministration } from './open-administration';
import { nl } from './format';
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

async function withCore(file: string, fn: (core: Core) => Promise<void>): Promise<void> {
  const core = await openAdministration(file);
  try {
    await guarded(() => fn(core));
  } finally {
    core.close();
  }
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
            fs.writeFileSync(out, `${text}\n`, { mode: 0o600 });
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
        const r = await guarded(() => core.call('contributionRuns.run', { periodCode, invoiceDate, dryRun, itemLimit: args.values['json'] ? 1_000_000 : 50 }));
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
  usage: 'invoices --db BESTAND [--open] [--json]',
  options: { db: { type: 'string' }, open: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    await withCore(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
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
  usage: 'reminders --db BESTAND --stage 1|2|3 [--date DATUM] [--dry-run] [--json]',
  options: { db: { type: 'string' }, stage: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const stage = Number(requiredOption(args, 'stage', 'de fase (1, 2 of 3)'));
    if (![1, 2, 3].includes(stage)) throw usageError('--stage is 1 (herinnering), 2 (tweede herinnering) of 3 (aanmaning)');
    await withCore(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const date = dateOption(args, 'date', core.ctx.today());
      const r = await core.call('reminders.run', { stage, date, dryRun: Boolean(args.values['dry-run']) });
      if (args.values['json']) return io.out(JSON.stringify(r, null, 2));
      io.out(`${r.saved ? 'Vastgelegd' : 'Proef (niets opgeslagen)'}: ${nl(r.rows.length)} ${['herinneringen', 'tweede herinneringen', 'aanmaningen'][stage - 1]}.`);
      for (const x of r.rows) io.out(`  ${x.number}  ${x.relationName}  open ${formatAmount(x.openCents)}  betalen vóór ${x.deadline}${x.statedCostsCents ? `  incassokosten daarna ${formatAmount(x.statedCostsCents)}` : ''}`);
    });
  },
};
