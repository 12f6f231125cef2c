import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { relations } from './relations';
import { groups } from './groups';

/**
 * Files kept in the administration (received forms, mail attachments), addressed by their
 * SHA-256. Immutable and content-addressed, so they are bookkeeping, not audited: the
 * audited rows that point at them (requests, attachments) record the hash.
 */
export const blobs = sqliteTable('blobs', {
  id: text('id').primaryKey(),
  size: integer('size').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
});

/**
 * Change requests (mutaties) from members: one row per request, the requested fields as
 * JSON `[{ field, original, submitted }]`. `source_key` (file hash + position in the file)
 * makes loading the same file twice a no-op.
 */
export const changeRequests = sqliteTable(
  'change_requests',
  {
    id: text('id').primaryKey(),
    /** What History and the pile call it: "Wijzigingsverzoek 1024 (wijzigingsformulier.pdf)". */
    title: text('title').notNull(),
    sourceKind: text('source_kind', { enum: ['csv', 'xlsx', 'json', 'eml', 'msg', 'pdf'] }).notNull(),
    sourceName: text('source_name').notNull(),
    sourceKey: text('source_key').notNull(),
    sourceBlobId: text('source_blob_id'),
    /** The date the member wrote (from the file), else the date it was loaded. */
    requestedOn: text('requested_on').notNull(),
    relationId: text('relation_id').references(() => relations.id, { onDelete: 'set null' }),
    matchedBy: text('matched_by', { enum: ['number', 'email', 'scorer'] }),
    submittedNumber: integer('submitted_number'),
    submittedEmail: text('submitted_email'),
    submittedName: text('submitted_name'),
    changes: text('changes').notNull(),
    status: text('status', { enum: ['open', 'approved', 'rejected'] }).notNull().default('open'),
    /** JSON `{ field: value applied | null (rejected) }` once decided. */
    decision: text('decision'),
    reason: text('reason'),
    /** The request changes the IBAN: a signed mandate or the Overstapservice message is needed. */
    needsMandateProof: integer('needs_mandate_proof', { mode: 'boolean' }).notNull().default(false),
    decidedAt: integer('decided_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('change_requests_source_uq').on(t.sourceKey),
    index('change_requests_status_idx').on(t.status, t.requestedOn),
    index('change_requests_relation_idx').on(t.relationId),
  ],
);

/** Calls, e-mails, visits, letters and notes. */
export const contactLog = sqliteTable(
  'contact_log',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['call', 'email', 'visit', 'letter', 'note'] }).notNull(),
    date: text('date').notNull(),
    /** Who had the contact (the user's colleague), free text. */
    who: text('who'),
    subject: text('subject').notNull(),
    body: text('body'),
    mailFrom: text('mail_from'),
    mailTo: text('mail_to'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('contact_log_date_idx').on(t.date)],
);

/** A log entry is about one or more relations and/or groups: one row each. */
export const contactLogLinks = sqliteTable(
  'contact_log_links',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id')
      .notNull()
      .references(() => contactLog.id, { onDelete: 'cascade' }),
    relationId: text('relation_id').references(() => relations.id, { onDelete: 'cascade' }),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('contact_log_links_entry_idx').on(t.entryId),
    index('contact_log_links_relation_idx').on(t.relationId),
    index('contact_log_links_group_idx').on(t.groupId),
  ],
);

export const contactLogAttachments = sqliteTable(
  'contact_log_attachments',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id')
      .notNull()
      .references(() => contactLog.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    blobId: text('blob_id').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [index('contact_log_attachments_entry_idx').on(t.entryId)],
);

/**
 * Follow-ups. `system_key` marks a task the app made itself ("request-stale:<id>"): the app
 * closes it when the fact is fixed, and never makes the same one twice.
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    notes: text('notes'),
    dueDate: text('due_date'),
    assignee: text('assignee'),
    priority: text('priority', { enum: ['low', 'normal', 'high'] }).notNull().default('normal'),
    recurrence: text('recurrence', { enum: ['none', 'weekly', 'monthly', 'yearly'] }).notNull().default('none'),
    snoozedUntil: text('snoozed_until'),
    doneAt: text('done_at'),
    relationId: text('relation_id').references(() => relations.id, { onDelete: 'cascade' }),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    logEntryId: text('log_entry_id').references(() => contactLog.id, { onDelete: 'set null' }),
    systemKey: text('system_key'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('tasks_open_idx').on(t.doneAt, t.dueDate),
    uniqueIndex('tasks_system_uq').on(t.systemKey),
    index('tasks_relation_idx').on(t.relationId),
  ],
);

/** A group's meetings; agenda items as a JSON array of strings. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    date: text('date').notNull(),
    time: text('time'),
    place: text('place'),
    agenda: text('agenda').notNull().default('[]'),
    minutes: text('minutes'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('meetings_group_idx').on(t.groupId, t.date)],
);

export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['present', 'absent', 'excused'] }).notNull(),
  },
  (t) => [uniqueIndex('meeting_attendance_uq').on(t.meetingId, t.relationId)],
);
