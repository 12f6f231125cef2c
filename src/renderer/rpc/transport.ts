import type { CoreEvent, RpcRequest, RpcResponse } from '../../shared/rpc';

/** How requests reach the core: Electron IPC or the web host. The client does not care which. */
export interface Transport {
  send(request: RpcRequest): Promise<RpcResponse>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}
