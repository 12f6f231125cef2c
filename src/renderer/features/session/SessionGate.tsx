import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { callSession } from '../../rpc/client';
import { PasswordPrompt } from './PasswordPrompt';
import { SessionContext, type SessionStatus } from './session-context';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'mousemove', 'touchstart'] as const;
const CHECK_MS = 15_000;

/**
 * Shows the app only while the administration is open; an encrypted one asks its password first
 * (PasswordPrompt). Idle lock: measured on the wall clock from the last key or pointer use, so a
 * laptop that slept past the limit is locked when it wakes (KeePassXC #2014), and checked again
 * whenever the window becomes visible. Locking closes the core and drops the key from memory.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [failed, setFailed] = useState(false);
  const [idleLocked, setIdleLocked] = useState(false);
  const lastUse = useRef(Date.now());

  const refresh = useCallback(async () => {
    try {
      setStatus(await callSession('session.status', {}));
    } catch {
      setFailed(true); // a host without sessions: the app as before
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const minutes = status?.state === 'open' && status.encrypted ? status.idleLockMinutes : 0;
  useEffect(() => {
    if (!minutes) return;
    lastUse.current = Date.now();
    const used = () => void (lastUse.current = Date.now());
    const check = () => {
      if (Date.now() - lastUse.current < minutes * 60_000) return;
      void callSession('session.lock', {}).then(() => {
        setIdleLocked(true);
        return refresh();
      });
    };
    for (const e of ACTIVITY) window.addEventListener(e, used, { passive: true });
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, CHECK_MS);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, used);
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [minutes, refresh]);

  if (failed) return <>{children}</>;
  if (!status) return null;
  if (status.state === 'locked') {
    return (
      <PasswordPrompt
        fileName={status.fileName}
        locked={idleLocked}
        canRemember={status.canRemember}
        onUnlock={async (password, remember) => {
          await callSession('session.unlock', { password, remember });
          setIdleLocked(false);
          await refresh();
        }}
      />
    );
  }
  return <SessionContext.Provider value={{ status, refresh }}>{children}</SessionContext.Provider>;
}
