import type Database from 'better-sqlite3';
import { DomainError } from '../../../shared/errors';

/**
 * Work prepared once and held by the core between a preview and its commit: an import's read
 * file and its plan now, contribution runs and merges later. The preview pages from the held
 * plan and the commit applies exactly that plan, by its id. Memory is bounded (a total
 * weight, e.g. rows, with the least recently used plans dropped first) and plans expire
 * when they have not been used for a while; a dropped plan answers PLAN_EXPIRED, and the
 * caller makes a new one.
 */
export interface PlanStoreOptions {
  now: () => number;
  newId: () => string;
  /** Idle time after which a plan is dropped. */
  ttlMs?: number;
  /** The most weight (rows) held at once over all plans. */
  maxWeight?: number;
}

export interface HeldPlan<T> {
  planId: string;
  kind: string;
  value: T;
  /** The administration's version (administrationVersion) the plan was made on. */
  basis: number;
  expiresAt: number;
}

interface Entry extends HeldPlan<unknown> {
  weight: number;
}

export interface PlanStore {
  hold<T>(kind: string, value: T, opts: { weight: number; basis: number }): HeldPlan<T>;
  /** The plan, its expiry moved on; PLAN_EXPIRED when it is gone or of another kind. */
  use<T>(kind: string, planId: string): HeldPlan<T>;
  drop(planId: string): void;
  /** Weight held now (for tests and the bench). */
  weight(): number;
}

export const PLAN_TTL_MS = 30 * 60_000;
/** About three 100,000-row imports; a plan of more rows than this is refused outright. */
export const PLAN_MAX_WEIGHT = 300_000;

export function createPlanStore(opts: PlanStoreOptions): PlanStore {
  const ttl = opts.ttlMs ?? PLAN_TTL_MS;
  const max = opts.maxWeight ?? PLAN_MAX_WEIGHT;
  // A Map keeps insertion order: re-inserting on use makes its first entry the least recently used.
  const plans = new Map<string, Entry>();
  let total = 0;

  const remove = (planId: string) => {
    const e = plans.get(planId);
    if (!e) return;
    plans.delete(planId);
    total -= e.weight;
  };
  const sweep = () => {
    const now = opts.now();
    for (const [id, e] of plans) if (e.expiresAt <= now) remove(id);
  };

  return {
    hold(kind, value, { weight, basis }) {
      sweep();
      if (weight > max) throw new DomainError('VALIDATION_FAILED', { reason: 'PLAN_TOO_LARGE', weight, max });
      for (const id of plans.keys()) {
        if (total + weight <= max) break;
        remove(id);
      }
      const entry: Entry = { planId: opts.newId(), kind, value, basis, weight, expiresAt: opts.now() + ttl };
      plans.set(entry.planId, entry);
      total += weight;
      return entry as HeldPlan<typeof value>;
    },
    use<T>(kind: string, planId: string) {
      sweep();
      const e = plans.get(planId);
      if (!e || e.kind !== kind) throw new DomainError('CONFLICT', { reason: 'PLAN_EXPIRED', planId });
      plans.delete(planId);
      e.expiresAt = opts.now() + ttl;
      plans.set(planId, e);
      return e as HeldPlan<T>;
    },
    drop: remove,
    weight: () => total,
  };
}

/**
 * The administration's version: the last operation. Every write is an operation
 * (ctx.write), so a plan made on version v is stale once an operation after v exists.
 */
export function administrationVersion(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT coalesce(max(rowid), 0) AS v FROM operations').get() as { v: number }).v;
}

/**
 * Inside the commit's own operation: refuses when anyone wrote after the plan's basis (the
 * preview), so the commit never applies a plan to data it was not made on.
 */
export function assertUnchangedSince(sqlite: Database.Database, basis: number, ownOperationId: string, reason: string): void {
  const { n } = sqlite.prepare('SELECT count(*) AS n FROM operations WHERE rowid > ? AND id <> ?').get(basis, ownOperationId) as { n: number };
  if (n > 0) throw new DomainError('CONFLICT', { reason });
}
