import type { LedenbeheerBridge } from './bridge';
import type { Transport } from './transport';

export function electronTransport(bridge: LedenbeheerBridge): Transport {
  return {
    send: (request) => bridge.call(request),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
