import type Database from 'better-sqlite3';
import type { CoreEvent } from '../../../shared/rpc';
import type { OperationKind } from '../../../shared/contract/operation-kinds';
import type { EventName, EventPayload } from '../../../shared/contract/events';

export interface Operation {
  id: string;
  /**
   * Queue an event; it is emitted only after the transaction committed. 'relations.changed'
   * also marks its ids as touched (`{ all: true }`: every relation), so derived data
   * (memberships) is recomputed for them before the commit.
   */
  changed<N extends EventName>(name: N, payload: EventPayload<N>): void;
  /**
   * Marks relations whose facts changed, whatever the event says: an import of 100,000 rows
   * announces them without listing every id, but each one is recomputed.
   */
  touch(ids: Iterable<string> | 'all'): void;
  /** Relations whose facts this operation changed; 'all' when it may have changed any. */
  touched: Set<string> | 'all';
  /** Set by a step that already brought all derived data up to date. */
  derivedUpToDate: boolean;
}

export interface OperationWriterDeps {
  sqlite: Database.Database;
  newId: () => string;
  now: () => number;
  actor: () => string;
  emit: (event: CoreEvent) => void;
  /** Runs inside the transaction after the operation's own work: keeps derived data in step. */
  beforeCommit?: (op: Operation) => void;
  /** The file's record-id counter (db/record-ids.ts): read at the start, stored before the commit. */
  recordIds?: { sync(): void; persist(): void };
  /** Runs after the commit (not after a rollback): the idle checkpoint (db/idle-checkpoint.ts). */
  afterCommit?: () => void;
}

export type Write = <T>(kind: OperationKind, summary: unknown, fn: (op: Operation) => T) => T;

/**
 * The one way to change data: a synchronous transaction that first records an operation
 * and names it in audit_context, so the audit triggers attribute every row to it. Nested
 * calls join the outer operation (an import that creates relations is one operation).
 */
export function createOperationWriter(deps: OperationWriterDeps): Write {
  const insertOp = deps.sqlite.prepare(
    'INSERT INTO operations (id, kind, actor, at, summary) VALUES (@id, @kind, @actor, @at, @summary)',
  );
  // Audit rows name the operation by its integer seq (compact history); the UUID is its public name.
  const setContext = deps.sqlite.prepare('UPDATE audit_context SET operation = ? WHERE id = 1');
  let current: Operation | null = null;

  return function write<T>(kind: OperationKind, summary: unknown, fn: (op: Operation) => T): T {
    if (current) return fn(current);
    const events: CoreEvent[] = [];
    const op: Operation = {
      id: deps.newId(),
      touched: new Set(),
      derivedUpToDate: false,
      changed(name, payload) {
        // A name and its own payload: one member of the CoreEvent union, which TypeScript cannot see through N.
        events.push({ name, payload } as CoreEvent);
        if (name !== 'relations.changed') return;
        const p = payload as EventPayload<'relations.changed'>;
        op.touch(p.all ? 'all' : (p.ids ?? []));
      },
      touch(ids) {
        if (op.touched === 'all') return;
        if (ids === 'all') op.touched = 'all';
        else for (const id of ids) op.touched.add(id);
      },
    };
    const run = deps.sqlite.transaction(() => {
      const { lastInsertRowid } = insertOp.run({ id: op.id, kind, actor: deps.actor(), at: deps.now(), summary: summary === undefined ? null : JSON.stringify(summary) });
      setContext.run(lastInsertRowid);
      deps.recordIds?.sync();
      const result = fn(op);
      deps.beforeCommit?.(op);
      // Last: the recompute in beforeCommit gives ids too. Same transaction as the rows that use them.
      deps.recordIds?.persist();
      setContext.run(null);
      return result;
    });
    current = op;
    let result: T;
    try {
      result = run();
    } finally {
      current = null;
    }
    deps.afterCommit?.();
    for (const e of events) deps.emit(e);
    return result;
  };
}

class DryRun extends Error {
  constructor(readonly result: unknown) {
    super('dry run');
  }
}

/**
 * Runs a change for real, or (dryRun) runs it completely and rolls it back, returning what
 * it would have done: the preview uses the very code that saves.
 */
export function writeOrPreview<T>(write: Write, dryRun: boolean, kind: OperationKind, summary: unknown, fn: (op: Operation) => T): { saved: boolean; result: T } {
  if (!dryRun) return { saved: true, result: write(kind, summary, fn) };
  try {
    write(kind, summary, (op) => {
      throw new DryRun(fn(op));
    });
  } catch (e) {
    if (e instanceof DryRun) return { saved: false, result: e.result as T };
    throw e;
  }
  throw new Error('unreachable: a dry run always rolls back');
}
