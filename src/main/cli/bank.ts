import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { formatAmount, parseAmount } from '../../shared/dutch/money';
import type { BankEntryDto, BankImportResult } from '../../shared/contract';
import { integerOption, optionalString, requiredOption, requiredPositional } from './arguments';
import { CliError, usageError } from './cli-error';
import type { CliIo, Command } from './command';
import { dutchText } from './error-text';
import { withAdministration } from './open-administration';
import { nl } from './format';
import { nl as catalogue } from '../../renderer/i18n/nl';

/** Why an entry was matched (or not), in the app's Dutch: the reason text and how the amount fitted. */
export function matchReasonText(reason: BankEntryDto['reason']): string {
  const fill = (text: string) => text.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_, k: string) => String(reason[k] ?? '…'));
  const own = (catalogue.bank.match as Record<string, unknown>)[reason.code];
  const base = typeof own === 'string' ? fill(own) : dutchText(reason.code, reason);
  const fit = typeof reason['fit'] === 'string' ? (catalogue.bank.match.fit as Record<string, string>)[reason['fit']] : undefined;
  return fit ? base + fill(fit) : base;
}

const STATUS: Record<BankEntryDto['status'], string> = { matched: 'gekoppeld', unmatched: 'NIET GEKOPPELD', returned: 'storno', expanded: 'batch', ignored: 'genegeerd' };

function entryLine(e: BankEntryDto): string {
  const indent = e.parentEntryId ? '    ' : '  ';
  const who = e.counterpartyName ?? e.remittance ?? '—';
  return `${indent}${e.bookingDate}  ${formatAmount(e.amountCents).padStart(12)}  ${who.slice(0, 32).padEnd(32)}  ${STATUS[e.status]}: ${matchReasonText(e.reason)}  [${e.id}]`;
}

function printImport(r: BankImportResult, io: CliIo): void {
  const s = r.statement;
  const head = r.saved ? 'Afschrift ingelezen' : r.newCount === 0 ? 'Niets nieuws' : 'Proef (niets opgeslagen)';
  io.out(`${head}: ${s.fileName}, rekening ${s.accountIban} (${s.format === 'camt053' ? 'CAMT.053' : `MT940 ${s.dialect}`}), ${s.fromDate ?? '?'} t/m ${s.toDate ?? '?'}.`);
  io.out(`  ${nl(r.entryCount)} posten, waarvan ${nl(r.duplicateCount)} al eerder ingelezen; gekoppeld ${nl(r.counts.matched)}, niet gekoppeld ${nl(r.counts.unmatched)}, storneringen ${nl(r.counts.returned)}, batches ${nl(r.counts.expanded)}.`);
  for (const e of r.entries) io.out(entryLine(e));
  if (r.entries.length < r.newCount) io.out(`  … (zie --json of 'bank entries')`);
}

const SUBS = ['import', 'entries', 'returns', 'match', 'ignore', 'unmatch', 'settings'] as const;

