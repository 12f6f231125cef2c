import { DomainError } from '../../../shared/errors';

export type Phase = 'read' | 'normalise' | 'match' | 'commit' | 'export' | 'merge' | 'labels' | 'documents' | 'run';

export interface ProgressReport {
  phase: Phase;
  done: number;
  total: number;
}

/**
 * What a long-running io function accepts so a host can show progress and cancel:
 * work happens in chunks, and between chunks the function yields to the event loop,
 * reports, and stops when the signal is aborted.
 */
export interface Progress {
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ProgressReport) => void) | undefined;
}

export function cancelled(): DomainError {
  return new DomainError('CONFLICT', { reason: 'CANCELLED' });
}

export function throwIfCancelled(progress: Progress | undefined): void {
  if (progress?.signal?.aborted) throw cancelled();
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reports, lets other work (IPC, a cancel request) run, then throws if cancelled. */
export async function checkpoint(progress: Progress | undefined, report: ProgressReport): Promise<void> {
  progress?.onProgress?.(report);
  await yieldToLoop();
  throwIfCancelled(progress);
}

/** Rows per chunk between checkpoints: small enough to stay responsive, large enough to be cheap. */
export const CHUNK_ROWS = 2_000;
