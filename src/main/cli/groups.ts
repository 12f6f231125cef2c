import { allPages } from './all-pages';
import { requiredOption } from './arguments';
import type { Command } from './command';
import { dateOption } from './dates-and-lookups';
import { withAdministration } from './open-administration';

export const groupsCommand: Command = {
  name: 'groups',
  summary: 'groepen met hun leden en rollen op een datum',
  usage: 'groups --db BESTAND [--on DATUM] [--json]',
  options: { db: { type: 'string' }, on: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const on = dateOption(args, 'on', core.ctx.today());
      const groups = (await core.call('groups.list', {})).rows;
      const out = [];
      for (const g of groups) {
        const members = await allPages((offset, limit) => core.call('groups.members', { groupId: g.id, on, offset, limit }));
        out.push({
          id: g.id,
          name: g.name,
          type: g.type,
          parentId: g.parentId,
          total: members.total,
          members: members.rows.map((m) => ({ number: m.relation.number, name: m.relation.displayName, roles: m.roles.map((r) => r.code), sources: m.sources })),
        });
      }
      if (args.values['json']) {
        io.out(JSON.stringify({ on, groups: out }, null, 2));
        return;
      }
      io.out(`Groepen op ${on}:`);
      for (const g of out) {
        io.out(`${g.name} (${g.type}) — ${g.total} lid/leden`);
        for (const m of g.members) io.out(`  ${String(m.number).padStart(7)}  ${m.name}${m.roles.length ? ` — ${m.roles.join(', ')}` : ''}`);
      }
    });
  },
};