export const bankCommand: Command = {
  name: 'bank',
  summary: 'bankafschriften (CAMT.053, MT940) inlezen en koppelen, storneringen en niet-gekoppelde posten bekijken, met de hand koppelen',
  usage: [
    'bank import --db BESTAND AFSCHRIFT [--dry-run] [--json]',
    '       bank entries --db BESTAND [--status unmatched|matched|returned|ignored] [--search TEKST] [--json]',
    '       bank returns --db BESTAND [--retry wanted|exhausted] [--json]',
    '       bank match --db BESTAND --entry POST --invoice NUMMER[,NUMMER…] [--json]',
    '       bank ignore --db BESTAND --entry POST --note TEKST [--json]',
    '       bank unmatch --db BESTAND --entry POST [--json]',
    '       bank settings --db BESTAND [--accounts IBAN[,IBAN…]] [--return-fee BEDRAG] [--max-retries N] [--json]',
  ].join('\n'),
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    status: { type: 'string' },
    search: { type: 'string' },
    retry: { type: 'string' },
    entry: { type: 'string' },
    invoice: { type: 'string' },
    note: { type: 'string' },
    accounts: { type: 'string' },
    'return-fee': { type: 'string' },
    'max-retries': { type: 'string' },
  },
  positionals: ['SUBOPDRACHT', 'AFSCHRIFT'],
  async run(args, io) {
    const sub = requiredPositional(args, 0, `de subopdracht (${SUBS.join(', ')})`);
    if (!(SUBS as readonly string[]).includes(sub)) throw usageError(`onbekende subopdracht '${sub}' (${SUBS.join(', ')})`);
    const db = requiredOption(args, 'db', 'het administratiebestand');
    const json = Boolean(args.values['json']);
    const print = (v: unknown) => io.out(JSON.stringify(v, null, 2));
    if (sub === 'import') {
      const file = requiredPositional(args, 1, 'het afschrift (CAMT.053 of MT940)');
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        throw new CliError(`bestand niet gevonden of niet leesbaar: ${file}`);
      }
      await withAdministration(db, async (core) => {
        let r: BankImportResult;
        try {
          r = await core.call('bank.import', { file: bytes.toString('base64'), fileName: path.basename(file), dryRun: Boolean(args.values['dry-run']), itemLimit: 10_000 });
        } catch (e) {
          const reason = e instanceof DomainError && typeof e.details?.['reason'] === 'string' ? e.details['reason'] : null;
          if (reason) throw new CliError(`${file}: ${dutchText(reason, e instanceof DomainError ? e.details : undefined)} Er is niets gewijzigd.`);
          throw e;
        }
        if (json) return print(r);
        printImport(r, io);
      });
      return;
    }
    await withAdministration(db, async (core) => {
      if (sub === 'entries') {
        const status = optionalString(args, 'status');
        if (status && !['matched', 'unmatched', 'returned', 'ignored', 'expanded'].includes(status)) throw usageError(`--status is unmatched, matched, returned of ignored`);
        const r = await core.call('bank.entries', { status: status as BankEntryDto['status'] | undefined, search: optionalString(args, 'search'), offset: 0, limit: 500 });
        if (json) return print(r);
        for (const e of r.rows) io.out(entryLine(e));
        io.out(`${nl(r.total)} posten${r.total > r.rows.length ? ` (eerste ${nl(r.rows.length)} getoond)` : ''}.`);
      } else if (sub === 'returns') {
        const retry = optionalString(args, 'retry');
        if (retry && !['wanted', 'exhausted', 'none'].includes(retry)) throw usageError('--retry is wanted of exhausted');
        const r = await core.call('bank.returns', { retry: retry as 'wanted' | undefined, offset: 0, limit: 500 });
        if (json) return print(r);
        for (const x of r.rows) {
          const acts = [x.invoiceNumber ? `factuur ${x.invoiceNumber} weer open` : 'geen factuur gevonden', x.mandateEnded ? 'machtiging beëindigd' : null, x.feeInvoiceNumber ? `stornokosten ${x.feeInvoiceNumber}` : null, x.retry === 'wanted' ? 'opnieuw incasseren' : x.retry === 'exhausted' ? 'niet meer opnieuw' : null];
          io.out(`  ${x.bookingDate}  ${formatAmount(x.amountCents).padStart(12)}  ${x.code} ${x.codeText}  ${x.relationName ?? '—'}: ${acts.filter(Boolean).join(', ')}`);
        }
        io.out(`${nl(r.total)} storneringen.`);
      } else if (sub === 'match') {
        const entryId = requiredOption(args, 'entry', 'de post (id uit bank entries)');
        const ids: string[] = [];
        for (const n of requiredOption(args, 'invoice', 'het factuurnummer').split(',').map((s) => s.trim()).filter(Boolean)) ids.push((await core.call('invoices.get', { number: n })).id);
        const e = await core.call('bank.match', { entryId, invoiceIds: ids });
        if (json) return print(e);
        io.out(`Gekoppeld: ${matchReasonText(e.reason)}.`);
      } else if (sub === 'ignore') {
        const e = await core.call('bank.ignore', { entryId: requiredOption(args, 'entry', 'de post'), note: requiredOption(args, 'note', 'de reden') });
        if (json) return print(e);
        io.out(`Genegeerd: ${matchReasonText(e.reason)}.`);
      } else if (sub === 'unmatch') {
        const e = await core.call('bank.unmatch', { entryId: requiredOption(args, 'entry', 'de post') });
        if (json) return print(e);
        io.out('Koppeling ongedaan gemaakt; de post staat weer bij de niet-gekoppelde posten.');
      } else {
        let s = await core.call('bank.getSettings', {});
        const accounts = optionalString(args, 'accounts');
        const fee = optionalString(args, 'return-fee');
        const retries = integerOption(args, 'max-retries', { min: 0, max: 5 });
        if (accounts !== undefined || fee !== undefined || retries !== undefined) {
          const cents = fee === undefined ? s.returnFeeCents : parseAmount(fee);
          if (typeof cents !== 'number' && !cents.ok) throw usageError(`ongeldig bedrag voor --return-fee: '${fee}' (bijvoorbeeld 7,50)`);
          s = await core.call('bank.setSettings', {
            settings: {
              accounts: accounts === undefined ? s.accounts : accounts.split(',').map((a) => a.replace(/\s/gu, '').toUpperCase()).filter(Boolean),
              returnFeeCents: typeof cents === 'number' ? cents : cents.value,
              maxRetries: retries ?? s.maxRetries,
            },
          });
        }
        if (json) return print(s);
        io.out(`Eigen rekening(en): ${s.accounts.join(', ') || '(nog niet ingesteld: de rekening van het eerste afschrift)'}; stornokosten ${formatAmount(s.returnFeeCents)}; opnieuw incasseren bij onvoldoende saldo: ${s.maxRetries} keer.`);
      }
    });
  },
};
