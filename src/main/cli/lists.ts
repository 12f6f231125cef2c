import { requiredOption } from './arguments';
import type { Command } from './command';
import { nl } from './format';
import { withAdministration } from './open-administration';

/*
 * Lists an integrator needs for the ids other commands and JSON conditions refer to
 * (a tag atom takes tag ids, `select --selection` a selection's name or id).
 */

export const tagsCommand: Command = {
  name: 'tags',
  summary: 'kenmerken met hun id en aantal relaties',
  usage: 'tags --db BESTAND [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const rows = (await core.call('tags.list', {})).rows;
      if (args.values['json']) {
        io.out(JSON.stringify({ tags: rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parentId, relations: r.count })) }, null, 2));
        return;
      }
      if (rows.length === 0) {
        io.out('Er zijn nog geen kenmerken; maak ze aan bij Instellingen → Kenmerken.');
        return;
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      const depth = (id: string | null, seen = 0): number => (id && seen < 50 ? 1 + depth(byId.get(id)?.parentId ?? null, seen + 1) : 0);
      for (const r of rows) io.out(`${'  '.repeat(depth(r.parentId))}${r.name}  (${nl(r.count)} relatie(s))  id ${r.id}`);
    });
  },
};

export const selectionsCommand: Command = {
  name: 'selections',
  summary: 'opgeslagen selecties met hun id',
  usage: 'selections --db BESTAND [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const rows = (await core.call('selections.list', {})).rows;
      if (args.values['json']) {
        io.out(JSON.stringify({ selections: rows.map((r) => ({ id: r.id, name: r.name, description: r.description, condition: r.condition })) }, null, 2));
        return;
      }
      if (rows.length === 0) {
        io.out('Er zijn nog geen selecties; maak er een bij Selecties, of gebruik select --condition BESTAND.');
        return;
      }
      for (const r of rows) io.out(`${r.name}${r.description ? ` — ${r.description}` : ''}  id ${r.id}`);
    });
  },
};
