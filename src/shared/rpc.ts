import type { ErrorBody } from './errors';

/** The one envelope every transport (Electron IPC, web host) carries. */
export interface RpcRequest {
  method: string;
  params: unknown;
}

export type RpcResponse = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

/** Pushed from the core after a write committed: `relations.changed`, … */
export interface CoreEvent {
  name: string;
  payload: unknown;
}
