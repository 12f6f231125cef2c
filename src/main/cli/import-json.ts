import fs from 'node:fs';
import { DomainError } from '../../shared/errors';
import { requiredOption, requiredPositional } from './arguments';
import { CliError } from './cli-error';
import type { Command } from './command';
import { nl, seconds } from './format';
import { fromDomainError } from './messages';
import { openTarget } from './open-administration';

export const importJsonCommand: Command = {
  name: 'import-json',
  summary: 'lees een JSON-export in een nieuwe of lege administratie (alles of niets)',
  usage: 'import-json --db BESTAND EXPORT.json',
  options: { db: { type: 'string' } },
  positionals: ['EXPORT.json'],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const source = requiredPositional(args, 0, 'het exportbestand');
    if (!fs.existsSync(source)) throw new CliError(`bestand niet gevonden: ${source}`);
    if (fs.statSync(source).isDirectory()) throw new CliError(`${source} is een map, geen exportbestand`);
    const { core, discard } = await openTarget(file);
    const started = performance.now();
    try {
      const { importJson } = await import('../core/exchange/json-import');
      const { counts } = importJson(core.ctx, source);
      core.close();
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      io.out(`Ingelezen in ${file}: ${nl(counts['relations'] ?? 0)} relaties, ${nl(total)} records in totaal (${seconds(performance.now() - started)})`);
    } catch (e) {
      discard();
      throw e instanceof DomainError ? fromDomainError(e, source) : e;
    }
  },
};
