import type { CoreEvent, RpcRequest, RpcResponse } from '../../shared/rpc';

/** What the Electron preload exposes through contextBridge, and nothing more. */
export interface LedenbeheerBridge {
  call(request: RpcRequest): Promise<RpcResponse>;
  onEvent(cb: (event: CoreEvent) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron shell; the web host uses HTTP instead. */
    ledenbeheer?: LedenbeheerBridge;
  }
}
