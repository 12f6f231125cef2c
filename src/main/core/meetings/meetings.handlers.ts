import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { MeetingDto, meetingsContract } from '../../../shared/contract';
import { DomainError, notFound } from '../../../shared/errors';
import { formatDutchDateLong } from '../../../shared/dutch/dates';
import { getGroup, groupMembership, listEntries } from '../groups/groups.repo';
import { loadTemplate, type Template } from '../io/merge/docx-template';
import { mergeOne } from '../io/merge/merge-document';
import { expandRepeatingRows, type RepeatingList } from '../io/merge/repeat-rows';
import { headerKey } from '../io/import/header-match';

interface MeetingRow {
  id: string;
  group_id: string;
  group_name: string;
  title: string;
  date: string;
  time: string | null;
  place: string | null;
  agenda: string;
  minutes: string | null;
}

const STATUS_NL = { present: 'aanwezig', absent: 'afwezig', excused: 'afgemeld' } as const;
const MEETING_FIELDS = ['vergadering', 'groep', 'datum', 'tijd', 'plaats', 'notulen', 'aantalaanwezig'];
const ATTENDEE_FIELDS = new Set(['naam', 'nummer', 'rol', 'aanwezigheid']);
const AGENDA_FIELDS = new Set(['agendanummer', 'agendapunt']);
const KNOWN = new Map([...MEETING_FIELDS, ...ATTENDEE_FIELDS, ...AGENDA_FIELDS].map((n) => [headerKey(n), n]));

function toDto(r: MeetingRow): MeetingDto {
  return { id: r.id, groupId: r.group_id, groupName: r.group_name, title: r.title, date: r.date, time: r.time, place: r.place, agenda: JSON.parse(r.agenda) as string[], minutes: r.minutes };
}

