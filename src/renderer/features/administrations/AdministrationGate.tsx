import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AdministrationState } from '../../../shared/contract/administrations';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AdministrationContext } from './AdministrationContext';
import { StartScreen } from './StartScreen';
import { useAdministration } from './useAdministration';

/**
 * With no administration open: the start screen. With one open: the app, remounted per file
 * (keyed by it), so switching starts every screen over on the new administration.
 */
export function AdministrationGate({ children }: { children: ReactNode }) {
  const { state, error, setState } = useAdministration();
  if (!state) return error ? <ErrorAlert error={error} /> : <Center h="100vh"><Loader /></Center>;
  if (!state.open) return <StartScreen state={state} onState={setState} />;
  return (
    <AdministrationContext.Provider value={{ state, setState }} key={state.open.generation}>
      {children}
    </AdministrationContext.Provider>
  );
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
