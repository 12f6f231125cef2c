import type { CoreEvent, RpcResponse } from '../../shared/rpc';
import type { Transport } from './transport';
import { isEventName } from '../../shared/contract/events';

function isRpcResponse(value: unknown): value is RpcResponse {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

/** An event of a declared name; its payload is the core's, checked against the event contract there. */
function isCoreEvent(value: unknown): value is CoreEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { name, payload } = value as { name: unknown; payload: unknown };
  return typeof name === 'string' && isEventName(name) && typeof payload === 'object' && payload !== null;
}

/** The data lines of each complete `\n\n`-terminated message in `buffer`, and what is left over. */
export function takeSseMessages(buffer: string): { messages: string[]; rest: string } {
  const parts = buffer.split('\n\n');
  const rest = parts.pop() ?? '';
  const messages = parts
    .map((block) => block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n'))
    .filter((data) => data !== '');
  return { messages, rest };
}

/**
 * The web host (tests and development): POST /rpc/<method> with the parameters as the JSON
 * body and a bearer token, events over one
 * shared stream that is opened on the first subscription. The stream is read with fetch,
 * not EventSource, because the token travels only in the Authorization header.
 */
export function webTransport(token: string | null): Transport {
  const listeners = new Set<(event: CoreEvent) => void>();
  let opened = false;

  function deliver(data: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    if (isCoreEvent(parsed)) for (const l of listeners) l(parsed);
  }

  async function stream(): Promise<void> {
    const response = await fetch('/events', { headers: { Authorization: `Bearer ${token ?? ''}` }, cache: 'no-store' });
    if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const { messages, rest } = takeSseMessages(buffer + value);
      buffer = rest;
      messages.forEach(deliver);
    }
  }

  function open(): void {
    if (opened) return;
    opened = true;
    // Like EventSource: when the stream ends or fails (the host restarted), try again shortly.
    const loop = (): void => void stream().catch(() => undefined).finally(() => setTimeout(loop, 1000));
    loop();
  }

  return {
    async send(request) {
      let response: Response;
      try {
        response = await fetch(`/rpc/${encodeURIComponent(request.method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          ...(request.params === undefined ? {} : { body: JSON.stringify(request.params) }),
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
