import type { ErrorBody } from './errors';
import type { TypedCoreEvent } from './contract/events';

/** The one envelope every transport (Electron IPC, web host) carries. */
export interface RpcRequest {
  method: string;
  params: unknown;
}

export type RpcResponse = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

/** Pushed from the core after a write committed (`relations.changed`, …) or while a job runs; declared in contract/events.ts. */
export type CoreEvent = TypedCoreEvent;

/**
 * What a host (Electron IPC, web host) needs of the core: the core on its worker thread, or
 * the in-process core in tests and the CLI. Both answer with envelopes and push events.
 */
export interface CoreService {
  dispatch(request: RpcRequest): Promise<RpcResponse>;
  /**
   * The same call as the hosts carry it: parameters and answer as JSON bytes, decoded and
   * encoded where the core runs (core/rpc/byte-dispatch.ts), so a host's main thread never
   * parses or clones a large file. The object form above is for in-process callers.
   */
  dispatchBytes(method: string, params: Uint8Array): Promise<Uint8Array>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}
