import { encodeParams } from '../../src/main/core/rpc/byte-dispatch';
import type { RpcResponse } from '../../src/shared/rpc';

/**
 * Runs a large import the way the wizard does (inspect, a dry-run plan, three pages of it,
 * the commit) and then a full membership recompute, every call through the web host as the
 * renderer makes it, while the host's main thread keeps a 5 ms timer and searches go through
 * the host as someone typing would. Shared by the main-thread test and the bench, so both
 * measure the same thing. The file's request body is encoded before the timer starts: in the
 * app that is the renderer's work, in another process, not the host's.
 */
export interface ProbeResult {
  /**
   * The most CPU time the main thread itself spent between two ticks of its 5 ms timer: how
   * long our code blocked it. (Wall-clock gaps also hold the time the OS ran other processes
   * on a busy machine; that is not a block by the host and is reported beside it.)
   */
  longestBlockMs: number;
  /** The longest wall-clock time between two ticks. */
  longestGapMs: number;
  /** Search latencies through the host while the import ran (plan and commit). */
  searchMs: number[];
  /** Searches answered while the commit was running (its transaction held the writer). */
  answeredDuringCommit: number;
  phasesMs: Record<string, number>;
  created: number;
  /** Membership periods stored after the recompute. */
  memberships: number;
}

const ok = (r: RpcResponse): Record<string, unknown> => {
  if (!r.ok) throw new Error(`core call failed: ${JSON.stringify(r.error)}`);
  return r.result as Record<string, unknown>;
};

const PREFIXES = ['ja', 'jan', 'jans', 'jansen', 'ba', 'bak', 'bakker', 'vi', 'vis', 'visser', 'ut', 'utr', 'utrecht'];

/** POST /rpc/<method> on a web host, the parameters as JSON bytes (as the web transport sends them). */
export function hostCaller(host: { port: number; token: string }) {
  return async (method: string, params: Uint8Array<ArrayBuffer>): Promise<RpcResponse> => {
    const res = await fetch(`http://127.0.0.1:${host.port}/rpc/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: params,
    });
    return (await res.json()) as RpcResponse;
  };
}

export async function importWhileProbing(opts: { host: { port: number; token: string }; file: Uint8Array; fileName: string }): Promise<ProbeResult> {
  const post = hostCaller(opts.host);
  const core = { dispatch: (r: { method: string; params: unknown }) => post(r.method, encodeParams(r.params)) };
  const search = async (query: string) => ok(await core.dispatch({ method: 'relations.search', params: { query } }));
  const inspectBody = encodeParams({ file: Buffer.from(opts.file).toString('base64'), fileName: opts.fileName });
  let longestGap = 0;
  let longestBusy = 0;
  let last = performance.now();
  let lastCpu = process.threadCpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.threadCpuUsage(lastCpu);
    const busy = (cpu.user + cpu.system) / 1000;
    longestGap = Math.max(longestGap, now - last);
    if (busy > longestBusy) {
      longestBusy = busy;
      if (process.env['PROBE_DEBUG']) console.error(`main thread busy ${Math.round(busy)} ms (gap ${Math.round(now - last)} ms) in ${current}`);
    }
    last = now;
    lastCpu = process.threadCpuUsage();
  }, 5);
  const searchMs: number[] = [];
  const answeredAt: number[] = [];
  let importing = true;
  const typing = (async () => {
    for (let k = 0; importing; k++) {
      const t0 = performance.now();
      await search(PREFIXES[k % PREFIXES.length] ?? 'ja');
      const t1 = performance.now();
      searchMs.push(t1 - t0);
      answeredAt.push(t1);
      await new Promise((r) => setTimeout(r, 30));
    }
  })();
  const phasesMs: Record<string, number> = {};
  let current = 'start';
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    current = name;
    const result = await fn();
    current = `after ${name}`;
    phasesMs[name] = performance.now() - t0;
    return result;
  };
  try {
    // A membership type on the imported 'Lid sinds' dates and a unit, so the recompute has 100,000 relations to place.
    const type = ok(await core.dispatch({ method: 'membershipTypes.create', params: { code: 'lid-probe', name: 'Lid', baseCondition: { type: 'relationType', codes: ['lid'] } } }));
    ok(await core.dispatch({ method: 'units.create', params: { unit: { name: 'Vereniging' }, typeRules: [{ membershipTypeId: type['id'], condition: { type: 'alive' } }] } }));
    const inspected = await phase('inspect', async () => ok(await post('io.inspectImport', inspectBody)));
    const sourceId = (inspected['source'] as { planId: string }).planId;
    const plan = await phase('plan', async () => ok(await core.dispatch({ method: 'io.planImport', params: { sourceId, rowLimit: 100, jobId: 'probe-plan' } })));
    const planId = (plan['plan'] as { planId: string }).planId;
    await phase('pages', async () => {
      for (const rowOffset of [100, 200, 300]) ok(await core.dispatch({ method: 'io.importPlanRows', params: { planId, rowOffset, rowLimit: 100 } }));
    });
    const commitStart = performance.now();
    const committed = await phase('commit', async () => ok(await core.dispatch({ method: 'io.commitImportPlan', params: { planId, jobId: 'probe-commit' } })));
    const commitEnd = performance.now();
    importing = false;
    await typing;
    const recomputed = await phase('recompute', async () => ok(await core.dispatch({ method: 'memberships.recompute', params: {} })));
    const answeredDuringCommit = answeredAt.filter((t) => t > commitStart && t < commitEnd).length;
    return { longestBlockMs: longestBusy, longestGapMs: longestGap, searchMs, answeredDuringCommit, phasesMs, created: (committed['counts'] as { create: number }).create, memberships: recomputed['memberships'] as number };
  } finally {
    importing = false;
    clearInterval(timer);
  }
}
