import type { Core } from '../create-core';
import type { CoreContext } from '../context';
import { assertEmptyAdministration } from '../exchange/administration-state';
import { BULK_TABLE_NAMES, bulkLoad, type BulkLoader, type BulkPhase, type BulkTableName } from '../exchange/bulk-load';
import { buildDemoData, type DemoEnvironment } from './build-demo';
import type { DemoData } from './demo-model';
import { compactIdValue } from '../db/record-ids';
import { DEMO_MODULES } from './demo-modules';
import { setAdministrationIdentity } from '../setup/administration-identity';

export interface GenerateDemoOptions {
  relations: number;
  seed?: string | number;
  /** Last day of the generated history; default today. */
  today?: string;
  /** Durations of the steps (building the rows in memory, the bulk load's, then the demo modules'), for benchmarks. */
  onPhase?: (phase: 'build' | BulkPhase | 'modules', ms: number) => void;
}

export interface GenerateDemoResult {
  operationId: string;
  /** Rows written per table. */
  counts: Record<BulkTableName, number>;
}

function codeIds(ctx: CoreContext, table: 'relation_types' | 'link_types'): Map<string, string> {
  const rows = ctx.sqlite.prepare(`SELECT code, id FROM ${table}`).all() as { code: string; id: string }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}

export function demoEnvironment(ctx: CoreContext): DemoEnvironment {
  // Injected test ids are not compact: the demo's own then start at 'a0' and cannot meet them.
  const firstId = ctx.recordIds ? (compactIdValue(ctx.newId()) ?? 0) : 0;
  return { reference: ctx.reference, relationTypeIds: codeIds(ctx, 'relation_types'), linkTypeIds: codeIds(ctx, 'link_types'), firstId };
}

function* demoIds(data: DemoData): Generator<string> {
  for (const rows of Object.values(data) as unknown[][]) {
    for (const row of rows) {
      const id = (row as { id?: unknown }).id;
      if (typeof id === 'string') yield id;
    }
  }
}

/** Inserts demo rows table by table, parents first. */
export function loadDemoData(loader: BulkLoader, data: DemoData): void {
  for (const table of BULK_TABLE_NAMES) {
    const rows = data[table] as Parameters<BulkLoader['insert']>[1][];
    for (const row of rows) loader.insert(table, row);
  }
}

/**
 * Fills an EMPTY administration with a deterministic demo administration (see build-demo.ts)
 * as one audited operation 'demo.generate', through the bulk loader.
 */
export function generateDemo(target: Core | CoreContext, opts: GenerateDemoOptions): GenerateDemoResult {
  const ctx = 'ctx' in target ? target.ctx : target;
  const today = opts.today ?? ctx.today();
  const seed = opts.seed ?? 1;
  assertEmptyAdministration(ctx.sqlite);
  // Built before the write transaction: it is pure CPU work and needs no lock.
  const t0 = performance.now();
  const data = buildDemoData({ relations: opts.relations, seed, today }, demoEnvironment(ctx));
  // The demo's ids are taken: ids the load gives itself (subscriptions, memberships) follow them.
  ctx.recordIds?.keepAbove(demoIds(data));
  opts.onPhase?.('build', performance.now() - t0);
  return ctx.write('demo.generate', { relations: opts.relations, seed: String(seed), today }, (op) => {
    assertEmptyAdministration(ctx.sqlite);
    const counts = bulkLoad(
      ctx,
      (loader) => {
        loadDemoData(loader, data);
        return { ...loader.counts };
      },
      // The administration is empty (checked above): build secondary indexes once, after the rows.
      { deferIndexes: true, ...(opts.onPhase ? { onPhase: opts.onPhase } : {}) },
    );
    const t1 = performance.now();
    for (const addModule of DEMO_MODULES) addModule(ctx, today, op);
    opts.onPhase?.('modules', performance.now() - t1);
    // A demo is marked in the file itself, so the header says so wherever it is opened.
    setAdministrationIdentity(ctx.sqlite, { demo: true });
    op.changed('relations.changed', { all: true });
    return { operationId: op.id, counts };
  });
}
