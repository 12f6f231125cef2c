import type { CoreEvent, RpcResponse } from '../../shared/rpc';
import type { Transport } from './transport';

function isRpcResponse(value: unknown): value is RpcResponse {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

function isCoreEvent(value: unknown): value is CoreEvent {
  return typeof value === 'object' && value !== null && typeof (value as { name: unknown }).name === 'string';
}

/**
 * The web host (tests and development): POST /rpc with a bearer token, events over one
 * shared EventSource that is opened on the first subscription.
 */
export function webTransport(token: string | null): Transport {
  const listeners = new Set<(event: CoreEvent) => void>();
  let source: EventSource | null = null;

  function open(): void {
    if (source) return;
    source = new EventSource(`/events?token=${encodeURIComponent(token ?? '')}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (isCoreEvent(parsed)) for (const l of listeners) l(parsed);
    };
  }

  return {
    async send(request) {
      let response: Response;
      try {
        response = await fetch('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(request),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', details: { reason: 'NETWORK' } } };
      }
      const body: unknown = await response.json().catch(() => null);
      if (isRpcResponse(body)) return body;
      if (response.status === 401) return { ok: false, error: { code: 'UNAUTHORIZED' } };
      return { ok: false, error: { code: 'INTERNAL', details: { reason: 'BAD_RESPONSE', status: response.status } } };
    },
    subscribe(listener) {
      listeners.add(listener);
      open();
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
