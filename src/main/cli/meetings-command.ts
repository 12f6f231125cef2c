import fs from 'node:fs';
import path from 'node:path';
import { attendanceStatus, type MeetingDto } from '../../shared/contract/meetings';
import { optionalString, requiredOption } from './arguments';
import { CliError, usageError } from './cli-error';
import type { Command, ParsedArgs } from './command';
import { dateOption, relationByNumberOrId } from './dates-and-lookups';
import { withAdministration } from './open-administration';
import type { Core } from '../core/create-core';
import { ensureDir, writePrivateFile } from '../core/storage/private-files';
import { storageError } from '../core/storage/storage-errors';

const STATUS_NL = { present: 'aanwezig', absent: 'afwezig', excused: 'afgemeld' } as const;
const STATUS_BY_WORD: Record<string, 'present' | 'absent' | 'excused' | null> = {
  aanwezig: 'present', afwezig: 'absent', afgemeld: 'excused', present: 'present', absent: 'absent', excused: 'excused', leeg: null, none: null,
};

async function groupByName(core: Core, name: string): Promise<string> {
  const groups = (await core.call('groups.list', {})).rows;
  const g = groups.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? groups.find((x) => x.id === name);
  if (!g) throw new CliError(`onbekende groep '${name}'`, undefined, groups.slice(0, 20).map((x) => x.name));
  return g.id;
}

function many(args: ParsedArgs, name: string): string[] {
  const v = args.values[name] as unknown;
  return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
}

const line = (m: MeetingDto) => `${m.id}  ${m.date}${m.time ? ` ${m.time}` : ''}  ${m.title} — ${m.groupName}${m.place ? `, ${m.place}` : ''}`;

export const meetingsCommand: Command = {
  name: 'meetings',
  summary: 'vergaderingen van een groep: plannen, aanwezigheid, agenda of notulen samenvoegen met een Word-sjabloon',
  usage: [
    'meetings --db BESTAND --group NAAM [--json]',
    '       ledenbeheer meetings add --db BESTAND --group NAAM --title TITEL --date DATUM [--time UU:MM] [--place PLAATS] [--item AGENDAPUNT …] [--json]',
    '       ledenbeheer meetings show --db BESTAND --id ID [--json]',
    '       ledenbeheer meetings attend --db BESTAND --id ID --relation NUMMER --status aanwezig|afwezig|afgemeld|leeg [--json]',
    '       ledenbeheer meetings merge --db BESTAND --id ID --template SJABLOON.docx --out AGENDA.docx [--json]',
  ].join('\n'),
  options: {
    db: { type: 'string' },
    group: { type: 'string' },
    id: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    time: { type: 'string' },
    place: { type: 'string' },
    item: { type: 'string', multiple: true },
    relation: { type: 'string' },
    status: { type: 'string' },
    template: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['actie'],
  run: async (args, io) => {
    await withAdministration(requiredOption(args, 'db', 'het administratiebestand'), async (core) => {
      const json = Boolean(args.values['json']);
      const action = args.positionals[0] ?? 'list';
      const print = (value: unknown, text: string) => io.out(json ? JSON.stringify(value, null, 2) : text);
      if (action === 'list') {
        const r = await core.call('meetings.list', { groupId: await groupByName(core, requiredOption(args, 'group', 'de groep')) });
        print(r, r.rows.map(line).join('\n') || 'Geen vergaderingen.');
        return;
      }
      if (action === 'add') {
        const m = await core.call('meetings.create', {
          groupId: await groupByName(core, requiredOption(args, 'group', 'de groep')),
          title: requiredOption(args, 'title', 'de titel'),
          date: dateOption(args, 'date', core.ctx.today()),
          time: optionalString(args, 'time') ?? null,
          place: optionalString(args, 'place') ?? null,
          agenda: many(args, 'item'),
          minutes: null,
        });
        print(m, line(m));
        return;
      }
      const id = requiredOption(args, 'id', 'de vergadering');
      if (action === 'show') {
        const m = await core.call('meetings.get', { id });
        const agenda = m.agenda.map((a, i) => `  ${i + 1}. ${a}`);
        const people = m.attendees.map((a) => `  ${String(a.number).padStart(6)} ${a.name}${a.role ? ` (${a.role})` : ''}: ${a.status ? STATUS_NL[a.status] : '—'}`);
        print(m, [line(m), 'Agenda:', ...agenda, 'Deelnemers:', ...people].join('\n'));
        return;
      }
      if (action === 'attend') {
        const word = requiredOption(args, 'status', 'de aanwezigheid').toLowerCase();
        if (!(word in STATUS_BY_WORD)) throw usageError(`onbekende aanwezigheid '${word}' (aanwezig, afwezig, afgemeld, leeg)`);
        const status = attendanceStatus.nullable().parse(STATUS_BY_WORD[word]);
        const who = await relationByNumberOrId(core, requiredOption(args, 'relation', 'de relatie'));
        const r = await core.call('meetings.setAttendance', { meetingId: id, relationId: who.id, status });
        print(r, `${who.displayName}: ${status ? STATUS_NL[status] : 'niet geregistreerd'}`);
        return;
      }
      if (action === 'merge') {
        const template = requiredOption(args, 'template', 'het Word-sjabloon');
        const out = requiredOption(args, 'out', 'het uitvoerbestand');
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(template);
        } catch (e) {
          throw new CliError(`kan het sjabloon niet lezen: ${template} (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestaat niet' : (e as Error).message})`);
        }
        const f = await core.call('meetings.merge', { id, template: bytes.toString('base64') });
        const data = Buffer.from(f.bytes, 'base64');
        try {
          ensureDir(path.dirname(path.resolve(out)));
          writePrivateFile(out, data);
        } catch (e) {
          throw storageError(e, out) ?? e;
        }
        print({ file: out, bytes: data.length }, `Geschreven: ${out}`);
        return;
      }
      throw usageError(`onbekende actie '${action}' (add, show, attend, merge)`);
    });
  },
};
