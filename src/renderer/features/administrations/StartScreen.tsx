import { Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdministrationState } from '../../../shared/contract/administrations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { callHost, RpcError } from '../../rpc/client';

type Run = (fn: () => Promise<AdministrationState>) => Promise<void>;

/** Shown whenever no administration is open: new, open, recent, demo. */
export function StartScreen({ state, onState }: { state: AdministrationState; onState: (s: AdministrationState) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = (what: string): Run => async (fn) => {
    setBusy(what);
    setError(null);
    try {
      onState(await fn());
    } catch (e) {
      setError(e instanceof RpcError ? e : new RpcError('administrations', { code: 'INTERNAL' }));
    } finally {
      setBusy(null);
    }
  };
  const inUse = error?.body.code === 'ADMINISTRATION_IN_USE' ? String(error.body.details?.['file'] ?? '') : null;
  return (
    <Stack maw={1000} mx="auto" p="xl" gap="lg" data-testid="start-screen">
      <div>
        <Title order={1} c="teal.8">{t('administrations.start.title')}</Title>
        <Text c="dimmed" mt="xs">{t('administrations.start.intro')}</Text>
      </div>
      {state.startError && (
        <ErrorAlert error={new RpcError('administrations.open', { code: state.startError.code as never, details: state.startError.details })} />
      )}
      <ErrorAlert error={error} />
      {inUse && (
        <Group>
          <Button variant="light" onClick={() => void run('open')(() => callHost('administrations.open', { file: inUse, readOnly: true }))}>
            {t('administrations.start.readOnly')}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <NewAdministration state={state} run={run('new')} busy={busy === 'new'} />
        <OpenExisting state={state} run={run('open')} busy={busy === 'open'} />
        <Card withBorder padding="lg">
          <Title order={3} mb="sm">{t('administrations.start.recentTitle')}</Title>
          {state.recent.length === 0 ? (
            <Text c="dimmed">{t('administrations.start.recentNone')}</Text>
          ) : (
            <Stack gap="xs" data-testid="recent-list">
              {state.recent.map((r) => (
                <Group key={r.file} justify="space-between" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component="button" disabled={!r.exists} onClick={() => void run('open')(() => callHost('administrations.open', { file: r.file }))}>
                      {r.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate>
                      {r.file} {r.exists ? '' : `(${t('administrations.start.recentMissing')})`}
                    </Text>
                  </div>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder padding="lg" bg="yellow.0">
          <Title order={3} mb="sm">{t('administrations.start.demoTitle')}</Title>
          <Text size="sm" mb="md">{t('administrations.start.demoIntro')}</Text>
          <Button variant="default" loading={busy === 'demo'} onClick={() => void run('demo')(() => callHost('administrations.openDemo', {}))}>
            {t('administrations.start.demo')}
          </Button>
          {busy === 'demo' && (
            <Group gap="xs" mt="sm">
              <Loader size="xs" />
              <Text size="sm">{t('administrations.start.demoBusy')}</Text>
            </Group>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

const slug = (name: string) => name.trim().toLowerCase().replace(/[^a-z0-9à-ÿ]+/g, '-').replace(/^-+|-+$/g, '') || 'vereniging';

function NewAdministration({ state, run, busy }: { state: AdministrationState; run: Run; busy: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [file, setFile] = useState('');
  const [missing, setMissing] = useState<{ name?: string; file?: string }>({});
  const sep = state.defaultFolder.includes('\\') ? '\\' : '/';
  const suggested = `${state.defaultFolder}${sep}${slug(name)}.ledenbeheer`;
  const submit = async (chosen?: string) => {
    const target = chosen ?? (file.trim() || (state.canPickFiles ? '' : suggested));
    const m = { ...(name.trim() ? {} : { name: t('administrations.start.nameRequired') }), ...(target ? {} : { file: t('administrations.start.fileRequired') }) };
    setMissing(m);
    if (m.name || m.file) return;
    await run(() => callHost('administrations.create', { name: name.trim(), file: target }));
  };
  const pick = async () => {
    const { file: picked } = await callHost('administrations.pickFile', { purpose: 'new', suggestedName: name });
    if (picked) {
      setFile(picked);
      await submit(picked);
    }
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Title order={3} mb="sm">{t('administrations.start.newTitle')}</Title>
      <Stack gap="sm">
        <TextInput label={t('administrations.start.newName')} placeholder={t('administrations.start.newNamePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={missing.name} required />
        {state.canPickFiles ? (
          <Button onClick={() => void pick()} loading={busy}>{t('administrations.start.chooseFile')}</Button>
        ) : (
          <>
            <TextInput label={t('administrations.start.newFile')} description={t('administrations.start.newFileHint')} placeholder={suggested} value={file} onChange={(e) => setFile(e.currentTarget.value)} error={missing.file} />
            <Button type="submit" loading={busy}>{t('administrations.start.create')}</Button>
          </>
        )}
      </Stack>
    </Card>
  );
}

function OpenExisting({ state, run, busy }: { state: AdministrationState; run: Run; busy: boolean }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const pick = async () => {
    const { file: picked } = await callHost('administrations.pickFile', { purpose: 'open' });
    if (picked) await run(() => callHost('administrations.open', { file: picked }));
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={(e) => { e.preventDefault(); if (file.trim()) void run(() => callHost('administrations.open', { file: file.trim() })); }}>
      <Title order={3} mb="sm">{t('administrations.start.openTitle')}</Title>
      {state.canPickFiles ? (
        <Button variant="light" onClick={() => void pick()} loading={busy}>{t('administrations.start.chooseExisting')}</Button>
      ) : (
        <Stack gap="sm">
          <TextInput label={t('administrations.start.openFile')} value={file} onChange={(e) => setFile(e.currentTarget.value)} />
          <Button type="submit" variant="light" loading={busy}>{t('administrations.start.open')}</Button>
        </Stack>
      )}
    </Card>
  );
}
