import type { OverviewFigure, ReportTableDto } from '../../shared/contract';
import { addDays, formatDutchDate } from '../../shared/dutch/dates';
import { integerOption, optionalString, requiredOption, requiredPositional } from './arguments';
import { CliError, usageError } from './cli-error';
import type { Command } from './command';
import { dateOption } from './dates-and-lookups';
import { writeOutput } from './io-commands';
import { listSourceFrom } from './list-source';
import { withAdministration } from './open-administration';
import type { Core } from '../core/create-core';

const SIGNALS: Record<string, string> = {
  noAddress: 'geen adres',
  'signal:noEmail': 'geen e-mailadres',
  'signal:invalidPostcode': 'ongeldige postcode',
  'signal:debitWithoutIban': 'incasso zonder IBAN',
  'signal:debitWithoutMandate': 'incasso zonder machtiging',
  'signal:suspectedDuplicate': 'mogelijk dubbel',
  'signal:returnedDebit': 'gestorneerde incasso',
};

function figureName(f: OverviewFigure): string {
  if (f.name !== null) return `${'  '.repeat(f.depth ?? 0)}${f.name}`;
  if (f.key === 'joined') return 'nieuwe leden dit jaar';
  if (f.key === 'left') return 'vertrokken leden dit jaar';
  if (f.key === 'birthdays') return 'jarig in de komende 14 dagen';
  if (f.key.startsWith('jubilee:')) return `${f.key.slice(8)} jaar lid binnen 31 dagen`;
  if (f.key === 'age:unknown') return 'geboortedatum onbekend';
  if (f.key.startsWith('age:')) {
    const [min, max] = f.key.slice(4).split('-');
    return max ? `${min}–${max} jaar` : `${min} jaar en ouder`;
  }
  return SIGNALS[f.key] ?? f.key;
}

const SECTION: Record<string, string> = { types: 'Leden per type', units: 'Leden per afdeling', movement: 'Dit jaar', ages: 'Leeftijden', birthdays: 'Verjaardagen', jubilees: 'Jubilea', quality: 'Aandachtspunten' };

export const overviewCommand: Command = {
  name: 'overview',
  summary: 'het overzicht op een datum: leden per type en afdeling, in- en uitstroom, leeftijden, jubilea, aandachtspunten',
  usage: 'overview --db BESTAND [--on DATUM] [--json]',
  options: { db: { type: 'string' }, on: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [],
  async run(args, io) {
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const on = dateOption(args, 'on', core.ctx.today());
      const o = await core.call('overview.get', { on });
      // --json carries each figure's condition and moment: `select --condition` gives its list.
      if (args.values['json']) return io.out(JSON.stringify(o, null, 2));
      let section = '';
      for (const f of o.figures) {
        if (f.section !== section) io.out(`${(section = f.section) && SECTION[f.section]}`);
        io.out(`  ${figureName(f).padEnd(40)} ${f.count.toLocaleString('nl-NL').padStart(8)}`);
      }
      io.out(`Openstaande posten: ${o.money.openItems.toLocaleString('nl-NL')}`);
    });
  },
};

function printTable(t: ReportTableDto, out: (s: string) => void) {
  out(t.title);
  out(t.subtitle);
  const show = (row: Record<string, string | number>) =>
    t.columns.map((c) => {
      const v = row[c.key];
      const s =
        v === undefined
          ? ''
          : c.type === 'amount' && typeof v === 'number'
            ? `€ ${(v / 100).toFixed(2).replace('.', ',')}`
            : c.type === 'date' && typeof v === 'string'
              ? formatDutchDate(v)
              : String(v);
      return c.type === 'text' ? s.padEnd(28) : s.padStart(12);
    }).join(' ');
  out(show(Object.fromEntries(t.columns.map((c) => [c.key, c.label]))));
  for (const r of t.rows) out(show(r));
  if (t.totals) out(show(t.totals));
}

const REPORTS = ['members-per-unit', 'age-categories', 'birthdays', 'jubilees', 'contributions', 'board'] as const;
type ReportName = (typeof REPORTS)[number];
type Format = 'table' | 'xlsx' | 'pdf';

/** The report's period: --from and --to (through) as given, else this year up to today. */
function periodOf(args: Parameters<Command['run']>[0], today: string) {
  return { from: dateOption(args, 'from', `${today.slice(0, 4)}-01-01`), to: addDays(dateOption(args, 'to', today), 1) };
}

