import { createContext, useContext } from 'react';
import type { SessionOutput } from '../../../shared/contract/session';

export type SessionStatus = SessionOutput<'session.status'>;

export interface SessionValue {
  status: SessionStatus | null;
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue>({ status: null, refresh: async () => undefined });

/** The open administration's session (encrypted or not, idle lock) for Settings → Beveiliging. */
export function useSession(): SessionValue {
  return useContext(SessionContext);
}
