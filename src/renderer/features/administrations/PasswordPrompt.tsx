import { useState } from 'react';
import { Button, Checkbox, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RpcError } from '../../rpc/client';
import { errorText } from '../../lib/issues';

export interface PasswordPromptProps {
  fileName: string;
  /** After idle time rather than at open: says why it asks again. */
  locked?: boolean;
  canRemember: boolean;
  /** Resolves when the administration is open; rejects with the core's error (wrong password). */
  onUnlock: (password: string, remember: boolean) => Promise<void>;
}

/**
 * Asks the password of an encrypted administration (at open and after an idle lock). Self-
 * contained: the open flow of any screen (the start screen too) can show it. The password stays
 * in this component's state only until it is sent.
 */
export function PasswordPrompt({ fileName, locked = false, canRemember, onUnlock }: PasswordPromptProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onUnlock(password, remember);
      setPassword('');
    } catch (err) {
      setError(err instanceof RpcError ? errorText(t, err.body) : t('errors.code.INTERNAL'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder shadow="sm" p="xl" maw={460} mx="auto" mt="10vh" data-testid="password-prompt">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="md">
          <Title order={3}>{locked ? t('session.prompt.lockedTitle') : t('session.prompt.title')}</Title>
          <Text size="sm">{locked ? t('session.prompt.lockedIntro') : t('session.prompt.intro', { file: fileName })}</Text>
          <PasswordInput
            label={t('session.prompt.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error}
            autoFocus
            autoComplete="current-password"
            data-testid="password-input"
          />
          {canRemember && <Checkbox label={t('session.prompt.remember')} checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />}
          <Button type="submit" loading={busy} disabled={!password}>
            {t('session.prompt.unlock')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
