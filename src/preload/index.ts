import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The renderer's only door to the core: one call and one event stream. Channel names are
 * fixed here, so the page cannot reach any other IPC channel.
 */
const CALL_CHANNEL = 'core:call';
const EVENT_CHANNEL = 'core:event';

interface RpcRequest {
  method: string;
  params: unknown;
}

// Parameters and answer cross as JSON bytes (the main process's core/rpc/byte-dispatch.ts).
const encoder = new TextEncoder();
const decoder = new TextDecoder();

contextBridge.exposeInMainWorld('ledenbeheer', {
  async call(request: RpcRequest): Promise<unknown> {
    const params = request.params === undefined ? new Uint8Array(0) : encoder.encode(JSON.stringify(request.params));
    const answer = (await ipcRenderer.invoke(CALL_CHANNEL, String(request.method), params)) as Uint8Array;
    return JSON.parse(decoder.decode(answer)) as unknown;
  },
  onEvent(callback: (event: { name: string; payload: unknown }) => void): () => void {
    const listener = (_e: IpcRendererEvent, event: { name: string; payload: unknown }) => callback(event);
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
});
