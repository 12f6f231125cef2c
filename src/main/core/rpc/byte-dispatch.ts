import type { RpcRequest, RpcResponse } from '../../../shared/rpc';

/**
 * Calls as the hosts carry them (issue 9): the method beside its parameters as JSON bytes,
 * the answer as JSON bytes. A host's main thread only moves these bytes (a copy at most, a
 * transfer to the core worker) and never parses or clones a large import file or export;
 * decoding and encoding happen here, on the thread that runs the core.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The answer as JSON bytes, in a buffer of its own so it can be transferred. */
export function encodeResponse(response: RpcResponse): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(response));
}

/** Parameters as JSON bytes; none (an empty body) is `undefined`. */
export function encodeParams(params: unknown): Uint8Array<ArrayBuffer> {
  return params === undefined ? new Uint8Array(0) : encoder.encode(JSON.stringify(params));
}

const BAD_BODY: RpcResponse = { ok: false, error: { code: 'VALIDATION_FAILED', details: { reason: 'BAD_REQUEST_BODY' } } };

/** Decodes the parameters (not UTF-8 or not JSON: refused, naming the reason), dispatches and encodes the answer. */
export async function dispatchBytes(dispatch: (request: RpcRequest) => Promise<RpcResponse>, method: string, params: Uint8Array): Promise<Uint8Array> {
  let decoded: unknown;
  try {
    decoded = params.byteLength === 0 ? undefined : JSON.parse(decoder.decode(params));
  } catch {
    return encodeResponse(BAD_BODY);
  }
  return encodeResponse(await dispatch({ method, params: decoded }));
}

/** The bytes in an ArrayBuffer of their own: a slice of Node's shared pool must be copied before it is transferred. */
export function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return own ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