function numberList(raw: string | undefined, what: string): number[] | undefined {
  if (!raw) return undefined;
  return raw.split(',').map((n) => {
    if (!/^\d+$/.test(n.trim())) throw usageError(`${what}: '${n.trim()}' is geen geheel getal`);
    return Number(n.trim());
  });
}

async function runReport(which: ReportName, core: Core, args: Parameters<Command['run']>[0], format: Format) {
  const today = core.ctx.today();
  const typeCode = optionalString(args, 'type');
  const type = typeCode ? { typeCode } : {};
  switch (which) {
    case 'members-per-unit':
      return core.call('reports.membersPerUnit', { ...periodOf(args, today), format });
    case 'age-categories':
      return core.call('reports.ageCategories', { year: integerOption(args, 'year', { min: 1900, max: 2200 }) ?? Number(today.slice(0, 4)), ...type, format });
    case 'birthdays': {
      // Default: the coming month.
      const from = dateOption(args, 'from', today);
      return core.call('reports.birthdays', { from, to: addDays(dateOption(args, 'to', addDays(from, 30)), 1), ...type, format });
    }
    case 'jubilees': {
      const years = numberList(optionalString(args, 'years'), '--years');
      return core.call('reports.jubilees', { ...periodOf(args, today), ...(years ? { years } : {}), ...type, format });
    }
    case 'contributions': {
      const groupBy = optionalString(args, 'group-by') ?? 'year';
      if (groupBy !== 'year' && groupBy !== 'run' && groupBy !== 'type') throw usageError(`--group-by: kies year, run of type, niet '${groupBy}'`);
      const asOf = optionalString(args, 'as-of') ? dateOption(args, 'as-of', today) : undefined;
      return core.call('reports.contributions', { ...periodOf(args, today), groupBy, ...(asOf ? { asOf } : {}), format });
    }
    case 'board': {
      const on = dateOption(args, 'on', today);
      const groupName = optionalString(args, 'group');
      if (!groupName) return core.call('reports.board', { on, format });
      const groups = (await core.call('groups.list', {})).rows.filter((g) => g.name.toLowerCase() === groupName.trim().toLowerCase());
      if (groups.length !== 1) throw new CliError(groups.length ? `de groepsnaam '${groupName}' is niet uniek` : `onbekende groep '${groupName}'`);
      return core.call('reports.board', { on, groupId: groups[0]!.id, format });
    }
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'rapporten (Excel of PDF): leden per afdeling en type, leeftijdscategorieën, verjaardagen, jubilea, contributie gefactureerd/betaald/open, bestuur op een datum',
  usage:
    'report members-per-unit --db BESTAND --from DATUM --to DATUM (t/m) [--xlsx BESTAND | --pdf BESTAND] [--json]\n' +
    '       report age-categories --db BESTAND --year JAAR [--type CODE] [--xlsx BESTAND | --pdf BESTAND] [--json]\n' +
    '       report birthdays --db BESTAND [--from DATUM] [--to DATUM (t/m)] [--type CODE] [--xlsx BESTAND | --pdf BESTAND] [--json]\n' +
    '       report jubilees --db BESTAND [--from DATUM] [--to DATUM (t/m)] [--years 25,40,50] [--type CODE] [--xlsx BESTAND | --pdf BESTAND] [--json]\n' +
    '       report contributions --db BESTAND [--from DATUM] [--to DATUM (t/m)] [--group-by year|run|type] [--as-of DATUM] [--xlsx BESTAND | --pdf BESTAND] [--json]\n' +
    '       report board --db BESTAND [--on DATUM] [--group NAAM] [--xlsx BESTAND | --pdf BESTAND] [--json]',
  options: {
    db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, year: { type: 'string' }, type: { type: 'string' }, years: { type: 'string' },
    'group-by': { type: 'string' }, 'as-of': { type: 'string' }, on: { type: 'string' }, group: { type: 'string' },
    xlsx: { type: 'string' }, pdf: { type: 'string' }, json: { type: 'boolean' },
  },
  positionals: ['RAPPORT'],
  async run(args, io) {
    const which = requiredPositional(args, 0, `het rapport (${REPORTS.join(', ')})`);
    if (!(REPORTS as readonly string[]).includes(which)) throw usageError(`onbekend rapport '${which}' (${REPORTS.join(', ')})`);
    const xlsx = optionalString(args, 'xlsx');
    const pdf = optionalString(args, 'pdf');
    if (xlsx && pdf) throw usageError('kies --xlsx of --pdf, niet allebei');
    const format = xlsx ? 'xlsx' : pdf ? 'pdf' : 'table';
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const r = await runReport(which as ReportName, core, args, format);
      const file = xlsx ?? pdf;
      if (file && r.file) writeOutput(file, r.file.bytes);
      const { file: _f, ...table } = r;
      if (args.values['json']) return io.out(JSON.stringify({ ...table, ...(file ? { written: file } : {}) }, null, 2));
      printTable(table, io.out);
      if (file) io.out(`Geschreven: ${file}`);
    });
  },
};

