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

contextBridge.exposeInMainWorld('ledenbeheer', {
  call(request: RpcRequest): Promise<unknown> {
    return ipcRenderer.invoke(CALL_CHANNEL, { method: String(request.method), params: request.params });
  },
  onEvent(callback: (event: { name: string; payload: unknown }) => void): () => void {
    const listener = (_e: IpcRendererEvent, event: { name: string; payload: unknown }) => callback(event);
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
});
