import { createContext, useContext } from 'react';
import type { AdministrationState } from '../../../shared/contract/administrations';

/** The session state for the header (demo mark, switch/open/new/close) and the backups screen. */
export interface AdministrationSession {
  state: AdministrationState;
  setState: (s: AdministrationState) => void;
}

export const AdministrationContext = createContext<AdministrationSession | null>(null);

export function useAdministrationSession(): AdministrationSession | null {
  return useContext(AdministrationContext);
}