const ACTIONS = ['add-to-group', 'emails', 'trash'] as const;

export const listCommand: Command = {
  name: 'list',
  summary: 'werken met een lijst (selectie, groep of nummers): aan een groep toevoegen, e-mailadressen voor BCC, naar de prullenbak',
  usage:
    'list add-to-group --db BESTAND (--selection NAAM | --group NAAM | --numbers 1,2,3) [--on DATUM] --to-group NAAM [--role CODE] [--from DATUM] [--until DATUM] [--json]\n' +
    '       list emails --db BESTAND (--selection NAAM | --group NAAM | --numbers 1,2,3) [--on DATUM] [--json]\n' +
    '       list trash --db BESTAND (--selection NAAM | --group NAAM | --numbers 1,2,3) [--json]',
  options: {
    db: { type: 'string' }, selection: { type: 'string' }, group: { type: 'string' }, numbers: { type: 'string' }, on: { type: 'string' },
    'to-group': { type: 'string' }, role: { type: 'string' }, from: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean' },
  },
  positionals: ['ACTIE'],
  async run(args, io) {
    const action = requiredPositional(args, 0, `de actie (${ACTIONS.join(', ')})`);
    if (!(ACTIONS as readonly string[]).includes(action)) throw usageError(`onbekende actie '${action}' (${ACTIONS.join(', ')})`);
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const on = optionalString(args, 'on') ? dateOption(args, 'on', core.ctx.today()) : undefined;
      const numbers = optionalString(args, 'numbers');
      const source = numbers
        ? {
            kind: 'relations' as const,
            ids: numbers.split(',').map((n) => {
              const row = core.ctx.sqlite.prepare('SELECT id FROM relations WHERE number = ?').get(Number(n.trim())) as { id: string } | undefined;
              if (!/^\d+$/.test(n.trim()) || !row) throw new CliError(`er is geen relatie met nummer '${n.trim()}'`);
              return row.id;
            }),
          }
        : await listSourceFrom(core, args, on);
      const json = Boolean(args.values['json']);
      if (action === 'emails') {
        const r = await core.call('lists.emails', { source });
        if (json) return io.out(JSON.stringify(r, null, 2));
        io.out(r.emails.join('; '));
        io.err(`${r.emails.length} adressen voor ${r.relations} relaties; zonder e-mailadres: ${r.without.length}`);
        for (const w of r.without) io.err(`  nr. ${w.number} ${w.displayName}`);
        return;
      }
      if (action === 'trash') {
        const r = await core.call('lists.trash', { source });
        return io.out(json ? JSON.stringify(r) : `${r.changed} relaties naar de prullenbak`);
      }
      const groupName = requiredOption(args, 'to-group', 'de groep (--to-group)');
      const groups = (await core.call('groups.list', {})).rows.filter((g) => g.name.toLowerCase() === groupName.trim().toLowerCase());
      if (groups.length !== 1) throw new CliError(groups.length ? `de groepsnaam '${groupName}' is niet uniek` : `onbekende groep '${groupName}'`);
      const roleCode = optionalString(args, 'role');
      const role = roleCode ? (await core.call('groupRoles.list', {})).rows.find((r) => r.code === roleCode) : undefined;
      if (roleCode && !role) throw new CliError(`onbekende rol '${roleCode}'`);
      const until = optionalString(args, 'until');
      const r = await core.call('lists.addToGroup', {
        source,
        groupId: groups[0]!.id,
        roleId: role?.id ?? null,
        validFrom: optionalString(args, 'from') ? dateOption(args, 'from', '') : null,
        validTo: until ? addDays(dateOption(args, 'until', ''), 1) : null,
      });
      io.out(json ? JSON.stringify(r) : `${r.changed} toegevoegd aan ${groups[0]!.name}, ${r.unchanged} waren er al`);
    });
  },
};
