import { useCallback, useEffect, useState } from 'react';
import type { AdministrationState } from '../../../shared/contract/administrations';
import { callHost, onEvent, RpcError } from '../../rpc/client';

/** The host's session: which administration is open (none: the start screen), recent files. */
export function useAdministration() {
  const [state, setState] = useState<AdministrationState | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const reload = useCallback(() => {
    callHost('administrations.state', {}).then(setState, (e: unknown) => setError(e instanceof RpcError ? e : null));
  }, []);
  useEffect(() => {
    reload();
    return onEvent((e) => {
      if (e.name === 'administration.changed' || e.name === 'administration.problem') reload();
    });
  }, [reload]);
  return { state, error, setState, reload };
}
