import { parentPort, workerData } from 'node:worker_threads';
import { encodeParams } from '../../src/main/core/rpc/byte-dispatch';
import type { RpcResponse } from '../../src/shared/rpc';

/**
 * The renderer's side of the responsiveness probe (responsiveness.ts), on a worker thread of
 * its own: in the app the renderer is another process, so its work (encoding the file,
 * fetch copying an 18 MB body, parsing answers) must not count as the host main thread's.
 * Runs the wizard's calls through the web host while searching as someone typing would,
 * reports each phase as it starts and posts the result.
 */
export interface WizardClientData {
  host: { port: number; token: string };
  file: Uint8Array;
  fileName: string;
}

export type WizardClientMessage =
  | { type: 'ready' }
  | { type: 'phase'; name: string }
  | { type: 'done'; result: WizardClientResult }
  | { type: 'failed'; message: string };

export interface WizardClientResult {
  searchMs: number[];
  answeredDuringCommit: number;
  phasesMs: Record<string, number>;
  created: number;
  memberships: number;
}

const PREFIXES = ['ja', 'jan', 'jans', 'jansen', 'ba', 'bak', 'bakker', 'vi', 'vis', 'visser', 'ut', 'utr', 'utrecht'];

const ok = (r: RpcResponse): Record<string, unknown> => {
  if (!r.ok) throw new Error(`core call failed: ${JSON.stringify(r.error)}`);
  return r.result as Record<string, unknown>;
};

/** POST /rpc/<method> on a web host, the parameters as JSON bytes (as the web transport sends them). */
function hostCaller(host: { port: number; token: string }) {
  return async (method: string, params: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`http://127.0.0.1:${host.port}/rpc/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: params instanceof Uint8Array ? (params as Uint8Array<ArrayBuffer>) : encodeParams(params),
    });
    return ok((await res.json()) as RpcResponse);
  };
}

async function run(data: WizardClientData): Promise<WizardClientResult> {
  // The host's work starts with the first call; what came before (this thread starting, the
  // file cloned into it) is the probe setting itself up.
  parentPort?.postMessage({ type: 'ready' } satisfies WizardClientMessage);
  const post = hostCaller(data.host);
  const searchMs: number[] = [];
  const answeredAt: number[] = [];
  let importing = true;
  const typing = (async () => {
    for (let k = 0; importing; k++) {
      const t0 = performance.now();
      await post('relations.search', { query: PREFIXES[k % PREFIXES.length] ?? 'ja' });
      const t1 = performance.now();
      searchMs.push(t1 - t0);
      answeredAt.push(t1);
      await new Promise((r) => setTimeout(r, 30));
    }
  })();
  const phasesMs: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    parentPort?.postMessage({ type: 'phase', name } satisfies WizardClientMessage);
    const t0 = performance.now();
    const result = await fn();
    phasesMs[name] = performance.now() - t0;
    parentPort?.postMessage({ type: 'phase', name: `after ${name}` } satisfies WizardClientMessage);
    return result;
  };
  try {
    // A membership type on the imported 'Lid sinds' dates and a unit, so the recompute has 100,000 relations to place.
    const type = await post('membershipTypes.create', { code: 'lid-probe', name: 'Lid', baseCondition: { type: 'relationType', codes: ['lid'] } });
    await post('units.create', { unit: { name: 'Vereniging' }, typeRules: [{ membershipTypeId: type['id'], condition: { type: 'alive' } }] });
    const inspectBody = encodeParams({ file: Buffer.from(data.file).toString('base64'), fileName: data.fileName });
    const inspected = await phase('inspect', () => post('io.inspectImport', inspectBody));
    const sourceId = (inspected['source'] as { planId: string }).planId;
    const plan = await phase('plan', () => post('io.planImport', { sourceId, rowLimit: 100, jobId: 'probe-plan' }));
    const planId = (plan['plan'] as { planId: string }).planId;
    await phase('pages', async () => {
      for (const rowOffset of [100, 200, 300]) await post('io.importPlanRows', { planId, rowOffset, rowLimit: 100 });
    });
    const commitStart = performance.now();
    const committed = await phase('commit', () => post('io.commitImportPlan', { planId, jobId: 'probe-commit' }));
    const commitEnd = performance.now();
    importing = false;
    await typing;
    const recomputed = await phase('recompute', () => post('memberships.recompute', {}));
    return {
      searchMs,
      answeredDuringCommit: answeredAt.filter((t) => t > commitStart && t < commitEnd).length,
      phasesMs,
      created: (committed['counts'] as { create: number }).create,
      memberships: recomputed['memberships'] as number,
    };
  } finally {
    importing = false;
    await typing.catch(() => undefined);
  }
}

run(workerData as WizardClientData).then(
  (result) => parentPort?.postMessage({ type: 'done', result } satisfies WizardClientMessage),
  (error: unknown) => parentPort?.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WizardClientMessage),
);
