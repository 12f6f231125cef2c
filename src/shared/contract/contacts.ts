import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, optionalDate, optionalText } from './fields';
import { fileBytes, fileOutput } from './io';

/** Contact log (calls, e-mails, visits, letters, notes) and tasks (follow-ups). */

export const logKind = z.enum(['call', 'email', 'visit', 'letter', 'note']);
export type LogKind = z.infer<typeof logKind>;

const linkedTo = {
  relationIds: z.array(id).max(10_000).default([]),
  groupIds: z.array(id).max(100).default([]),
};

export const logEntryDto = z.object({
  id,
  kind: logKind,
  date: z.string(),
  who: z.string().nullable(),
  subject: z.string(),
  body: z.string().nullable(),
  mailFrom: z.string().nullable(),
  mailTo: z.string().nullable(),
  relations: z.array(z.object({ id, number: z.number().int(), name: z.string() })),
  groups: z.array(z.object({ id, name: z.string() })),
  attachments: z.array(z.object({ id, fileName: z.string(), mimeType: z.string(), size: z.number().int() })),
  createdAt: z.number(),
});
export type LogEntryDto = z.infer<typeof logEntryDto>;

const logFields = {
  kind: logKind,
  date: isoDate,
  who: optionalText(120),
  subject: z.string().trim().min(1, { message: 'SUBJECT_REQUIRED' }).max(300),
  body: optionalText(100_000),
};

export const taskPriority = z.enum(['low', 'normal', 'high']);
export const taskRecurrence = z.enum(['none', 'weekly', 'monthly', 'yearly']);

export const taskDto = z.object({
  id,
  title: z.string(),
  notes: z.string().nullable(),
  dueDate: z.string().nullable(),
  assignee: z.string().nullable(),
  priority: taskPriority,
  recurrence: taskRecurrence,
  snoozedUntil: z.string().nullable(),
  doneAt: z.string().nullable(),
  relationId: z.string().nullable(),
  relationName: z.string().nullable(),
  relationNumber: z.number().int().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  logEntryId: z.string().nullable(),
  /** Set on tasks the app made itself (and closes itself when the fact is fixed). */
  systemKey: z.string().nullable(),
  overdue: z.boolean(),
});
export type TaskDto = z.infer<typeof taskDto>;

const taskFields = {
  title: z.string().trim().min(1, { message: 'TITLE_REQUIRED' }).max(300),
  notes: optionalText(20_000),
  dueDate: optionalDate,
  assignee: optionalText(120),
  priority: taskPriority.default('normal'),
  recurrence: taskRecurrence.default('none'),
  relationId: id.nullish().transform((v) => v ?? null),
  groupId: id.nullish().transform((v) => v ?? null),
  logEntryId: id.nullish().transform((v) => v ?? null),
};

export const contactsContract = defineContract({
  'log.add': {
    input: z.object({ ...logFields, ...linkedTo }).refine((e) => e.relationIds.length + e.groupIds.length > 0, { path: ['relationIds'], message: 'LOG_NEEDS_LINK' }),
    output: logEntryDto,
  },
  /** A saved mail (.eml/.msg) as a log entry: from, to, subject, date, body and attachments kept. */
  'log.addMail': {
    input: z.object({ file: fileBytes, fileName: z.string().trim().min(1).max(255), who: optionalText(120), ...linkedTo }),
    output: logEntryDto,
  },
  'log.list': {
    input: z.object({
      relationId: id.optional(),
      groupId: id.optional(),
      /** Words to find in subject, text and addresses. */
      query: z.string().trim().max(200).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ rows: z.array(logEntryDto), total: z.number().int() }),
  },
  'log.remove': { input: z.object({ id }), output: z.object({ id }) },
  'log.attachment': { input: z.object({ id }), output: fileOutput },
  'tasks.list': {
    input: z.object({ status: z.enum(['open', 'done', 'all']).default('open'), relationId: id.optional(), groupId: id.optional() }),
    output: z.object({ rows: z.array(taskDto) }),
  },
  /** Overdue and due-today tasks (snoozed ones hidden until their date); brings the app's own tasks up to date first. */
  'tasks.today': {
    input: z.object({}),
    output: z.object({
      /** The core's today: what "due" was measured against (the screen's default date). */
      today: isoDate,
      overdue: z.array(taskDto),
      due: z.array(taskDto),
    }),
  },
  'tasks.count': { input: z.object({}), output: z.object({ due: z.number().int() }) },
  'tasks.create': { input: z.object(taskFields), output: taskDto },
  'tasks.update': { input: z.object({ id, ...taskFields }), output: taskDto },
  /** Done. A recurring task makes its next occurrence. */
  'tasks.complete': { input: z.object({ id }), output: z.object({ done: taskDto, next: taskDto.nullable() }) },
  'tasks.reopen': { input: z.object({ id }), output: taskDto },
  'tasks.snooze': { input: z.object({ id, until: isoDate }), output: taskDto },
  'tasks.remove': { input: z.object({ id }), output: z.object({ id }) },
});
