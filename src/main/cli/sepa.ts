import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { formatAmount } from '../../shared/dutch/money';
import { contract, type MethodName, type ParsedInput } from '../../shared/contract';
import type { MandateDto, SepaBatchResultDto } from '../../shared/contract/sepa';
import { zodIssues } from '../core/rpc/dispatcher';
import { collectBatch } from '../core/sepa/collection-batch';
import { refundBatch } from '../core/sepa/refund-batch';
import type { PlaceFile } from '../core/sepa/batch-file';
import { placeWithoutOverwrite, removeTemp, tempNameFor } from '../core/storage/temp-files';
import type { Core } from '../core/create-core';
import { optionalString, requiredOption, requiredPositional } from './arguments';
import { CliError, usageError } from './cli-error';
import type { CliIo, Command } from './command';
import { dateOption, relationByNumberOrId } from './dates-and-lookups';
import { openAdministration } from './open-administration';
import { dutchText } from './error-text';
import { nl } from './format';

async function withCore(file: string, fn: (core: Core) => Promise<void>): Promise<void> {
  const core = await openAdministration(file);
  try {
    await fn(core);
  } finally {
    core.close();
  }
}

/** The same contract check as every other door, for the calls that write a file in-process. */
function parse<M extends MethodName>(method: M, raw: unknown): ParsedInput<M> {
  const r = contract[method].input.safeParse(raw);
  if (!r.success) throw new DomainError('VALIDATION_FAILED', { method }, zodIssues(r.error));
  return r.data as ParsedInput<M>;
}

/**
 * Writes the file inside the export's transaction: private (0600), under a temporary name,
 * linked into place only when complete and never over an existing file. A failure here rolls
 * the batch back, so a recorded batch always has its file and a failed one leaves nothing.
 */
