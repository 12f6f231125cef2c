import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input } from '../../../../shared/contract';
import { onEvent } from '../../../rpc/client';
import { useMutation, type MutationResult } from '../../../rpc/useQuery';
import type { Output } from '../../../../shared/contract';
import { newJobId } from './job-id';

export type JobMethod = 'io.planImport' | 'io.commitImportPlan' | 'io.export' | 'io.merge' | 'io.labels' | 'io.envelopes' | 'contributionRuns.run' | 'invoices.documents' | 'reminders.documents';

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}

export interface JobState<M extends JobMethod> {
  run: (params: Omit<Input<M>, 'jobId'>) => Promise<MutationResult<Output<M>>>;
  busy: boolean;
  error: ReturnType<typeof useMutation<M>>['error'];
  reset: () => void;
  progress: JobProgress | null;
  cancel: () => void;
  cancelling: boolean;
}

/**
 * A long io call with a fresh jobId: the core's progress events for that id drive a progress
 * bar, and cancel() asks the core to stop between chunks (the call then fails with CANCELLED).
 * The listener is on for the hook's whole life, so the first events are not missed.
 */
export function useJob<M extends JobMethod>(method: M): JobState<M> {
  const mutation = useMutation(method);
  const cancelCall = useMutation('io.cancel');
  const jobRef = useRef<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(
    () =>
      onEvent((e) => {
        if (e.name !== 'import.progressed' && e.name !== 'io.progressed') return;
        const p = e.payload;
        if (p.jobId === jobRef.current) setProgress({ phase: p.phase, done: p.done, total: p.total });
      }),
    [],
  );

  const { run: runMutation } = mutation;
  const run = useCallback(
    async (params: Omit<Input<M>, 'jobId'>) => {
      const jobId = newJobId();
      jobRef.current = jobId;
      setProgress(null);
      setCancelling(false);
      try {
        // Input<M> of a generic M cannot be rebuilt from its parts in the type system; the shape is the contract's.
        return await runMutation({ ...params, jobId } as Input<M>);
      } finally {
        jobRef.current = null;
        setCancelling(false);
      }
    },
    [runMutation],
  );

  const { run: runCancel } = cancelCall;
  const cancel = useCallback(() => {
    const jobId = jobRef.current;
    if (!jobId) return;
    setCancelling(true);
    void runCancel({ jobId });
  }, [runCancel]);

  return { run, busy: mutation.busy, error: mutation.error, reset: mutation.reset, progress, cancel, cancelling };
}
