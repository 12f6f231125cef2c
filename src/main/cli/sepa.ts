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
import { withAdministration } from './open-administration';
import { dutchText } from './error-text';
import { nl } from './format';

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
  // Beside --out under the file's own name: the same name, or (one batch per file) name-1.xml, name-2.xml, …
  return (bytes, fileName) => {
    const target = path.join(path.dirname(out), fileName);
    const temp = tempNameFor(target);
    try {
      fs.writeFileSync(temp, bytes, { mode: 0o600 });
      placeWithoutOverwrite(temp, target);
    } catch (e) {
      removeTemp(temp);
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${target} bestaat al; kies een andere naam`);
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
  const made = r.files.length > 1 ? `${nl(r.files.length)} bestanden gemaakt (${r.messageVersion}, één batch per bestand)` : `Bestand ${out ?? r.fileName} gemaakt (${r.messageVersion}, ${r.msgId})`;
  const head = r.saved ? made : `Proef ${r.messageVersion} (niets opgeslagen)`;
  io.out(`${head}: ${nl(r.transactionCount)} ${what}, totaal ${formatAmount(r.controlSumCents)}.`);
  for (const g of r.groups) io.out(`  ${g.pmtInfId}  ${g.date}  ${g.sequenceType ?? 'TRF'}  ${nl(g.count)}  ${formatAmount(g.sumCents)}`);
  if (r.amendments > 0) io.out(`  ${nl(r.amendments)} met een gewijzigde machtiging (wordt meegemeld).`);
  if (r.files.length > 1) for (const f of r.files) io.out(`  bestand ${f.fileName} (${f.msgId}): ${nl(f.transactionCount)} posten, ${formatAmount(f.controlSumCents)}${r.saved ? `, SHA-256 ${f.fileHash}` : ''}`);
  else if (r.saved) io.out(`  controlegetal (SHA-256) ${r.fileHash ?? ''}`);
  if (r.problems.length > 0) {
    io.err(`${nl(r.problems.length)} probleem/problemen houden het bestand tegen:`);
    for (const p of r.problems) io.err(`  - ${[p.invoiceNumber, p.name].filter(Boolean).join(' ') || 'bestand'}: ${dutchText(p.code, { detail: p.detail })}`);
  }
}

type ExportMethod = 'sepaBatches.collect' | 'sepaBatches.refunds';
type Builder<M extends ExportMethod> = (ctx: Core['ctx'], q: ParsedInput<M>, opts: { place?: PlaceFile }) => SepaBatchResultDto;

/**
 * `sepa batch` and `sepa refunds`: the options they share (--date, --version, --out,
 * --dry-run, --json), checked by the method's own contract; the preview first (problems are
 * listed and nothing is written), then the export, writing its file(s) in its transaction.
 */
async function exportCommand<M extends ExportMethod>(
  args: { values: Record<string, unknown>; positionals: string[] },
  io: CliIo,
  spec: { method: M; build: Builder<M>; versions: readonly [string, string]; input: (core: Core) => Promise<Record<string, unknown>> },
): Promise<void> {
  const db = requiredOption(args as never, 'db', 'het administratiebestand');
  const json = Boolean(args.values['json']);
  const version = optionalString(args as never, 'version');
  if (version !== undefined && !spec.versions.includes(version)) throw usageError(`--version is ${spec.versions.join(' of ')}`);
  const out = args.values['dry-run'] ? null : outFile(args);
  await withAdministration(db, async (core) => {
    const base = {
      ...(await spec.input(core)),
      ...(optionalString(args as never, 'date') ? { date: dateOption(args as never, 'date', core.ctx.today()) } : {}),
      ...(version ? { version } : {}),
      ...(out ? { fileName: path.basename(out) } : {}),
      itemLimit: json ? 200_000 : 0,
    };
    const run = (dryRun: boolean, opts: { place?: PlaceFile } = {}) => spec.build(core.ctx, parse(spec.method, { ...base, dryRun }), opts);
    const withoutBytes = (r: SepaBatchResultDto) => ({ ...r, file: null, files: r.files.map((f) => ({ ...f, file: null })) });
    const preview = run(true);
    if (preview.problems.length > 0 || out === null) {
      if (json) io.out(JSON.stringify(withoutBytes(preview), null, 2));
      else printBatch(preview, io, null);
      if (preview.problems.length > 0) throw new CliError('het bestand is niet gemaakt; los de problemen op. Er is niets opgeslagen');
      return;
    }
    const r = run(false, { place: placeAt(out) });
    if (json) io.out(JSON.stringify({ ...withoutBytes(r), out: r.files.map((f) => path.join(path.dirname(out), f.fileName)) }, null, 2));
    else printBatch(r, io, out);
  });
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
  summary: 'SEPA: incassantgegevens, incassobestand (pain.008), terugbetalingen (pain.001), gemaakte bestanden (opnieuw opslaan)',
  usage:
    'sepa creditor --db BESTAND [--set GEGEVENS.json] [--json]\n' +
    '       sepa batch --db BESTAND --run RUN [--date DATUM] --out BESTAND.xml [--version 02|08] [--dry-run] [--json]\n' +
    '       sepa batch --db BESTAND --retry-of MSGID --invoice NUMMER[,NUMMER…] [--date DATUM] --out BESTAND.xml [--dry-run] [--json]\n' +
    '       sepa refunds --db BESTAND [--date DATUM] --out BESTAND.xml [--version 03|09] [--dry-run] [--json]\n' +
    '       sepa batches --db BESTAND [--json]\n' +
    '       sepa file --db BESTAND --batch MSGID --out BESTAND.xml [--json]',
  options: {
    db: { type: 'string' },
    set: { type: 'string' },
    run: { type: 'string' },
    'retry-of': { type: 'string' },
    batch: { type: 'string' },
    invoice: { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  positionals: ['SUBOPDRACHT'],
  async run(args, io) {
    const sub = requiredPositional(args, 0, 'de subopdracht (creditor, batch, refunds, batches, file)');
    const db = requiredOption(args, 'db', 'het administratiebestand');
    const json = Boolean(args.values['json']);
    if (sub === 'creditor') {
      await withAdministration(db, async (core) => {
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
      return exportCommand(args, io, {
        method: 'sepaBatches.collect',
        build: collectBatch,
        versions: ['02', '08'],
        input: async (core) =>
          runId ? { runId } : { invoiceIds: await invoiceIdsOf(core, requiredOption(args, 'invoice', 'de facturen om opnieuw te incasseren')), retryOfBatchId: await batchIdOf(core, retryOf!) },
      });
    }
    if (sub === 'refunds') return exportCommand(args, io, { method: 'sepaBatches.refunds', build: refundBatch, versions: ['03', '09'], input: async () => ({}) });
    if (sub === 'file') {
      // The exported file again, byte for byte as it went to the bank (kept in the administration).
      const out = outFile(args);
      await withAdministration(db, async (core) => {
        const f = await core.call('sepaBatches.file', { id: await batchIdOf(core, requiredOption(args, 'batch', 'het bestand (MsgId, zie "sepa batches")')) });
        placeAt(out)(Buffer.from(f.bytes, 'base64'), path.basename(out));
        if (json) return io.out(JSON.stringify({ fileName: f.fileName, out }, null, 2));
        io.out(`Bestand ${f.fileName} opnieuw opgeslagen als ${out}.`);
      });
      return;
    }
    if (sub === 'batches') {
      await withAdministration(db, async (core) => {
        const { rows } = await core.call('sepaBatches.list', { limit: 500 });
        if (json) return io.out(JSON.stringify(rows, null, 2));
        for (const b of rows) {
          io.out(`${b.msgId}  ${b.kind === 'collection' ? 'incasso' : 'terugbetaling'}  ${b.messageVersion}  ${nl(b.transactionCount)} posten  ${formatAmount(b.controlSumCents)}  ${b.fileName ?? ''}${b.retryOfBatchId ? '  (herhaling)' : ''}`);
        }
        if (rows.length === 0) io.out('Nog geen bestanden gemaakt.');
      });
      return;
    }
    throw usageError(`onbekende subopdracht '${sub}' (creditor, batch, refunds, batches, file)`);
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
    await withAdministration(db, async (core) => {
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
