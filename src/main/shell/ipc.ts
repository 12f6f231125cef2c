import { ipcMain, type WebContents } from 'electron';
import type { CoreService } from '../../shared/rpc';
import { isRpcRequestShape, isTrustedSenderUrl } from './security-policy';

export const CALL_CHANNEL = 'core:call';
export const EVENT_CHANNEL = 'core:event';

/**
 * The one ipcMain entry. The sender frame must be our app page (not an iframe, not a page the
 * window was navigated to); the request shape is checked here and the parameters by the
 * dispatcher's zod schemas. The core runs on its worker threads: this only forwards.
 */
export function registerCoreIpc(core: CoreService, target: () => WebContents | null): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, request: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedSenderUrl(frame.url)) {
      return { ok: false, error: { code: 'UNAUTHORIZED' } };
    }
    if (!isRpcRequestShape(request)) return { ok: false, error: { code: 'VALIDATION_FAILED', details: { reason: 'BAD_REQUEST' } } };
    return core.dispatch({ method: request.method, params: request.params });
  });
  const unsubscribe = core.onEvent((e) => target()?.send(EVENT_CHANNEL, e));
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}
