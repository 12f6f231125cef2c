import fs from 'node:fs';
import { condition, type Condition, type EvaluationMoment } from '../../shared/contract';
import { addDays, formatDutchDate } from '../../shared/dutch/dates';
import { optionalString, requiredOption } from './arguments';
import { CliError, usageError } from './cli-error';
import type { Command, ParsedArgs } from './command';
import { dateOption } from './dates-and-lookups';
import { withAdministration } from './open-administration';
import type { Core } from '../core/create-core';
import { showPeriods } from './format';
import { zodIssues } from '../core/rpc/dispatcher';
import { dutchText } from './error-text';

function conditionFromFile(file: string): Condition {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`kan voorwaarde niet lezen uit ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestand bestaat niet' : 'geen geldige JSON'}`);
  }
  const parsed = condition.safeParse(raw);
  if (!parsed.success) {
    // The same codes as the API gives, in Dutch: "type: ongeldige invoer: geen van de toegestane soorten".
    const issues = zodIssues(parsed.error);
    const first = issues[0];
    const what = first ? `: ${first.field || '(hoofdniveau)'}: ${dutchText(first.code)} [${first.code}]` : '';
    throw new CliError(`ongeldige voorwaarde in ${file}${what}`, undefined, issues.slice(1).map((i) => `${i.field || '(hoofdniveau)'}: ${dutchText(i.code)} [${i.code}]`));
  }
  return parsed.data;
}

/** A saved selection by its name (case-insensitive) or id. */
async function selectionCondition(core: Core, ref: string): Promise<{ name: string; condition: Condition }> {
  const rows = (await core.call('selections.list', {})).rows;
  const wanted = ref.trim().toLowerCase();
  const matches = rows.filter((s) => s.id === ref || s.name.toLowerCase() === wanted);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new CliError(`de naam '${ref}' past op ${matches.length} selecties; gebruik het id (zie 'selections --db …')`);
  throw new CliError(`onbekende selectie '${ref}'`, undefined, rows.slice(0, 20).map((s) => `${s.name} (${s.id})`));
}

/** --on D, or --from D --to D (the last day inclusive, as people say it) with --whole-period. */
function momentOf(args: ParsedArgs, today: string): { moment: EvaluationMoment; text: string } {
  const from = optionalString(args, 'from');
  const to = optionalString(args, 'to');
  const whole = Boolean(args.values['whole-period']);
  if (from === undefined && to === undefined) {
    if (whole) throw usageError('--whole-period hoort bij een periode: geef ook --from en --to op');
    const on = dateOption(args, 'on', today);
    return { moment: { on }, text: `op ${formatDutchDate(on)}` };
  }
  if (optionalString(args, 'on') !== undefined) throw usageError('geef óf --on óf --from en --to op, niet allebei');
  if (from === undefined || to === undefined) throw usageError('een periode heeft --from en --to nodig');
  const first = dateOption(args, 'from', today);
  const last = dateOption(args, 'to', today);
  if (last < first) throw usageError(`--to (${last}) ligt vóór --from (${first})`);
  const moment: EvaluationMoment = { from: first, to: addDays(last, 1), ...(whole ? { wholePeriod: true } : {}) };
  return { moment, text: `${whole ? 'de hele periode' : 'in de periode'} ${formatDutchDate(first)} t/m ${formatDutchDate(last)}` };
}

export const selectCommand: Command = {
  name: 'select',
  summary: 'relaties die aan een voorwaarde (JSON) of een opgeslagen selectie voldoen, op een datum of in een periode',
  usage:
    'select --db BESTAND (--condition VOORWAARDE.json | --selection NAAM) [--on DATUM | --from DATUM --to DATUM [--whole-period]] [--json]\n' +
    '       --to is de laatste dag (t/m); zonder --whole-period telt wie op minstens één dag voldoet, met --whole-period wie elke dag voldoet',
  options: {
    db: { type: 'string' },
    condition: { type: 'string' },
    selection: { type: 'string' },
    on: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'whole-period': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: [],
  async run(args, io) {
    const file = requiredOption(args, 'db', 'het administratiebestand');
    const conditionFile = optionalString(args, 'condition');
    const selectionName = optionalString(args, 'selection');
    if ((conditionFile === undefined) === (selectionName === undefined)) throw usageError('geef óf --condition BESTAND óf --selection NAAM op');
    const fromFile = conditionFile !== undefined ? conditionFromFile(conditionFile) : null;
    await withAdministration(file, async (core) => {
      const { moment, text } = momentOf(args, core.ctx.today());
      const chosen = fromFile ?? (await selectionCondition(core, selectionName ?? '')).condition;
      const result = await core.call('conditions.evaluate', { condition: chosen, moment, limit: 500 });
      let rows = result.rows;
      for (let offset = rows.length; offset < result.total; offset += 500) {
        rows = rows.concat((await core.call('conditions.evaluate', { condition: chosen, moment, offset, limit: 500 })).rows);
      }
      if (args.values['json']) {
        io.out(JSON.stringify({ ...('on' in moment ? { on: moment.on } : { from: moment.from, to: addDays(moment.to, -1), wholePeriod: Boolean(moment.wholePeriod) }), total: result.total, rows }, null, 2));
        return;
      }
      io.out(`${result.total} relatie(s) ${text}:`);
      for (const r of rows) io.out(`${String(r.number).padStart(7)}  ${r.displayName}${r.city ? `, ${r.city}` : ''}${'on' in moment ? '' : `  (${showPeriods(r.periods)})`}`);
    });
  },
};
