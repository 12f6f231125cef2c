import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { optionalString, requiredOption } from './arguments';
import { CliError } from './cli-error';
import type { Command } from './command';
import { megabytes, nl, seconds } from './format';
import { fromDomainError } from './messages';
import { withAdministration, inspectFile } from './open-administration';
import { backupPassword } from './password';
import { formatDutchDate } from '../../shared/dutch/dates';
import { nl as catalogue } from '../../renderer/i18n/nl';

const reasonText = (reason: string) => (catalogue.administrations.backups.reasons as Record<string, string>)[reason] ?? reason;

function when(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDutchDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const newCommand: Command = {
  name: 'new',
  summary: 'maak een nieuwe, lege administratie voor een vereniging',
  usage: 'new --db BESTAND --name NAAM [--json]',
  options: { db: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const name = requiredOption(args, 'name', 'de naam van de vereniging').trim();
    if (name.length > 200) throw new CliError('de naam is te lang (hoogstens 200 tekens)');
    const state = inspectFile(file);
    if (state !== 'missing') throw new CliError(`${file} bestaat al; kies een andere naam (een bestaande administratie openen: gewoon --db ${file} bij een opdracht)`);
    const { createCore } = await import('../core/create-core');
    const { acquireLock } = await import('../core/storage/file-lock');
    const { ensureDir } = await import('../core/storage/private-files');
    const { setAdministrationIdentity } = await import('../core/setup/administration-identity');
    ensureDir(path.dirname(path.resolve(file)));
    const lock = acquireLock(file);
    try {
      const core = createCore({ file });
      try {
        setAdministrationIdentity(core.ctx.sqlite, { name });
      } finally {
        core.close();
      }
    } catch (e) {
      throw e instanceof DomainError ? fromDomainError(e, file) : e;
    } finally {
      lock.release();
    }
    if (args.values['json']) io.out(JSON.stringify({ file: path.resolve(file), name }));
    else io.out(`Nieuwe administratie "${name}" gemaakt: ${file}`);
  },
};

export const backupCommand: Command = {
  name: 'backup',
  summary: 'maak een gecontroleerde reservekopie (in de map met reservekopieën, of met --out als los bestand)',
  usage: 'backup --db BESTAND [--out KOPIE.sqlite] [--json]',
  options: { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const out = optionalString(args, 'out');
    if (out !== undefined && fs.existsSync(out)) throw new CliError(`${out} bestaat al; kies een andere naam`);
    await withAdministration(file, async (core) => {
      const started = performance.now();
      try {
        if (out !== undefined) {
          const { backupAdministration } = await import('../core/exchange/backup');
          const result = await backupAdministration(core.ctx.sqlite, out);
          if (args.values['json']) io.out(JSON.stringify({ file: path.resolve(out), bytes: result.bytes }));
          else io.out(`Reservekopie gemaakt: ${out} (${megabytes(result.bytes)}, integriteit gecontroleerd, ${seconds(performance.now() - started)})`);
          return;
        }
        const made = await core.backups.make('manual');
        if (!made) throw new Error('manual backup skipped');
        if (args.values['json']) io.out(JSON.stringify({ name: made.name, file: made.file, at: new Date(made.at).toISOString(), reason: made.reason, bytes: made.bytes, copyBytes: made.copyBytes }));
        else io.out(`Reservekopie gemaakt: ${made.file} (${megabytes(made.bytes)} gecomprimeerd, ${megabytes(made.copyBytes)} onverpakt, integriteit gecontroleerd, ${seconds(performance.now() - started)})`);
      } catch (e) {
        throw e instanceof DomainError ? fromDomainError(e, out ?? file) : e;
      }
    });
  },
};

export const backupsCommand: Command = {
  name: 'backups',
  summary: 'toon de reservekopieën van de administratie (datum, reden, grootte)',
  usage: 'backups --db BESTAND [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    await withAdministration(file, async (core) => {
      const folder = core.backups.folder();
      const rows = core.backups.list().map((b) => ({ name: b.name, file: b.file, at: new Date(b.at).toISOString(), reason: b.reason, bytes: b.bytes }));
      if (args.values['json']) {
        io.out(JSON.stringify({ folder, rows }));
        return;
      }
      io.out(`Reservekopieën in ${folder}: ${nl(rows.length)}`);
      for (const r of rows) io.out(`  ${when(r.at)}  ${reasonText(r.reason).padEnd(24)} ${megabytes(r.bytes).padStart(9)}  ${r.name}`);
    });
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'zet een reservekopie terug (eerst wordt de huidige stand bewaard, zodat dit terug te draaien is)',
  usage: 'restore --db BESTAND --from KOPIE [--backup-password-file WACHTWOORD.txt] [--json]   (KOPIE: een naam uit \'backups\' of het pad van een kopie; het wachtwoord van de kopie alleen als die met een ander wachtwoord is gemaakt)',
  options: { db: { type: 'string' }, from: { type: 'string' }, 'backup-password-file': { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const from = requiredOption(args, 'from', 'de reservekopie');
    // Through the shared check: a missing file names `new`, someone else's file is refused,
    // an encrypted one is opened with its password, which the restored file keeps.
    const { keyOf } = await import('../core/db/database-key');
    const password = await withAdministration(file, async (probe) => keyOf(probe.ctx.sqlite));
    const { restoreAdministration } = await import('../core/backups/restore');
    const restore = async () => {
      try {
        return await restoreAdministration(file, from, { password });
      } catch (e) {
        // A backup from before the last password change: it is asked for (or read from the file) and tried once.
        if (!(e instanceof DomainError && e.code === 'BACKUP_PASSWORD_REQUIRED')) throw e;
        const given = await backupPassword(optionalString(args, 'backup-password-file'));
        if (given === null) throw new CliError(`${fromDomainError(e, from).message}; geef het met --backup-password-file BESTAND`);
        return await restoreAdministration(file, from, { password, backupPassword: given });
      }
    };
    try {
      const { restored, before } = await restore();
      if (args.values['json']) io.out(JSON.stringify({ restored: { name: restored.name, file: restored.file }, before: { name: before.name, file: before.file } }));
      else io.out(`Teruggezet: ${restored.name}. De stand van daarvóór staat in ${before.file}; terugdraaien: ledenbeheer restore --db ${file} --from ${before.name}`);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw new CliError(`reservekopie niet gevonden: ${from} (zie 'ledenbeheer backups --db ${file}')`);
      throw e instanceof DomainError ? fromDomainError(e, file) : e;
    }
  },
};
