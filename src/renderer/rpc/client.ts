import type { Input, MethodName, Output } from '../../shared/contract';
import type { ErrorBody } from '../../shared/errors';
import type { CoreEvent } from '../../shared/rpc';
import type { Transport } from './transport';
import type { SessionInput, SessionMethod, SessionOutput } from '../../shared/contract/session';
import { electronTransport } from './electron-transport';
import { webTransport } from './web-transport';
import { takeSessionToken } from './session-token';

/** A failed call: `body` carries the code, details and field issues from the core. */
export class RpcError extends Error {
  readonly body: ErrorBody;
  constructor(method: string, body: ErrorBody) {
    super(`${method}: ${body.code}`);
    this.name = 'RpcError';
    this.body = body;
  }
}

export interface RpcClient {
  call<M extends MethodName>(method: M, params: Input<M>): Promise<Output<M>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

export function createRpcClient(transport: Transport): RpcClient {
  return {
    async call(method, params) {
      const response = await transport.send({ method, params });
      if (!response.ok) throw new RpcError(method, response.error);
      // The core validated the output against the same contract; its types are ours.
      return response.result as Output<typeof method>;
    },
    onEvent: (listener) => transport.subscribe(listener),
  };
}

let client: RpcClient | null = null;

/** The one client of this window: Electron's bridge when present, else the web host. */
function defaultClient(): RpcClient {
  client ??= createRpcClient(window.ledenbeheer ? electronTransport(window.ledenbeheer) : webTransport(takeSessionToken()));
  return client;
}

/** Called once at startup so the token leaves the URL before anything renders. */
export function initRpc(): void {
  defaultClient();
}

export function call<M extends MethodName>(method: M, params: Input<M>): Promise<Output<M>> {
  return defaultClient().call(method, params);
}

/** The host's session methods (unlock, lock, encrypt; shared/contract/session.ts), over the same transport. */
export async function callSession<M extends SessionMethod>(method: M, params: SessionInput<M>): Promise<SessionOutput<M>> {
  const c = defaultClient() as unknown as { call: (m: string, p: unknown) => Promise<unknown> };
  return (await c.call(method, params)) as SessionOutput<M>;
}

export function onEvent(listener: (event: CoreEvent) => void): () => void {
  return defaultClient().onEvent(listener);
}
