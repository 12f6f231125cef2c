import fs from 'node:fs';
import path from 'node:path';
import type { LogKind, RequestDetailDto, RequestSummaryDto, TaskDto } from '../../shared/contract';
import { logKind } from '../../shared/contract';
import { optionalString, requiredOption } from './arguments';
import { writeOutput } from './io-commands';
import { CliError, usageError } from './cli-error';
import type { CliIo, Command, ParsedArgs } from './command';
import { dateOption, relationByNumberOrId } from './dates-and-lookups';
import { withAdministration } from './open-administration';
import type { Core } from '../core/create-core';

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`kan ${file} niet lezen (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestaat niet' : (e as Error).message})`);
  }
}

function many(args: ParsedArgs, name: string): string[] {
  const v = args.values[name] as unknown;
  return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
}

function withCore(args: ParsedArgs, fn: (core: Core) => Promise<void>): Promise<void> {
  return withAdministration(requiredOption(args, 'db', 'het administratiebestand'), fn);
}

const STATUS = { open: 'open', approved: 'goedgekeurd', rejected: 'afgewezen' } as const;

function requestLine(r: RequestSummaryDto): string {
  const who = r.relationNumber !== null ? `${r.relationNumber} ${r.relationName ?? ''}` : `niet gekoppeld (${r.submittedName ?? r.submittedEmail ?? '?'})`;
  return `${r.id}  ${r.requestedOn}  ${STATUS[r.status].padEnd(11)}  ${who} — ${r.fieldCount} veld(en) uit ${r.sourceName}${r.needsMandateProof ? ' — machtiging nodig' : ''}`;
}

function requestDetail(io: CliIo, d: RequestDetailDto): void {
  io.out(requestLine(d));
  for (const f of d.fields) {
    io.out(`  ${f.field.padEnd(18)} was ${f.original ?? '—'}  →  gevraagd ${f.submitted ?? '(leeg)'}  (nu ${f.current ?? '—'})${f.stale ? '  LET OP: gewijzigd sinds het verzoek' : ''}`);
  }
  if (d.reason) io.out(`  reden: ${d.reason}`);
  if (d.otherOpen.length) io.out(`  ook open voor deze relatie: ${d.otherOpen.map((o) => o.id).join(', ')}`);
}

