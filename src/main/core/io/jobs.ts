import type { CoreEvent } from '../../../shared/rpc';
import { DomainError } from '../../../shared/errors';
import type { Progress } from './progress';

/**
 * Long io calls that carry a `jobId` report progress as events and can be cancelled with
 * io.cancel while they yield between chunks. The registry lives per core, not per module.
 */
export function createJobs(emit: ((e: CoreEvent) => void) | undefined) {
  const running = new Map<string, AbortController>();
  return {
    async run<T>(jobId: string | undefined, event: 'import.progressed' | 'io.progressed', fn: (progress: Progress) => Promise<T>): Promise<T> {
      const controller = new AbortController();
      if (jobId !== undefined) {
        if (running.has(jobId)) throw new DomainError('CONFLICT', { reason: 'JOB_RUNNING', jobId });
        running.set(jobId, controller);
      }
      const onProgress = jobId !== undefined && emit ? (p: Parameters<NonNullable<Progress['onProgress']>>[0]) => emit({ name: event, payload: { jobId, ...p } }) : undefined;
      try {
        return await fn({ signal: controller.signal, onProgress });
      } finally {
        if (jobId !== undefined) running.delete(jobId);
      }
    },
    cancel(jobId: string): boolean {
      const c = running.get(jobId);
      c?.abort();
      return c !== undefined;
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
