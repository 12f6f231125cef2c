import type { APIRequestContext } from '@playwright/test';
import type { Input, MethodName, Output } from '../../../src/shared/contract';
import type { RpcResponse } from '../../../src/shared/rpc';
import { E2E_TOKEN } from '../fixtures';

/** Direct calls to the web host, for arranging data and checking what was (not) saved. */
export async function rpc<M extends MethodName>(request: APIRequestContext, method: M, params: Input<M>): Promise<Output<M>> {
  const res = await request.post(`/rpc/${method}`, {
    headers: { Authorization: `Bearer ${E2E_TOKEN}` },
    data: params,
  });
  const body = (await res.json()) as RpcResponse;
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.result as Output<M>;
}
