import fs from 'node:fs';
import { requiredOption } from './arguments';
import { CliError } from './cli-error';
import type { Command } from './command';
import { megabytes, nl, seconds } from './format';
import { withAdministration } from './open-administration';

export const exportJsonCommand: Command = {
  name: 'export-json',
  summary: 'exporteer de hele administratie als JSON (zie docs/json-format.md)',
  usage: 'export-json --db BESTAND --out UITVOER.json [--force]',
  options: { db: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const out = requiredOption(args, 'out', 'het uitvoerbestand');
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new CliError(`${out} is een map; geef een bestandsnaam op`);
    if (fs.existsSync(out) && !args.values['force']) throw new CliError(`${out} bestaat al; kies een andere naam of gebruik --force`);
    await withAdministration(file, async (core) => {
      const started = performance.now();
      const { exportJson } = await import('../core/exchange/json-export');
      const result = exportJson(core.ctx, out);
      io.out(`Geëxporteerd naar ${out}: ${nl(result.counts['relations'] ?? 0)} relaties, ${megabytes(result.bytes)} (${seconds(performance.now() - started)})`);
    });
  },
};
