import { useState } from 'react';
import { Alert, Button, Group, NumberInput, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { callHost, RpcError } from '../../rpc/client';
import { errorText } from '../../lib/issues';
import { useAdministrationSession } from '../administrations/AdministrationContext';
import { MIN_PASSWORD_LENGTH as MIN } from '../../../shared/password';

/**
 * Settings → Beveiliging: "Versleutelen" or "Wachtwoord wijzigen", the idle lock and the
 * remembered password: methods of the host's one session (main/administrations/session.ts).
 */
export function SecuritySettings() {
  const { t } = useTranslation();
  const session = useAdministrationSession();
  const open = session?.state.open ?? null;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [minutes, setMinutes] = useState<number | string>(open?.idleLockMinutes ?? 10);
  const [idleSaved, setIdleSaved] = useState(false);
  if (!session || !open) return null;
  const { state, setState } = session;
  const encrypted = open.encrypted;

  const fieldError = next && next.length < MIN ? t('errors.issue.PASSWORD_TOO_SHORT', { min: MIN }) : null;
  const repeatError = repeat && repeat !== next ? t('errors.issue.PASSWORDS_DIFFER') : null;
  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const after = encrypted ? await callHost('administrations.changePassword', { current, next }) : await callHost('administrations.encrypt', { password: next });
      setDone(encrypted ? t('session.settings.changed') : t('session.settings.encrypted'));
      setCurrent('');
      setNext('');
      setRepeat('');
      setState(after);
    } catch (e) {
      setError(e instanceof RpcError ? errorText(t, e.body) : t('errors.code.INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg" maw={560}>
      <Stack gap="sm">
        <Title order={4}>{t('session.settings.title')}</Title>
        <Text size="sm">{encrypted ? t('session.settings.encryptedIntro') : t('session.settings.plainIntro')}</Text>
        {encrypted && <PasswordInput label={t('session.settings.current')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} autoComplete="current-password" data-testid="current-password" />}
        <PasswordInput label={t('session.settings.newPassword')} value={next} onChange={(e) => setNext(e.currentTarget.value)} error={fieldError} autoComplete="new-password" data-testid="new-password" />
        <PasswordInput label={t('session.settings.repeat')} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={repeatError} autoComplete="new-password" data-testid="repeat-password" />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            {done}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void submit()} loading={busy} disabled={!next || !!fieldError || repeat !== next || (encrypted && !current)}>
            {encrypted ? t('session.settings.change') : t('session.settings.encrypt')}
          </Button>
        </Group>
      </Stack>
      {encrypted && (
        <Stack gap="sm">
          <Title order={4}>{t('session.settings.idleTitle')}</Title>
          <Group align="flex-end">
            <NumberInput label={t('session.settings.idleMinutes')} value={minutes} onChange={setMinutes} min={0} max={1440} w={340} data-testid="idle-minutes" />
            <Button
              variant="light"
              onClick={() => {
                setIdleSaved(false);
                void callHost('administrations.setIdleLock', { minutes: Number(minutes) || 0 })
                  .then(setState)
                  .then(() => setIdleSaved(true));
              }}
            >
              {t('session.settings.save')}
            </Button>
            {idleSaved && (
              <Text size="sm" c="green" data-testid="idle-saved">
                {t('session.settings.idleSaved')}
              </Text>
            )}
          </Group>
          {open.remembered && (
            <Button variant="subtle" w="fit-content" onClick={() => void callHost('administrations.forgetPassword', {}).then(setState)}>
              {t('session.settings.forget')}
            </Button>
          )}
          {!state.canRemember && <Text size="xs" c="dimmed">{t('session.settings.cannotRemember')}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
