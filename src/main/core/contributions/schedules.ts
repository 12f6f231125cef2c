import type { CoreContext } from '../context';
import { feeSchedule, type FeeSchedule } from '../../../shared/contract/fee-schedule';
import { notFound } from '../../../shared/errors';

interface Row {
  id: string;
  periodCode: string;
  version: number;
  definition: string;
  createdAt: number;
}

const SELECT = 'SELECT id, period_code AS periodCode, version, definition, created_at AS createdAt FROM fee_schedules';

/** The version in force for a period is its newest; a run records which one it used. */
export function getSchedule(ctx: CoreContext, periodCode: string, version?: number): { id: string; version: number; schedule: FeeSchedule } {
  const row = (version === undefined
    ? ctx.sqlite.prepare(`${SELECT} WHERE period_code = ? ORDER BY version DESC LIMIT 1`).get(periodCode)
    : ctx.sqlite.prepare(`${SELECT} WHERE period_code = ? AND version = ?`).get(periodCode, version)) as Row | undefined;
  if (!row) throw notFound('feeSchedule', version === undefined ? periodCode : `${periodCode} v${version}`);
  return { id: row.id, version: row.version, schedule: feeSchedule.parse(JSON.parse(row.definition)) };
}

export function listSchedules(ctx: CoreContext) {
  const rows = ctx.sqlite.prepare(`${SELECT} ORDER BY period_code DESC, version DESC`).all() as Row[];
  return rows.map((r) => {
    const s = JSON.parse(r.definition) as FeeSchedule;
    return { id: r.id, periodCode: r.periodCode, version: r.version, name: s.period.name ?? null, start: s.period.start, end: s.period.end, createdAt: r.createdAt };
  });
}

export function saveSchedule(ctx: CoreContext, schedule: FeeSchedule): { id: string; version: number } {
  return ctx.write('feeSchedules.save', { periodCode: schedule.period.code }, (op) => {
    const last = ctx.sqlite.prepare('SELECT coalesce(max(version), 0) AS v FROM fee_schedules WHERE period_code = ?').get(schedule.period.code) as { v: number };
    const id = ctx.newId();
    const version = last.v + 1;
    ctx.sqlite
      .prepare('INSERT INTO fee_schedules (id, period_code, version, definition, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, schedule.period.code, version, JSON.stringify(schedule), ctx.now());
    op.changed('contributions.changed', { periodCode: schedule.period.code });
    return { id, version };
  });
}