export function meetingsHandlers(ctx: CoreContext): HandlerGroup<keyof typeof meetingsContract> {
  const SELECT = 'SELECT m.*, g.name AS group_name FROM meetings m JOIN groups g ON g.id = m.group_id';
  const get = (id: string): MeetingDto => {
    const row = ctx.sqlite.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
    if (!row) throw notFound('meeting', id);
    return toDto(row);
  };
  /** The group's members on the meeting's date (roles as on that date), with what was registered. */
  const attendees = (m: MeetingDto) => {
    const ids = [...groupMembership(ctx, m.groupId, { on: m.date }).keys()];
    const registered = new Map(
      (ctx.sqlite.prepare('SELECT relation_id AS id, status FROM meeting_attendance WHERE meeting_id = ?').all(m.id) as { id: string; status: 'present' | 'absent' | 'excused' }[]).map((r) => [r.id, r.status]),
    );
    const all = [...new Set([...ids, ...registered.keys()])];
    const people = ctx.sqlite
      .prepare('SELECT id, number, display_name AS name FROM relations WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY sort_key')
      .all(JSON.stringify(all)) as { id: string; number: number; name: string }[];
    const roles = new Map<string, string>();
    for (const e of listEntries(ctx, { groupId: m.groupId })) {
      if (e.mode !== 'include' || !e.roleName) continue;
      if ((e.validFrom && e.validFrom > m.date) || (e.validTo && e.validTo <= m.date)) continue;
      roles.set(e.relationId, e.roleName);
    }
    return people.map((p) => ({ relationId: p.id, number: p.number, name: p.name, role: roles.get(p.id) ?? null, status: registered.get(p.id) ?? null }));
  };
  const write = (input: { title: string; date: string; time: string | null; place: string | null; agenda: string[]; minutes: string | null }) => ({
    title: input.title,
    date: input.date,
    time: input.time,
    place: input.place,
    agenda: JSON.stringify(input.agenda),
    minutes: input.minutes,
    now: ctx.now(),
  });
  return {
    'meetings.list': ({ groupId }) => {
      getGroup(ctx, groupId);
      return { rows: (ctx.sqlite.prepare(`${SELECT} WHERE m.group_id = ? ORDER BY m.date DESC, m.time DESC`).all(groupId) as MeetingRow[]).map(toDto) };
    },
    'meetings.get': ({ id }) => {
      const m = get(id);
      return { ...m, attendees: attendees(m) };
    },
    'meetings.create': ({ groupId, ...fields }) =>
      ctx.write('meetings.create', { groupId, title: fields.title }, (op) => {
        getGroup(ctx, groupId);
        const id = ctx.newId();
        ctx.sqlite
          .prepare('INSERT INTO meetings (id, group_id, title, date, time, place, agenda, minutes, created_at, updated_at) VALUES (@id, @groupId, @title, @date, @time, @place, @agenda, @minutes, @now, @now)')
          .run({ id, groupId, ...write(fields) });
        op.changed('meetings.changed', { ids: [id], groupId });
        return get(id);
      }),
    'meetings.update': ({ id, ...fields }) =>
      ctx.write('meetings.update', { id }, (op) => {
        get(id);
        ctx.sqlite.prepare('UPDATE meetings SET title = @title, date = @date, time = @time, place = @place, agenda = @agenda, minutes = @minutes, updated_at = @now WHERE id = @id').run({ id, ...write(fields) });
        op.changed('meetings.changed', { ids: [id] });
        return get(id);
      }),
    'meetings.setAttendance': ({ meetingId, relationId, status }) =>
      ctx.write('meetings.setAttendance', { meetingId, relationId, status }, (op) => {
        get(meetingId);
        if (!ctx.sqlite.prepare('SELECT 1 FROM relations WHERE id = ?').get(relationId)) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'relationId', code: 'NOT_FOUND' }]);
        if (status === null) ctx.sqlite.prepare('DELETE FROM meeting_attendance WHERE meeting_id = ? AND relation_id = ?').run(meetingId, relationId);
        else
          ctx.sqlite
            .prepare('INSERT INTO meeting_attendance (id, meeting_id, relation_id, status) VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id, relation_id) DO UPDATE SET status = excluded.status')
            .run(ctx.newId(), meetingId, relationId, status);
        op.changed('meetings.changed', { ids: [meetingId] });
        return { meetingId, relationId };
      }),
    'meetings.merge': ({ id, template }) => {
      const m = get(id);
      const people = attendees(m);
      // Minutes list who was there once attendance is registered; an agenda lists everyone invited.
      const registered = people.some((p) => p.status !== null);
      const listed = registered ? people.filter((p) => p.status === 'present') : people;
      const t: Template = loadTemplate(Buffer.from(template, 'base64'), (written) => KNOWN.get(headerKey(written)) ?? null);
      const lists: RepeatingList[] = [
        {
          names: ATTENDEE_FIELDS,
          items: listed.map((p) => (name: string) => ({ naam: p.name, nummer: String(p.number), rol: p.role ?? '', aanwezigheid: p.status ? STATUS_NL[p.status] : '' })[name] ?? ''),
        },
        { names: AGENDA_FIELDS, items: m.agenda.map((item, i) => (name: string) => ({ agendanummer: String(i + 1), agendapunt: item })[name] ?? '') },
      ];
      const values: Record<string, string | string[]> = {
        vergadering: m.title,
        groep: m.groupName,
        datum: formatDutchDateLong(m.date),
        tijd: m.time ?? '',
        plaats: m.place ?? '',
        notulen: m.minutes ? m.minutes.split(/\r?\n/) : '',
        aantalaanwezig: String(listed.length),
      };
      const expanded: Template = { ...t, parts: new Map([...t.parts].map(([path, xml]) => [path, expandRepeatingRows(xml, lists)])) };
      const bytes = mergeOne(expanded, (name) => values[name] ?? '');
      const safe = `${m.title}-${m.date}`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 80);
      return { fileName: `${safe}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: Buffer.from(bytes).toString('base64') };
    },
  };
}
