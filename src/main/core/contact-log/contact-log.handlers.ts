import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { contactsContract, LogEntryDto, LogKind } from '../../../shared/contract';
import { DomainError, notFound } from '../../../shared/errors';
import { readMail } from '../mail/read-mail';
import { getBlob, putBlob } from '../blobs/blob-store';
import { todayIso } from '../../../shared/dutch/dates';

type LogMethods = 'log.add' | 'log.addMail' | 'log.list' | 'log.remove' | 'log.attachment';

export interface NewLogEntry {
  kind: LogKind;
  date: string;
  who: string | null;
  subject: string;
  body: string | null;
  mailFrom?: string | null;
  mailTo?: string | null;
  relationIds: string[];
  groupIds: string[];
  attachments?: { fileName: string; mimeType: string; content: Uint8Array }[];
}

/** Writes one log entry with its links and attachments; inside the caller's operation. Returns its id. */
export function insertLogEntry(ctx: CoreContext, e: NewLogEntry): string {
  const id = ctx.newId();
  const now = ctx.now();
  const relationIds = [...new Set(e.relationIds)];
  const groupIds = [...new Set(e.groupIds)];
  const missing = (table: string, ids: string[]) =>
    ids.length === 0
      ? []
      : (ctx.sqlite.prepare(`SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM ${table})`).all(JSON.stringify(ids)) as { id: string }[]);
  const badRelation = missing('relations', relationIds)[0];
  if (badRelation) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'relationIds', code: 'NOT_FOUND', details: { id: badRelation.id } }]);
  const badGroup = missing('groups', groupIds)[0];
  if (badGroup) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'groupIds', code: 'NOT_FOUND', details: { id: badGroup.id } }]);
  ctx.sqlite
    .prepare(
      `INSERT INTO contact_log (id, kind, date, who, subject, body, mail_from, mail_to, created_at, updated_at)
       VALUES (@id, @kind, @date, @who, @subject, @body, @mailFrom, @mailTo, @now, @now)`,
    )
    .run({ id, kind: e.kind, date: e.date, who: e.who, subject: e.subject, body: e.body, mailFrom: e.mailFrom ?? null, mailTo: e.mailTo ?? null, now });
  const link = ctx.sqlite.prepare('INSERT INTO contact_log_links (id, entry_id, relation_id, group_id) VALUES (?, ?, ?, ?)');
  for (const r of relationIds) link.run(ctx.newId(), id, r, null);
  for (const g of groupIds) link.run(ctx.newId(), id, null, g);
  const attach = ctx.sqlite.prepare('INSERT INTO contact_log_attachments (id, entry_id, file_name, mime_type, blob_id, size) VALUES (?, ?, ?, ?, ?, ?)');
  for (const a of e.attachments ?? []) attach.run(ctx.newId(), id, a.fileName, a.mimeType, putBlob(ctx, a.content), a.content.byteLength);
  return id;
}

interface EntryRow {
  id: string;
  kind: LogKind;
  date: string;
  who: string | null;
  subject: string;
  body: string | null;
  mail_from: string | null;
  mail_to: string | null;
  created_at: number;
}

/** The entries with their links and attachments, in two queries per page. */
function hydrate(ctx: CoreContext, rows: EntryRow[]): LogEntryDto[] {
  const ids = JSON.stringify(rows.map((r) => r.id));
  const links = ctx.sqlite
    .prepare(
      `SELECT l.entry_id AS entryId, l.relation_id AS relationId, r.number, r.display_name AS relationName, l.group_id AS groupId, g.name AS groupName
       FROM contact_log_links l LEFT JOIN relations r ON r.id = l.relation_id LEFT JOIN groups g ON g.id = l.group_id
       WHERE l.entry_id IN (SELECT value FROM json_each(?)) ORDER BY r.sort_key, g.name`,
    )
    .all(ids) as { entryId: string; relationId: string | null; number: number | null; relationName: string | null; groupId: string | null; groupName: string | null }[];
  const files = ctx.sqlite
    .prepare(`SELECT id, entry_id AS entryId, file_name AS fileName, mime_type AS mimeType, size FROM contact_log_attachments WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY file_name`)
    .all(ids) as { id: string; entryId: string; fileName: string; mimeType: string; size: number }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    date: r.date,
    who: r.who,
    subject: r.subject,
    body: r.body,
    mailFrom: r.mail_from,
    mailTo: r.mail_to,
    createdAt: r.created_at,
    relations: links
      .filter((l) => l.entryId === r.id && l.relationId)
      .map((l) => ({ id: l.relationId ?? '', number: l.number ?? 0, name: l.relationName ?? '' })),
    groups: links.filter((l) => l.entryId === r.id && l.groupId).map((l) => ({ id: l.groupId ?? '', name: l.groupName ?? '' })),
    attachments: files.filter((f) => f.entryId === r.id).map(({ entryId: _e, ...f }) => f),
  }));
}

