import type { Input, MethodName, Output } from '../../shared/contract';
import type { HostInput, HostMethod, HostOutput } from '../../shared/contract/administrations';
import type { ErrorBody } from '../../shared/errors';
import type { CoreEvent } from '../../shared/rpc';
import type { Transport } from './transport';
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
let transport: Transport | null = null;

function defaultTransport(): Transport {
  transport ??= window.ledenbeheer ? electronTransport(window.ledenbeheer) : webTransport(takeSessionToken());
  return transport;
}

/** The one client of this window: Electron's bridge when present, else the web host. */
function defaultClient(): RpcClient {
  client ??= createRpcClient(defaultTransport());
  return client;
}

/** Called once at startup so the token leaves the URL before anything renders. */
export function initRpc(): void {
  defaultClient();
}

export function call<M extends MethodName>(method: M, params: Input<M>): Promise<Output<M>> {
  return defaultClient().call(method, params);
}

export function onEvent(listener: (event: CoreEvent) => void): () => void {
  return defaultClient().onEvent(listener);
}

/** The host's own methods (start screen, switching, restoring), carried by the same transport. */
export async function callHost<M extends HostMethod>(method: M, params: HostInput<M>): Promise<HostOutput<M>> {
  const response = await defaultTransport().send({ method, params });
  if (!response.ok) throw new RpcError(method, response.error);
  return response.result as HostOutput<M>;
}