function placeAt(out: string): PlaceFile {
  return (bytes) => {
    const temp = tempNameFor(out);
    try {
      fs.writeFileSync(temp, bytes, { mode: 0o600 });
      placeWithoutOverwrite(temp, out);
    } catch (e) {
      removeTemp(temp);
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${out} bestaat al; kies een andere naam`);
      throw e;
    }
  };
}

function outFile(args: { values: Record<string, unknown> }): string {
  const out = requiredOption(args as never, 'out', 'het uitvoerbestand (.xml)');
  if (fs.existsSync(out)) throw new CliError(`${out} bestaat al; kies een andere naam`);
  if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new CliError(`de map van ${out} bestaat niet`);
  return out;
}

function printBatch(r: SepaBatchResultDto, io: CliIo, out: string | null): void {
  const what = r.kind === 'collection' ? 'incasso’s' : 'terugbetalingen';
  const head = r.saved ? `Bestand ${out ?? r.fileName} gemaakt (${r.messageVersion}, ${r.msgId})` : `Proef ${r.messageVersion} (niets opgeslagen)`;
  io.out(`${head}: ${nl(r.transactionCount)} ${what}, totaal ${formatAmount(r.controlSumCents)}.`);
  for (const g of r.groups) io.out(`  ${g.pmtInfId}  ${g.date}  ${g.sequenceType ?? 'TRF'}  ${nl(g.count)}  ${formatAmount(g.sumCents)}`);
  if (r.amendments > 0) io.out(`  ${nl(r.amendments)} met een gewijzigde machtiging (wordt meegemeld).`);
  if (r.saved) io.out(`  controlegetal (SHA-256) ${r.fileHash ?? ''}`);
  if (r.problems.length > 0) {
    io.err(`${nl(r.problems.length)} probleem/problemen houden het bestand tegen:`);
    for (const p of r.problems) io.err(`  - ${[p.invoiceNumber, p.name].filter(Boolean).join(' ') || 'bestand'}: ${dutchText(p.code, { detail: p.detail })}`);
  }
}

/** Preview first: problems are listed and nothing is written; then the export, writing the file in its transaction. */
async function exportBatch(
  args: { values: Record<string, unknown> },
  io: CliIo,
  dryRunCall: () => SepaBatchResultDto,
  commit: (place: PlaceFile, fileName: string) => SepaBatchResultDto,
  out: string | null,
): Promise<void> {
  const json = Boolean(args.values['json']);
  const preview = dryRunCall();
  if (preview.problems.length > 0 || out === null) {
    if (json) io.out(JSON.stringify({ ...preview, file: null }, null, 2));
    else printBatch(preview, io, null);
    if (preview.problems.length > 0) throw new CliError('het bestand is niet gemaakt; los de problemen op. Er is niets opgeslagen');
    return;
  }
  const r = commit(placeAt(out), path.basename(out));
  if (json) io.out(JSON.stringify({ ...r, file: null, out }, null, 2));
  else printBatch(r, io, out);
}

async function batchIdOf(core: Core, ref: string): Promise<string> {
  const row = core.ctx.sqlite.prepare('SELECT id FROM sepa_batches WHERE id = ? OR msg_id = ?').get(ref, ref) as { id: string } | undefined;
  if (!row) throw new CliError(`onbekend incassobestand '${ref}' (geef het MsgId, zie "sepa batches")`);
  return row.id;
}

async function invoiceIdsOf(core: Core, numbers: string): Promise<string[]> {
  const ids: string[] = [];
  for (const n of numbers.split(',').map((s) => s.trim()).filter(Boolean)) ids.push((await core.call('invoices.get', { number: n })).id);
  return ids;
}

export const sepaCommand: Command = {
  name: 'sepa',
  summary: 'SEPA: incassantgegevens, incassobestand (pain.008), terugbetalingen (pain.001), gemaakte bestanden',
  usage:
    'sepa creditor --db BESTAND [--set GEGEVENS.json] [--json]\n' +
    '       sepa batch --db BESTAND --run RUN [--date DATUM] --out BESTAND.xml [--version 02|08] [--dry-run] [--json]\n' +
    '       sepa batch --db BESTAND --retry-of MSGID --invoice NUMMER[,NUMMER…] [--date DATUM] --out BESTAND.xml [--dry-run] [--json]\n' +
    '       sepa refunds --db BESTAND [--date DATUM] --out BESTAND.xml [--version 03|09] [--dry-run] [--json]\n' +
    '       sepa batches --db BESTAND [--json]',
  options: {
    db: { type: 'string' },
    set: { type: 'string' },
    run: { type: 'string' },
    'retry-of': { type: 'string' },
    invoice: { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  positionals: ['SUBOPDRACHT'],
  async run(args, io) {
    const sub = requiredPositional(args, 0, 'de subopdracht (creditor, batch, refunds, batches)');
    const db = requiredOption(args, 'db', 'het administratiebestand');
    const json = Boolean(args.values['json']);
    const dryRun = Boolean(args.values['dry-run']);
    if (sub === 'creditor') {
      await withCore(db, async (core) => {
        const set = optionalString(args, 'set');
        if (set) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(fs.readFileSync(set, 'utf8'));
          } catch (e) {
            throw new CliError((e as NodeJS.ErrnoException).code === 'ENOENT' ? `bestand niet gevonden: ${set}` : `${set} is geen geldige JSON`);
          }
          const r = await core.call('sepa.setCreditor', { settings: parsed as never });
          if (json) return io.out(JSON.stringify(r, null, 2));
          io.out(`Incassantgegevens opgeslagen: ${r.settings.name}, ${r.settings.creditorId}, pain.008.001.${r.settings.debitVersion}.`);
          if (r.amendedMandates > 0) io.out(`  ${nl(r.amendedMandates)} machtigingen melden het nieuwe Incassant-ID bij de volgende incasso.`);
          return;
        }
        const { settings } = await core.call('sepa.getCreditor', {});
        if (json) return io.out(JSON.stringify(settings, null, 2));
        if (!settings) return io.out(dutchText('CREDITOR_NOT_SET'));
        io.out(`${settings.name}  ${settings.iban}  ${settings.creditorId}  pain.008.001.${settings.debitVersion}  ${settings.sequencePolicy === 'rcur' ? 'RCUR vanaf de eerste' : 'FRST, dan RCUR'}`);
      });
      return;
    }
    if (sub === 'batch') {
      const runId = optionalString(args, 'run');
      const retryOf = optionalString(args, 'retry-of');
      if ((runId === undefined) === (retryOf === undefined)) throw usageError('geef --run RUN of --retry-of MSGID met --invoice NUMMERS');
      const version = optionalString(args, 'version');
      if (version !== undefined && version !== '02' && version !== '08') throw usageError('--version is 02 of 08');
      const out = dryRun ? null : outFile(args);
      await withCore(db, async (core) => {
        const base = {
          ...(runId ? { runId } : { invoiceIds: await invoiceIdsOf(core, requiredOption(args, 'invoice', 'de facturen om opnieuw te incasseren')), retryOfBatchId: await batchIdOf(core, retryOf!) }),
          ...(optionalString(args, 'date') ? { date: dateOption(args, 'date', core.ctx.today()) } : {}),
          ...(version ? { version } : {}),
          ...(out ? { fileName: path.basename(out) } : {}),
          itemLimit: json ? 200_000 : 0,
        };
        await exportBatch(
          args,
          io,
          () => collectBatch(core.ctx, parse('sepaBatches.collect', { ...base, dryRun: true })),
          (place) => collectBatch(core.ctx, parse('sepaBatches.collect', { ...base, dryRun: false }), { place }),
          out,
        );
      });
      return;
    }
    if (sub === 'refunds') {
      const version = optionalString(args, 'version');
      if (version !== undefined && version !== '03' && version !== '09') throw usageError('--version is 03 of 09');
      const out = dryRun ? null : outFile(args);
      await withCore(db, async (core) => {
        const base = {
          ...(optionalString(args, 'date') ? { date: dateOption(args, 'date', core.ctx.today()) } : {}),
          ...(version ? { version } : {}),
          ...(out ? { fileName: path.basename(out) } : {}),
          itemLimit: json ? 200_000 : 0,
        };
        await exportBatch(
          args,
          io,
          () => refundBatch(core.ctx, parse('sepaBatches.refunds', { ...base, dryRun: true })),
          (place) => refundBatch(core.ctx, parse('sepaBatches.refunds', { ...base, dryRun: false }), { place }),
          out,
        );
      });
      return;
    }
    if (sub === 'batches') {
      await withCore(db, async (core) => {
        const { rows } = await core.call('sepaBatches.list', { limit: 500 });
        if (json) return io.out(JSON.stringify(rows, null, 2));
        for (const b of rows) {
          io.out(`${b.msgId}  ${b.kind === 'collection' ? 'incasso' : 'terugbetaling'}  ${b.messageVersion}  ${nl(b.transactionCount)} posten  ${formatAmount(b.controlSumCents)}  ${b.fileName ?? ''}${b.retryOfBatchId ? '  (herhaling)' : ''}`);
        }
        if (rows.length === 0) io.out('Nog geen bestanden gemaakt.');
      });
      return;
    }
    throw usageError(`onbekende subopdracht '${sub}' (creditor, batch, refunds, batches)`);
  },
};

function mandateLine(m: MandateDto): string {
  const flags = [m.status === 'active' ? null : m.status, m.lapsed ? `vervallen sinds ${m.expiresOn}` : null, m.pendingAmendments ? `${m.pendingAmendments} wijziging(en) te melden` : null].filter(Boolean);
  return `${m.reference}  ${String(m.relationNumber).padStart(7)}  ${m.relationName}  ${m.iban}  getekend ${m.signedOn}  laatst ${m.lastUsedOn ?? '—'}${flags.length ? `  [${flags.join('; ')}]` : ''}`;
}

async function mandateByReference(core: Core, reference: string): Promise<string> {
  const row = core.ctx.sqlite.prepare('SELECT id FROM sepa_mandates WHERE reference = ?').get(reference.trim()) as { id: string } | undefined;
  if (!row) throw new CliError(`onbekende machtiging '${reference}' (geef het kenmerk, zie "mandates")`);
  return row.id;
}

export const mandatesCommand: Command = {
  name: 'mandates',
  summary: 'SEPA-machtigingen tonen, vastleggen, wijzigen (nieuwe IBAN/kenmerk) of intrekken',
  usage:
    'mandates [list] --db BESTAND [--relation NUMMER] [--lapsed] [--json]\n' +
    '       mandates add --db BESTAND --relation NUMMER --iban IBAN --signed DATUM [--reference KENMERK] [--bic BIC] [--one-off] [--json]\n' +
    '       mandates amend --db BESTAND --mandate KENMERK --date DATUM [--iban IBAN] [--reference NIEUW] [--note TEKST] [--json]\n' +
    '       mandates revoke --db BESTAND --mandate KENMERK --date DATUM [--reason TEKST] [--json]',
  options: {
    db: { type: 'string' },
    relation: { type: 'string' },
    lapsed: { type: 'boolean' },
    iban: { type: 'string' },
    bic: { type: 'string' },
    signed: { type: 'string' },
    reference: { type: 'string' },
    'one-off': { type: 'boolean' },
    mandate: { type: 'string' },
    date: { type: 'string' },
    note: { type: 'string' },
    reason: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['SUBOPDRACHT'],
  async run(args, io) {
    const sub = args.positionals[0] ?? 'list';
    const db = requiredOption(args, 'db', 'het administratiebestand');
    const json = Boolean(args.values['json']);
    const show = (m: MandateDto, what: string) => (json ? io.out(JSON.stringify(m, null, 2)) : io.out(`${what}: ${mandateLine(m)}`));
    await withCore(db, async (core) => {
      if (sub === 'list') {
        const ref = optionalString(args, 'relation');
        const relationId = ref ? (await relationByNumberOrId(core, ref)).id : undefined;
        const lapsed = args.values['lapsed'] ? true : undefined;
        let rows: MandateDto[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = await core.call('mandates.list', { ...(relationId ? { relationId } : {}), ...(lapsed ? { lapsed } : {}), offset, limit: 500 });
          rows = rows.concat(page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        if (json) return io.out(JSON.stringify(rows, null, 2));
        for (const m of rows) io.out(mandateLine(m));
        io.out(`${nl(rows.length)} machtigingen${lapsed ? ' (vervallen)' : ''}; ${nl(rows.filter((m) => m.lapsed).length)} vervallen na 36 maanden zonder incasso.`);
        return;
      }
      if (sub === 'add') {
        const relationId = (await relationByNumberOrId(core, requiredOption(args, 'relation', 'de relatie (nummer)'))).id;
        const m = await core.call('mandates.create', {
          relationId,
          iban: requiredOption(args, 'iban', 'de IBAN'),
          signedOn: (requiredOption(args, 'signed', 'de datum van ondertekening'), dateOption(args, 'signed', core.ctx.today())),
          bic: optionalString(args, 'bic') ?? null,
          kind: args.values['one-off'] ? 'OOFF' : 'RCUR',
          ...(optionalString(args, 'reference') ? { reference: optionalString(args, 'reference') } : {}),
        });
        return show(m, 'Machtiging vastgelegd');
      }
      const id = await mandateByReference(core, requiredOption(args, 'mandate', 'de machtiging (kenmerk)'));
      const date = dateOption(args, 'date', core.ctx.today());
      if (sub === 'amend') {
        const m = await core.call('mandates.amend', {
          id,
          amendedOn: date,
          iban: optionalString(args, 'iban') ?? null,
          ...(optionalString(args, 'reference') ? { reference: optionalString(args, 'reference') } : {}),
          note: optionalString(args, 'note') ?? null,
        });
        return show(m, 'Machtiging gewijzigd');
      }
      if (sub === 'revoke') return show(await core.call('mandates.revoke', { id, endedOn: date, reason: optionalString(args, 'reason') ?? null }), 'Machtiging ingetrokken');
      throw usageError(`onbekende subopdracht '${sub}' (list, add, amend, revoke)`);
    });
  },
};
