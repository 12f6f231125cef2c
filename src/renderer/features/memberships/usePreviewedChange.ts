import { useCallback, useState } from 'react';
import type { Input, MembershipChanges, Output } from '../../../shared/contract';
import { call, RpcError } from '../../rpc/client';

/** The writes that change computed memberships; each accepts dryRun and reports what changes. */
export type PreviewMethod =
  | 'units.create'
  | 'units.update'
  | 'units.move'
  | 'units.delete'
  | 'membershipTypes.create'
  | 'membershipTypes.update'
  | 'rules.setVersion'
  | 'rules.removeVersion';

interface Pending {
  changes: MembershipChanges;
  commit: () => Promise<void>;
}

export interface PreviewedChange {
  /** Asks the core what the change would do (dryRun) and opens the preview; false on an error. */
  preview: <M extends PreviewMethod>(method: M, params: Input<M>, onSaved?: (value: Output<M>) => void) => Promise<boolean>;
  /** Does the real call ("Opslaan" in the preview). */
  save: () => Promise<void>;
  cancel: () => void;
  pending: MembershipChanges | null;
  busy: boolean;
  error: RpcError | null;
  resetError: () => void;
}

const asRpcError = (method: string, e: unknown) => (e instanceof RpcError ? e : new RpcError(method, { code: 'INTERNAL', details: { reason: String(e) } }));

/**
 * Nothing that moves members is saved unseen: the same call runs first with dryRun, the
 * user sees "Deze wijziging raakt N relaties", and only "Opslaan" repeats it for real.
 */
export function usePreviewedChange(): PreviewedChange {
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);

  const preview = useCallback(async <M extends PreviewMethod>(method: M, params: Input<M>, onSaved?: (value: Output<M>) => void) => {
    setBusy(true);
    setError(null);
    try {
      const dry = (await call(method, { ...params, dryRun: true })) as { changes: MembershipChanges };
      const commit = async () => {
        const value = await call(method, { ...params, dryRun: false });
        onSaved?.(value);
      };
      setPending({ changes: dry.changes, commit });
      return true;
    } catch (e) {
      setError(asRpcError(method, e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const save = useCallback(async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await pending.commit();
      setPending(null);
    } catch (e) {
      setError(asRpcError('save', e));
    } finally {
      setBusy(false);
    }
  }, [pending]);

  const cancel = useCallback(() => {
    setPending(null);
    setError(null);
  }, []);
  const resetError = useCallback(() => setError(null), []);
  return { preview, save, cancel, pending: pending?.changes ?? null, busy, error, resetError };
}
