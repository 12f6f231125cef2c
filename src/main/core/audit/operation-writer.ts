import type Database from 'better-sqlite3';
import type { CoreEvent } from '../../../shared/rpc';

export interface Operation {
  id: string;
  /** Queue an event; it is emitted only after the transaction committed. */
  changed(name: string, payload: unknown): void;
}

export interface OperationWriterDeps {
  sqlite: Database.Database;
  newId: () => string;
  now: () => number;
  actor: () => string;
  emit: (event: CoreEvent) => void;
}

export type Write = <T>(kind: string, summary: unknown, fn: (op: Operation) => T) => T;

/**
 * The one way to change data: a synchronous transaction that first records an operation
 * and names it in audit_context, so the audit triggers attribute every row to it. Nested
 * calls join the outer operation (an import that creates relations is one operation).
 */
export function createOperationWriter(deps: OperationWriterDeps): Write {
  const insertOp = deps.sqlite.prepare(
    'INSERT INTO operations (id, kind, actor, at, summary) VALUES (@id, @kind, @actor, @at, @summary)',
  );
  const setContext = deps.sqlite.prepare('UPDATE audit_context SET operation_id = ? WHERE id = 1');
  let current: (Operation & { events: CoreEvent[] }) | null = null;

  return function write<T>(kind: string, summary: unknown, fn: (op: Operation) => T): T {
    if (current) return fn(current);
    const events: CoreEvent[] = [];
    const op = { id: deps.newId(), events, changed: (name: string, payload: unknown) => void events.push({ name, payload }) };
    const run = deps.sqlite.transaction(() => {
      insertOp.run({ id: op.id, kind, actor: deps.actor(), at: deps.now(), summary: summary === undefined ? null : JSON.stringify(summary) });
      setContext.run(op.id);
      const result = fn(op);
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
    for (const e of events) deps.emit(e);
    return result;
  };
}
