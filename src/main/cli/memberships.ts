import { optionalString, requiredOption, requiredPositional } from './arguments';
import { CliError, usageError } from './cli-error';
import type { Command } from './command';
import { dateOption, relationByNumberOrId, unitByName } from './dates-and-lookups';
import { withAdministration } from './open-administration';
import { nl, showPeriods } from './format';
import { addDays } from '../../shared/dutch/dates';
import { explanationLines } from './explain-text';
import { brokenRuleText, warnBrokenRules } from './broken-rules';

const SUBCOMMANDS = ['recompute', 'list', 'of', 'explain', 'check'] as const;

export const membershipsCommand: Command = {
  name: 'memberships',
  summary: 'lidmaatschappen herberekenen, tonen per onderdeel, uitleggen, of de regels controleren',
  usage:
    'memberships recompute --db BESTAND [--dry-run]\n' +
    '       memberships check --db BESTAND [--json]\n' +
    '       memberships list --db BESTAND [--unit NAAM] [--on DATUM] [--json]\n' +
    '       memberships of --db BESTAND --relation NUMMER [--json]   (alle lidmaatschapsperiodes van één relatie; einddatum t/m)\n' +
    '       memberships explain --db BESTAND --relation NUMMER --unit NAAM --on DATUM [--type CODE]',
  options: {
    db: { type: 'string' },
    unit: { type: 'string' },
    on: { type: 'string' },
    relation: { type: 'string' },
    type: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  positionals: ['SUBOPDRACHT'],
  async run(args, io) {
    const sub = requiredPositional(args, 0, `de subopdracht (${SUBCOMMANDS.join(', ')})`);
    if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw usageError(`onbekende subopdracht '${sub}' (${SUBCOMMANDS.join(', ')})`);
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const on = dateOption(args, 'on', core.ctx.today());
      if (sub === 'recompute') {
        const t0 = performance.now();
        const r = await core.call('memberships.recompute', { dryRun: Boolean(args.values['dry-run']) });
        io.out(`${r.saved ? 'Herberekend' : 'Proefberekening (niets opgeslagen)'}: ${nl(r.changes.relations)} relatie(s) gewijzigd, ${nl(r.memberships)} lidmaatschapsperiodes, ${Math.round(performance.now() - t0)} ms.`);
        for (const u of r.changes.perUnit) io.out(`  ${u.unitName}: +${u.gained} −${u.lost}`);
        await warnBrokenRules(core, io);
        return;
      }
      if (sub === 'check') {
        const { rows } = await core.call('memberships.brokenRules', {});
        if (args.values['json']) io.out(JSON.stringify({ brokenRules: rows }, null, 2));
        else if (rows.length === 0) io.out('Alle regels kunnen worden uitgerekend.');
        else {
          io.out(`${rows.length} regel(s) kunnen niet worden uitgerekend; de lidmaatschappen die ervan afhangen worden niet bijgewerkt tot ze hersteld zijn:`);
          for (const r of rows) io.out(`  - ${brokenRuleText(r)} (niet bijgewerkt: ${r.staleUnits.map((u) => u.name).join(', ')})`);
        }
        return;
      }
      if (sub === 'list') {
        const unitName = optionalString(args, 'unit');
        const units = unitName ? [await unitByName(core, unitName)] : (await core.call('units.list', { on })).rows;
        const out = [];
        for (const u of units) {
          const first = await core.call('memberships.list', { unitId: u.id, on, limit: 500 });
          let rows = first.rows;
          for (let offset = rows.length; offset < first.total; offset += 500) rows = rows.concat((await core.call('memberships.list', { unitId: u.id, on, offset, limit: 500 })).rows);
          out.push({
            unit: u.name,
            counts: first.counts,
            members: rows.map((r) => ({
              number: r.relation.number,
              name: r.relation.displayName,
              memberships: r.memberships.map((m) => ({ type: m.typeCode, since: m.startDate, until: m.endDate, years: m.years, viaException: m.viaException })),
            })),
          });
        }
        if (args.values['json']) {
          io.out(JSON.stringify({ on, units: out }, null, 2));
          return;
        }
        for (const u of out) {
          io.out(`${u.unit} op ${on}: ${Object.entries(u.counts).map(([k, v]) => `${k} ${v}`).join(', ') || 'geen leden'}`);
          for (const m of u.members) io.out(`  ${String(m.number).padStart(7)}  ${m.name} — ${m.memberships.map((x) => `${x.type} sinds ${x.since ?? '?'}`).join(', ')}`);
        }
        return;
      }
      const relation = await relationByNumberOrId(core, requiredOption(args, 'relation', 'de relatie (nummer)'));
      if (sub === 'of') {
        const rows = (await core.call('memberships.ofRelation', { relationId: relation.id })).rows;
        const periods = rows.map((m) => ({
          unit: m.unitName,
          type: m.typeCode,
          typeName: m.typeName,
          from: m.startDate,
          // The last day that counts, as on the card (stored end dates are exclusive).
          through: m.endDate ? addDays(m.endDate, -1) : null,
          viaException: m.viaException,
        }));
        if (args.values['json']) {
          io.out(JSON.stringify({ relation: { id: relation.id, name: relation.displayName }, memberships: periods }, null, 2));
          return;
        }
        io.out(rows.length ? `${relation.displayName}: ${rows.length} lidmaatschapsperiode(s)` : `${relation.displayName} heeft geen lidmaatschappen.`);
        for (const m of rows) {
          const via = m.viaException ? ' (uitzondering)' : '';
          io.out(`  ${m.typeName} van ${m.unitName}: ${showPeriods([{ from: m.startDate, to: m.endDate }])}${via}`);
        }
        return;
      }
      const unit = await unitByName(core, requiredOption(args, 'unit', 'het onderdeel (naam)'));
      if (optionalString(args, 'on') === undefined) throw usageError('de datum ontbreekt: geef --on op');
      const types = (await core.call('membershipTypes.list', {})).rows;
      const code = optionalString(args, 'type');
      const chosen = code ? types.filter((t) => t.code === code) : types;
      if (chosen.length === 0) throw new CliError(code ? `onbekend lidmaatschapstype '${code}'` : 'er zijn nog geen lidmaatschapstypes');
      for (const t of chosen) {
        const r = await core.call('memberships.explain', { relationId: relation.id, unitId: unit.id, membershipTypeId: t.id, on });
        const [verdict = '', ...lines] = await explanationLines(core, { unitId: unit.id, unitName: unit.name, type: t, on }, r);
        io.out(`${relation.displayName}: ${verdict}`);
        for (const line of lines) io.out(line);
      }
    });
  },
};
