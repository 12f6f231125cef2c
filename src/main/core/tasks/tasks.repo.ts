import type { CoreContext } from '../context';
import type { TaskDto } from '../../../shared/contract';
import { notFound } from '../../../shared/errors';

const SELECT = `SELECT t.*, r.display_name AS relation_name, r.number AS relation_number, g.name AS group_name
  FROM tasks t LEFT JOIN relations r ON r.id = t.relation_id LEFT JOIN groups g ON g.id = t.group_id`;

interface TaskSqlRow {
  id: string;
  title: string;
  notes: string | null;
  due_date: string | null;
  assignee: string | null;
  priority: TaskDto['priority'];
  recurrence: TaskDto['recurrence'];
  snoozed_until: string | null;
  done_at: string | null;
  relation_id: string | null;
  relation_name: string | null;
  relation_number: number | null;
  group_id: string | null;
  group_name: string | null;
  log_entry_id: string | null;
  system_key: string | null;
}

function toDto(r: TaskSqlRow, today: string): TaskDto {
  return {
    id: r.id,
    title: r.title,
    notes: r.notes,
    dueDate: r.due_date,
    assignee: r.assignee,
    priority: r.priority,
    recurrence: r.recurrence,
    snoozedUntil: r.snoozed_until,
    doneAt: r.done_at,
    relationId: r.relation_id,
    relationName: r.relation_name,
    relationNumber: r.relation_number,
    groupId: r.group_id,
    groupName: r.group_name,
    logEntryId: r.log_entry_id,
    systemKey: r.system_key,
    overdue: r.done_at === null && r.due_date !== null && r.due_date < today,
  };
}

export function getTask(ctx: CoreContext, id: string): TaskDto {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TaskSqlRow | undefined;
  if (!row) throw notFound('task', id);
  return toDto(row, ctx.today());
}

const ORDER = `ORDER BY t.due_date IS NULL, t.due_date, CASE t.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, t.created_at`;

export function listTasks(ctx: CoreContext, o: { status: 'open' | 'done' | 'all'; relationId?: string | undefined; groupId?: string | undefined }): TaskDto[] {
  const where: string[] = [];
  if (o.status === 'open') where.push('t.done_at IS NULL');
  if (o.status === 'done') where.push('t.done_at IS NOT NULL');
  if (o.relationId) where.push('t.relation_id = @relationId');
  if (o.groupId) where.push('t.group_id = @groupId');
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER} LIMIT 2000`;
  const today = ctx.today();
  return (ctx.sqlite.prepare(sql).all({ relationId: o.relationId ?? null, groupId: o.groupId ?? null }) as TaskSqlRow[]).map((r) => toDto(r, today));
}

/** Open tasks due on or before today, not snoozed past today. */
const DUE_WHERE = `t.done_at IS NULL AND t.due_date IS NOT NULL AND t.due_date <= @today AND (t.snoozed_until IS NULL OR t.snoozed_until <= @today)`;

export function dueTasks(ctx: CoreContext): TaskDto[] {
  const today = ctx.today();
  return (ctx.sqlite.prepare(`${SELECT} WHERE ${DUE_WHERE} ${ORDER}`).all({ today }) as TaskSqlRow[]).map((r) => toDto(r, today));
}

export function countDue(ctx: CoreContext): number {
  return (ctx.sqlite.prepare(`SELECT count(*) AS n FROM tasks t WHERE ${DUE_WHERE}`).get({ today: ctx.today() }) as { n: number }).n;
}
