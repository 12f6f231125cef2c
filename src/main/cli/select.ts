import fs from 'node:fs';
import { condition } from '../../shared/contract';
import { requiredOption } from './arguments';
import { CliError } from './cli-error';
import type { Command } from './command';
import { dateOption } from './dates-and-lookups';
import { openAdministration } from './open-administration';

export const selectCommand: Command = {
  name: 'select',
  summary: 'relaties die op een datum aan een voorwaarde (JSON) voldoen',
  usage: 'select --db BESTAND --condition VOORWAARDE.json [--on DATUM] [--json]',
  options: { db: { type: 'string' }, condition: { type: 'string' }, on: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const conditionFile = requiredOption(args, 'condition', 'het voorwaardebestand');
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(conditionFile, 'utf8'));
    } catch (e) {
      throw new CliError(`kan voorwaarde niet lezen uit ${conditionFile}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestand bestaat niet' : 'geen geldige JSON'}`);
    }
    const parsed = condition.safeParse(raw);
    if (!parsed.success) {
      throw new CliError(`ongeldige voorwaarde in ${conditionFile}`, undefined, parsed.error.issues.map((i) => `${i.path.join('.') || '(hoofdniveau)'}: ${i.message}`));
    }
    const core = await openAdministration(file);
    try {
      const on = dateOption(args, 'on', core.ctx.today());
      const result = await core.call('conditions.evaluate', { condition: parsed.data, moment: { on }, limit: 500 });
      let rows = result.rows;
      for (let offset = rows.length; offset < result.total; offset += 500) {
        rows = rows.concat((await core.call('conditions.evaluate', { condition: parsed.data, moment: { on }, offset, limit: 500 })).rows);
      }
      if (args.values['json']) {
        io.out(JSON.stringify({ on, total: result.total, rows }, null, 2));
        return;
      }
      io.out(`${result.total} relatie(s) op ${on}:`);
      for (const r of rows) io.out(`${String(r.number).padStart(7)}  ${r.displayName}${r.city ? `, ${r.city}` : ''}`);
    } finally {
      core.close();
    }
  },
};
