import fs from 'node:fs';
import { DomainError } from '../../shared/errors';
import { requiredOption } from './arguments';
import { CliError } from './cli-error';
import type { Command } from './command';
import { megabytes, seconds } from './format';
import { fromDomainError } from './messages';
import { openAdministration } from './open-administration';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'maak een gecontroleerde reservekopie van de administratie',
  usage: 'backup --db BESTAND --out KOPIE.sqlite',
  options: { db: { type: 'string' }, out: { type: 'string' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const out = requiredOption(args, 'out', 'het bestand voor de kopie');
    if (fs.existsSync(out)) throw new CliError(`${out} bestaat al; kies een andere naam`);
    const core = await openAdministration(file);
    const started = performance.now();
    try {
      const { backupAdministration } = await import('../core/exchange/backup');
      const result = await backupAdministration(core.ctx.sqlite, out);
      io.out(`Reservekopie gemaakt: ${out} (${megabytes(result.bytes)}, integriteit gecontroleerd, ${seconds(performance.now() - started)})`);
    } catch (e) {
      throw e instanceof DomainError ? fromDomainError(e, out) : e;
    } finally {
      core.close();
    }
  },
};
