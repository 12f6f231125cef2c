import { integerOption, requiredOption, requiredPositional } from './arguments';
import type { Command } from './command';
import { withAdministration } from './open-administration';

function pad(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width);
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'zoek relaties op naam, e-mail, plaats, postcode, telefoon of nummer',
  usage: 'search --db BESTAND TEKST [--limit N] [--json]',
  options: { db: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: ['TEKST'],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const query = requiredPositional(args, 0, 'de zoektekst');
    const limit = integerOption(args, 'limit', { min: 1, max: 200 }) ?? 20;
    await withAdministration(file, async (core) => {
      const result = await core.call('relations.search', { query, limit });
      if (args.values['json']) {
        io.out(JSON.stringify(result, null, 2));
        return;
      }
      if (result.rows.length === 0) {
        io.out(`Niets gevonden voor '${query}'.`);
        return;
      }
      for (const r of result.rows) {
        io.out(`${String(r.number).padStart(7)}  ${pad(r.displayName, 34)} ${pad(r.city ?? '', 22)} ${r.email ?? ''}`.trimEnd());
      }
      if (result.more) io.out(`… en meer: maak de zoekvraag specifieker.`);
    });
  },
};
