import { ZodError, type z } from 'zod';
import { contract, isMethodName, type MethodName, type Output, type ParsedInput } from '../../../shared/contract';
import { DomainError, type FieldIssue } from '../../../shared/errors';
import type { RpcRequest, RpcResponse } from '../../../shared/rpc';
import { storageError } from '../storage/storage-errors';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };

/** Zod issues become field issues with codes: our own refinements carry an UPPER_SNAKE code as message. */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: /^[A-Z][A-Z0-9_]*$/.test(issue.message) ? issue.message : `INPUT_${issue.code.toUpperCase()}`,
  }));
}

export interface Dispatcher {
  dispatch(request: RpcRequest): Promise<RpcResponse>;
  /** Typed in-process call for the CLI and tests; throws DomainError instead of returning an envelope. */
  call<M extends MethodName>(method: M, params: z.input<(typeof contract)[M]['input']>): Promise<Output<M>>;
}

export function createDispatcher(
  handlers: Handlers,
  opts: { checkOutput: boolean; onUnexpected: (error: unknown, method: string) => void },
): Dispatcher {
  async function invoke(method: string, params: unknown): Promise<unknown> {
    if (!isMethodName(method)) throw new DomainError('UNKNOWN_METHOD', { method });
    const spec = contract[method];
    const parsed = spec.input.safeParse(params ?? {});
    if (!parsed.success) throw new DomainError('VALIDATION_FAILED', { method }, zodIssues(parsed.error));
    const handler = handlers[method] as (input: unknown) => unknown;
    let result: unknown;
    try {
      result = await handler(parsed.data);
    } catch (e) {
      // A full disk, a read-only or locked file: the user gets what to do, not SQLite's text.
      throw storageError(e) ?? e;
    }
    // Outputs are ours, so a mismatch is a bug: checked in tests and development only.
    return opts.checkOutput ? spec.output.parse(result) : result;
  }

  return {
    async dispatch(request) {
      try {
        return { ok: true, result: await invoke(request.method, request.params) };
      } catch (error) {
        if (error instanceof DomainError) return { ok: false, error: error.toBody() };
        if (error instanceof ZodError) return { ok: false, error: { code: 'VALIDATION_FAILED', issues: zodIssues(error) } };
        opts.onUnexpected(error, request.method);
        return { ok: false, error: { code: 'INTERNAL', details: { method: request.method } } };
      }
    },
    async call(method, params) {
      try {
        return (await invoke(method, params)) as Output<typeof method>;
      } catch (error) {
        if (error instanceof ZodError) throw new DomainError('VALIDATION_FAILED', { method }, zodIssues(error));
        throw error;
      }
    },
  };
}
