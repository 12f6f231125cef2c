import { Alert, Anchor, Center, Loader, Stack } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import type { AdministrationState } from '../../../shared/contract/administrations';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { callHost } from '../../rpc/client';
import { AdministrationContext } from './AdministrationContext';
import { PasswordPrompt } from './PasswordPrompt';
import { StartScreen } from './StartScreen';
import { useAdministration } from './useAdministration';

/**
 * With no administration open: the start screen, or the password prompt while an encrypted
 * one waits for its password (at open or after the idle lock). With one open: the app,
 * remounted per file (keyed by it), so switching starts every screen over on the new one.
 */
export function AdministrationGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, error, setState } = useAdministration();
  useIdleLock(state, setState);
  if (!state) return error ? <ErrorAlert error={error} /> : <Center h="100vh"><Loader /></Center>;
  if (state.locked) {
    const locked = state.locked;
    return (
      <Stack gap="sm">
        <PasswordPrompt
          fileName={locked.fileName}
          locked={locked.reason === 'idle'}
          canRemember={state.canRemember}
          onUnlock={async (password, remember) => setState(await callHost('administrations.unlock', { password, remember }))}
        />
        <Center>
          <Anchor component="button" size="sm" onClick={() => void callHost('administrations.close', {}).then(setState)}>
            {t('session.prompt.other')}
          </Anchor>
        </Center>
      </Stack>
    );
  }
  if (!state.open) return <StartScreen state={state} onState={setState} />;
  return (
    <AdministrationContext.Provider value={{ state, setState }} key={state.open.generation}>
      {children}
    </AdministrationContext.Provider>
  );
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'mousemove', 'touchstart'] as const;
const CHECK_MS = 15_000;

/**
 * The idle lock of an encrypted administration: measured on the wall clock from the last key
 * or pointer use, so a laptop that slept past the limit is locked when it wakes (KeePassXC
 * #2014), and checked again whenever the window becomes visible. The session closes the core
 * threads and drops the key (administrations.lock); the prompt then asks for the same file.
 */
function useIdleLock(state: AdministrationState | null, setState: (s: AdministrationState) => void): void {
  const lastUse = useRef(Date.now());
  const minutes = state?.open?.encrypted ? state.open.idleLockMinutes : 0;
  useEffect(() => {
    if (!minutes) return;
    lastUse.current = Date.now();
    const used = () => void (lastUse.current = Date.now());
    const check = () => {
      if (Date.now() - lastUse.current < minutes * 60_000) return;
      void callHost('administrations.lock', {}).then(setState);
    };
    for (const e of ACTIVITY) window.addEventListener(e, used, { passive: true });
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, CHECK_MS);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, used);
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [minutes, setState]);
}

/** Warnings about where the file is or what the check after opening found; shown above every screen. */
export function AdministrationWarnings({ open }: { open: NonNullable<AdministrationState['open']> }) {
  const { t } = useTranslation();
  return (
    <>
      {open.damaged && <Alert color="red" mb="md" role="alert" data-testid="damaged-warning">{t('administrations.warning.damaged')}</Alert>}
      {open.warning?.kind === 'cloud' && <Alert color="orange" mb="md" data-testid="storage-warning">{t('administrations.warning.cloud', { service: open.warning.service })}</Alert>}
      {open.warning?.kind === 'network' && <Alert color="orange" mb="md" data-testid="storage-warning">{t('administrations.warning.network')}</Alert>}
    </>
  );
}