export const requestsCommand: Command = {
  name: 'requests',
  summary: 'wijzigingsverzoeken (mutaties): inlezen, bekijken, goedkeuren of afwijzen, wijzigingsformulieren maken',
  usage: [
    'requests --db BESTAND [--open] [--json]',
    '       ledenbeheer requests load --db BESTAND INVOER (.csv, .xlsx, .json, .eml, .msg, .pdf) [--json]',
    '       ledenbeheer requests show|approve --db BESTAND --id ID [--json]',
    '       ledenbeheer requests reject --db BESTAND --id ID --reason TEKST [--json]',
    '       ledenbeheer requests form --db BESTAND --relation NUMMER [--relation NUMMER …] --out BESTAND.pdf|.zip',
  ].join('\n'),
  options: {
    db: { type: 'string' },
    open: { type: 'boolean' },
    id: { type: 'string' },
    reason: { type: 'string' },
    relation: { type: 'string', multiple: true },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['actie', 'invoer'],
  run: (args, io) =>
    withCore(args, async (core) => {
      const json = Boolean(args.values['json']);
      const action = args.positionals[0] ?? 'list';
      const show = (d: RequestDetailDto) => (json ? io.out(JSON.stringify(d, null, 2)) : requestDetail(io, d));
      switch (action) {
        case 'list': {
          const rows = (await core.call('requests.list', args.values['open'] ? { status: 'open' } : {})).rows;
          if (json) io.out(JSON.stringify({ requests: rows }, null, 2));
          else if (rows.length === 0) io.out('Geen wijzigingsverzoeken.');
          else for (const r of rows) io.out(requestLine(r));
          return;
        }
        case 'load': {
          const file = args.positionals[1];
          if (!file) throw usageError('het bestand met verzoeken ontbreekt (requests load --db BESTAND INVOER)');
          const r = await core.call('requests.load', { file: readFile(file).toString('base64'), fileName: path.basename(file) });
          if (json) io.out(JSON.stringify(r, null, 2));
          else {
            io.out(`${r.created.length} verzoek(en) ingelezen uit ${path.basename(file)}${r.alreadyLoaded ? `; ${r.alreadyLoaded} waren al eerder ingelezen` : ''}.`);
            for (const i of r.issues) io.out(`  rij ${i.row}${i.field ? `, ${i.field}` : ''}: ${i.code}`);
          }
          return;
        }
        case 'show':
          return show(await core.call('requests.get', { id: requiredOption(args, 'id', 'het verzoek') }));
        case 'approve':
          return show(await core.call('requests.approve', { id: requiredOption(args, 'id', 'het verzoek') }));
        case 'reject':
          return show(await core.call('requests.reject', { id: requiredOption(args, 'id', 'het verzoek'), reason: requiredOption(args, 'reason', 'de reden') }));
        case 'form': {
          const refs = many(args, 'relation');
          if (refs.length === 0) throw usageError('geef minstens één --relation NUMMER');
          const ids = [];
          for (const ref of refs) ids.push((await relationByNumberOrId(core, ref)).id);
          const out = requiredOption(args, 'out', 'het uitvoerbestand');
          const f = await core.call('requests.form', { source: { kind: 'relations', ids } });
          writeOutput(out, f.bytes);
          io.out(json ? JSON.stringify({ file: out, fileName: f.fileName, relations: ids.length }) : `Wijzigingsformulier(en) geschreven: ${out}`);
          return;
        }
        default:
          throw usageError(`onbekende actie '${action}' (load, show, approve, reject, form)`);
      }
    }),
};

const KIND_NL: Record<LogKind, string> = { call: 'telefoon', email: 'e-mail', visit: 'bezoek', letter: 'brief', note: 'notitie' };
const KIND_BY_WORD: Record<string, LogKind> = { telefoon: 'call', gesprek: 'call', mail: 'email', 'e-mail': 'email', bezoek: 'visit', brief: 'letter', notitie: 'note' };

async function groupIdsByName(core: Core, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const groups = (await core.call('groups.list', {})).rows;
  return names.map((n) => {
    const g = groups.find((x) => x.name.toLowerCase() === n.toLowerCase()) ?? groups.find((x) => x.id === n);
    if (!g) throw new CliError(`onbekende groep '${n}'`, undefined, groups.slice(0, 20).map((x) => x.name));
    return g.id;
  });
}

export const logCommand: Command = {
  name: 'log',
  summary: 'contactlog: gesprekken, e-mails, bezoeken, brieven en notities vastleggen en zoeken',
  usage: [
    'log --db BESTAND [--relation NUMMER] [--search WOORDEN] [--json]',
    '       ledenbeheer log add --db BESTAND --relation NUMMER [--relation …] [--group NAAM] --subject ONDERWERP [--kind call|email|visit|letter|note] [--text TEKST] [--date DATUM] [--who WIE] [--json]',
    '       ledenbeheer log mail --db BESTAND MAIL.eml|.msg [--relation NUMMER …] [--json]',
  ].join('\n'),
  options: {
    db: { type: 'string' },
    relation: { type: 'string', multiple: true },
    group: { type: 'string', multiple: true },
    kind: { type: 'string' },
    subject: { type: 'string' },
    text: { type: 'string' },
    date: { type: 'string' },
    who: { type: 'string' },
    search: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['actie', 'invoer'],
  run: (args, io) =>
    withCore(args, async (core) => {
      const json = Boolean(args.values['json']);
      const action = args.positionals[0] ?? 'list';
      const relationIds = [];
      for (const ref of many(args, 'relation')) relationIds.push((await relationByNumberOrId(core, ref)).id);
      const groupIds = await groupIdsByName(core, many(args, 'group'));
      const printEntry = (e: { date: string; kind: LogKind; subject: string; relations: { number: number; name: string }[]; groups: { name: string }[] }) =>
        io.out(`${e.date}  ${KIND_NL[e.kind].padEnd(8)}  ${e.subject} — ${[...e.relations.map((r) => `${r.number} ${r.name}`), ...e.groups.map((g) => g.name)].join(', ')}`);
      if (action === 'list') {
        const r = await core.call('log.list', { ...(relationIds[0] ? { relationId: relationIds[0] } : {}), ...(groupIds[0] ? { groupId: groupIds[0] } : {}), query: optionalString(args, 'search') ?? '', limit: 500 });
        if (json) io.out(JSON.stringify(r, null, 2));
        else r.rows.forEach(printEntry);
        return;
      }
      if (action === 'add') {
        const rawKind = optionalString(args, 'kind') ?? 'note';
        const kind = logKind.safeParse(rawKind).success ? (rawKind as LogKind) : KIND_BY_WORD[rawKind.toLowerCase()];
        if (!kind) throw usageError(`onbekende soort '${rawKind}' (call, email, visit, letter, note)`);
        const e = await core.call('log.add', {
          kind,
          date: dateOption(args, 'date', core.ctx.today()),
          who: optionalString(args, 'who') ?? null,
          subject: requiredOption(args, 'subject', 'het onderwerp'),
          body: optionalString(args, 'text') ?? null,
          relationIds,
          groupIds,
        });
        if (json) io.out(JSON.stringify(e, null, 2));
        else printEntry(e);
        return;
      }
      if (action === 'mail') {
        const file = args.positionals[1];
        if (!file) throw usageError('het mailbestand ontbreekt (log mail --db BESTAND MAIL.eml)');
        const e = await core.call('log.addMail', { file: readFile(file).toString('base64'), fileName: path.basename(file), relationIds, groupIds });
        if (json) io.out(JSON.stringify(e, null, 2));
        else printEntry(e);
        return;
      }
      throw usageError(`onbekende actie '${action}' (add, mail)`);
    }),
};

function taskLine(t: TaskDto): string {
  return `${t.id}  ${t.dueDate ?? 'geen datum'}${t.overdue ? ' (te laat)' : ''}  ${t.title}${t.relationName ? ` — ${t.relationNumber} ${t.relationName}` : ''}${t.doneAt ? ` — klaar ${t.doneAt}` : ''}`;
}

export const tasksCommand: Command = {
  name: 'tasks',
  summary: 'taken en opvolging: wat vandaag moet, nieuwe taak, afvinken',
  usage: [
    'tasks --db BESTAND [--due] [--json]',
    '       ledenbeheer tasks add --db BESTAND --title TITEL [--date DATUM] [--relation NUMMER] [--json]',
    '       ledenbeheer tasks done --db BESTAND --id ID [--json]',
  ].join('\n'),
  options: { db: { type: 'string' }, due: { type: 'boolean' }, title: { type: 'string' }, date: { type: 'string' }, relation: { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean' } },
  positionals: ['actie'],
  run: (args, io) =>
    withCore(args, async (core) => {
      const json = Boolean(args.values['json']);
      const action = args.positionals[0] ?? 'list';
      if (action === 'list') {
        if (args.values['due']) {
          const r = await core.call('tasks.today', {});
          if (json) io.out(JSON.stringify(r, null, 2));
          else {
            io.out(`Te laat: ${r.overdue.length}, vandaag: ${r.due.length}`);
            for (const t of [...r.overdue, ...r.due]) io.out(taskLine(t));
          }
          return;
        }
        const rows = (await core.call('tasks.list', { status: 'open' })).rows;
        if (json) io.out(JSON.stringify({ tasks: rows }, null, 2));
        else for (const t of rows) io.out(taskLine(t));
        return;
      }
      if (action === 'add') {
        const ref = optionalString(args, 'relation');
        const t = await core.call('tasks.create', {
          title: requiredOption(args, 'title', 'de titel'),
          dueDate: optionalString(args, 'date') ? dateOption(args, 'date', core.ctx.today()) : null,
          relationId: ref ? (await relationByNumberOrId(core, ref)).id : null,
        });
        io.out(json ? JSON.stringify(t, null, 2) : taskLine(t));
        return;
      }
      if (action === 'done') {
        const r = await core.call('tasks.complete', { id: requiredOption(args, 'id', 'de taak') });
        io.out(json ? JSON.stringify(r, null, 2) : `${taskLine(r.done)}${r.next ? `\nvolgende: ${taskLine(r.next)}` : ''}`);
        return;
      }
      throw usageError(`onbekende actie '${action}' (add, done)`);
    }),
};
