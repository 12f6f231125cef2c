import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, optionalText } from './fields';
import { fileBytes, fileOutput } from './io';

/** A group's meetings: agenda, attendees from the group on the date, attendance, agenda/minutes merged into Word. */

export const attendanceStatus = z.enum(['present', 'absent', 'excused']);

export const meetingDto = z.object({
  id,
  groupId: id,
  groupName: z.string(),
  title: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  agenda: z.array(z.string()),
  minutes: z.string().nullable(),
});
export type MeetingDto = z.infer<typeof meetingDto>;

export const attendeeDto = z.object({
  relationId: id,
  number: z.number().int(),
  name: z.string(),
  role: z.string().nullable(),
  /** Null until registered. */
  status: attendanceStatus.nullable(),
});

const meetingFields = {
  title: z.string().trim().min(1, { message: 'TITLE_REQUIRED' }).max(200),
  date: isoDate,
  time: optionalText(5).refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { message: 'TIME_INVALID' }),
  place: optionalText(200),
  agenda: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  minutes: optionalText(100_000),
};

export const meetingsContract = defineContract({
  'meetings.list': { input: z.object({ groupId: id }), output: z.object({ rows: z.array(meetingDto) }) },
  'meetings.get': { input: z.object({ id }), output: meetingDto.extend({ attendees: z.array(attendeeDto) }) },
  'meetings.create': { input: z.object({ groupId: id, ...meetingFields }), output: meetingDto },
  'meetings.update': { input: z.object({ id, ...meetingFields }), output: meetingDto },
  'meetings.setAttendance': {
    input: z.object({ meetingId: id, relationId: id, status: attendanceStatus.nullable() }),
    output: z.object({ meetingId: id, relationId: id }),
  },
  /**
   * The user's Word template filled with the meeting: {vergadering}, {groep}, {datum}, {tijd},
   * {plaats}, {notulen}, {aantalaanwezig}; a table row with {naam}/{nummer}/{rol}/{aanwezigheid}
   * repeats per attendee, a row with {agendanummer}/{agendapunt} per agenda item.
   */
  'meetings.merge': { input: z.object({ id, template: fileBytes }), output: fileOutput },
});
