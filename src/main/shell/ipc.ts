import { ipcMain, type WebContents } from 'electron';
import type { CoreService } from '../../shared/rpc';
import { encodeResponse } from '../core/rpc/byte-dispatch';
import { isRpcMethodName, isTrustedSenderUrl } from './security-policy';

export const CALL_CHANNEL = 'core:call';
export const EVENT_CHANNEL = 'core:event';

/**
 * The one ipcMain entry. The sender frame must be our app page (not an iframe, not a page the
 * window was navigated to); the method name and that the parameters are bytes are checked
 * here, the parameters by the dispatcher's zod schemas. Parameters and answer cross as JSON
 * bytes (core/rpc/byte-dispatch.ts): this thread copies them, the core worker parses them.
 */
export function registerCoreIpc(core: CoreService, target: () => WebContents | null): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, params: unknown): Promise<Uint8Array> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedSenderUrl(frame.url)) {
      return encodeResponse({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    if (!isRpcMethodName(method) || !(params instanceof Uint8Array)) {
      return encodeResponse({ ok: false, error: { code: 'VALIDATION_FAILED', details: { reason: 'BAD_REQUEST' } } });
    }
    return core.dispatchBytes(method, params);
  });
  const unsubscribe = core.onEvent((e) => target()?.send(EVENT_CHANNEL, e));
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}