export function getLogEntry(ctx: CoreContext, id: string): LogEntryDto {
  const row = ctx.sqlite.prepare('SELECT * FROM contact_log WHERE id = ?').get(id) as EntryRow | undefined;
  if (!row) throw notFound('logEntry', id);
  return hydrate(ctx, [row])[0] as LogEntryDto;
}

/** Relations whose e-mail is one of these addresses (a mail is about its sender and recipients). */
function relationsByEmail(ctx: CoreContext, addresses: string[]): string[] {
  if (addresses.length === 0) return [];
  return (
    ctx.sqlite
      .prepare(
        `SELECT id FROM relations WHERE deleted_at IS NULL AND (lower(email) IN (SELECT lower(value) FROM json_each(@a)) OR lower(email2) IN (SELECT lower(value) FROM json_each(@a)))`,
      )
      .all({ a: JSON.stringify(addresses) }) as { id: string }[]
  ).map((r) => r.id);
}

export function contactLogHandlers(ctx: CoreContext): HandlerGroup<LogMethods & keyof typeof contactsContract> {
  return {
    'log.add': (input) =>
      ctx.write('log.add', { subject: input.subject }, (op) => {
        const id = insertLogEntry(ctx, input);
        op.changed('log.changed', { ids: [id], relationIds: input.relationIds, groupIds: input.groupIds });
        return getLogEntry(ctx, id);
      }),
    'log.addMail': async ({ file, fileName, who, relationIds, groupIds }) => {
      const bytes = Buffer.from(file, 'base64');
      const mail = await readMail(bytes);
      const linked = relationIds.length + groupIds.length > 0 ? relationIds : relationsByEmail(ctx, [mail.from, ...mail.to].filter((a): a is string => Boolean(a)));
      if (linked.length + groupIds.length === 0) {
        throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'relationIds', code: 'MAIL_NO_RELATION' }]);
      }
      return ctx.write('log.addMail', { fileName, subject: mail.subject }, (op) => {
        const id = insertLogEntry(ctx, {
          kind: 'email',
          date: mail.date ?? todayIso(new Date(ctx.now())),
          who,
          subject: mail.subject || fileName,
          body: mail.text || null,
          mailFrom: mail.fromName ? `${mail.fromName} <${mail.from ?? ''}>` : mail.from,
          mailTo: mail.to.join(', ') || null,
          relationIds: linked,
          groupIds,
          // The mail itself is kept too: it is the record of what was received.
          attachments: [{ fileName, mimeType: mail.format === 'msg' ? 'application/vnd.ms-outlook' : 'message/rfc822', content: bytes }, ...mail.attachments],
        });
        op.changed('log.changed', { ids: [id], relationIds: linked, groupIds });
        return getLogEntry(ctx, id);
      });
    },
    'log.list': ({ relationId, groupId, query, limit, offset }) => {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit, offset };
      if (relationId) {
        where.push('e.id IN (SELECT entry_id FROM contact_log_links WHERE relation_id = @relationId)');
        params['relationId'] = relationId;
      }
      if (groupId) {
        where.push('e.id IN (SELECT entry_id FROM contact_log_links WHERE group_id = @groupId)');
        params['groupId'] = groupId;
      }
      (query ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 8)
        .forEach((word, i) => {
          where.push(`(e.subject LIKE @w${i} ESCAPE '\\' OR e.body LIKE @w${i} ESCAPE '\\' OR e.mail_from LIKE @w${i} ESCAPE '\\' OR e.mail_to LIKE @w${i} ESCAPE '\\' OR e.who LIKE @w${i} ESCAPE '\\')`);
          params[`w${i}`] = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        });
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM contact_log e ${clause}`).get(params) as { n: number }).n;
      const rows = ctx.sqlite.prepare(`SELECT e.* FROM contact_log e ${clause} ORDER BY e.date DESC, e.created_at DESC LIMIT @limit OFFSET @offset`).all(params) as EntryRow[];
      return { rows: hydrate(ctx, rows), total };
    },
    'log.remove': ({ id }) =>
      ctx.write('log.remove', { id }, (op) => {
        getLogEntry(ctx, id);
        ctx.sqlite.prepare('DELETE FROM contact_log WHERE id = ?').run(id);
        op.changed('log.changed', { ids: [id] });
        return { id };
      }),
    'log.attachment': ({ id }) => {
      const row = ctx.sqlite.prepare('SELECT file_name AS fileName, mime_type AS mimeType, blob_id AS blobId FROM contact_log_attachments WHERE id = ?').get(id) as
        | { fileName: string; mimeType: string; blobId: string }
        | undefined;
      if (!row) throw notFound('attachment', id);
      return { fileName: row.fileName, mimeType: row.mimeType, bytes: Buffer.from(getBlob(ctx, row.blobId)).toString('base64') };
    },
  };
}
