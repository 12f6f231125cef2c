import { eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { contactsContract } from '../../../shared/contract';
import { DomainError } from '../../../shared/errors';
import { addDays, addYears } from '../../../shared/dutch/dates';
import { tasks } from '../db/schema';
import { countDue, dueTasks, getTask, listTasks } from './tasks.repo';
import { syncSystemTasks } from './system-tasks';

type TaskMethods = 'tasks.list' | 'tasks.today' | 'tasks.count' | 'tasks.create' | 'tasks.update' | 'tasks.complete' | 'tasks.reopen' | 'tasks.snooze' | 'tasks.remove';

/** The next due date of a recurring task; a month on from the 31st lands on the month's last day. */
export function nextDue(due: string, recurrence: 'weekly' | 'monthly' | 'yearly'): string {
  if (recurrence === 'weekly') return addDays(due, 7);
  if (recurrence === 'yearly') return addYears(due, 1);
  const [y, m, d] = due.split('-').map(Number) as [number, number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function tasksHandlers(ctx: CoreContext): HandlerGroup<TaskMethods & keyof typeof contactsContract> {
  const exists = (table: string, id: string | null, field: string) => {
    if (id && !ctx.sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) {
      throw new DomainError('VALIDATION_FAILED', undefined, [{ field, code: 'NOT_FOUND' }]);
    }
  };
  const checkLinks = (t: { relationId: string | null; groupId: string | null; logEntryId: string | null }) => {
    exists('relations', t.relationId, 'relationId');
    exists('groups', t.groupId, 'groupId');
    exists('contact_log', t.logEntryId, 'logEntryId');
  };
  return {
    'tasks.list': (input) => ({ rows: listTasks(ctx, input) }),
    'tasks.today': () => {
      syncSystemTasks(ctx);
      const all = dueTasks(ctx);
      return { today: ctx.today(), overdue: all.filter((t) => t.overdue), due: all.filter((t) => !t.overdue) };
    },
    'tasks.count': () => {
      syncSystemTasks(ctx);
      return { due: countDue(ctx) };
    },
    'tasks.create': (input) =>
      ctx.write('tasks.create', { title: input.title }, (op) => {
        checkLinks(input);
        const id = ctx.newId();
        const now = ctx.now();
        ctx.db.insert(tasks).values({ id, ...input, createdAt: now, updatedAt: now }).run();
        op.changed('tasks.changed', { ids: [id] });
        return getTask(ctx, id);
      }),
    'tasks.update': ({ id, ...fields }) =>
      ctx.write('tasks.update', { id }, (op) => {
        getTask(ctx, id);
        checkLinks(fields);
        ctx.db.update(tasks).set({ ...fields, updatedAt: ctx.now() }).where(eq(tasks.id, id)).run();
        op.changed('tasks.changed', { ids: [id] });
        return getTask(ctx, id);
      }),
    'tasks.complete': ({ id }) =>
      ctx.write('tasks.complete', { id }, (op) => {
        const t = getTask(ctx, id);
        if (t.doneAt) throw new DomainError('CONFLICT', { reason: 'TASK_DONE' });
        ctx.db.update(tasks).set({ doneAt: ctx.today(), updatedAt: ctx.now() }).where(eq(tasks.id, id)).run();
        let next = null;
        if (t.recurrence !== 'none' && t.dueDate) {
          const nextId = ctx.newId();
          const now = ctx.now();
          ctx.db
            .insert(tasks)
            .values({
              id: nextId,
              title: t.title,
              notes: t.notes,
              dueDate: nextDue(t.dueDate, t.recurrence),
              assignee: t.assignee,
              priority: t.priority,
              recurrence: t.recurrence,
              relationId: t.relationId,
              groupId: t.groupId,
              logEntryId: t.logEntryId,
              createdAt: now,
              updatedAt: now,
            })
            .run();
          next = getTask(ctx, nextId);
        }
        op.changed('tasks.changed', { ids: [id] });
        return { done: getTask(ctx, id), next };
      }),
    'tasks.reopen': ({ id }) =>
      ctx.write('tasks.reopen', { id }, (op) => {
        getTask(ctx, id);
        ctx.db.update(tasks).set({ doneAt: null, updatedAt: ctx.now() }).where(eq(tasks.id, id)).run();
        op.changed('tasks.changed', { ids: [id] });
        return getTask(ctx, id);
      }),
    'tasks.snooze': ({ id, until }) =>
      ctx.write('tasks.snooze', { id, until }, (op) => {
        getTask(ctx, id);
        if (until <= ctx.today()) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'until', code: 'SNOOZE_IN_PAST' }]);
        ctx.db.update(tasks).set({ snoozedUntil: until, updatedAt: ctx.now() }).where(eq(tasks.id, id)).run();
        op.changed('tasks.changed', { ids: [id] });
        return getTask(ctx, id);
      }),
    'tasks.remove': ({ id }) =>
      ctx.write('tasks.remove', { id }, (op) => {
        getTask(ctx, id);
        ctx.db.delete(tasks).where(eq(tasks.id, id)).run();
        op.changed('tasks.changed', { ids: [id] });
        return { id };
      }),
  };
}
