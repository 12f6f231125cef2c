import { Alert, Button, Group, Modal, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { callHost, RpcError } from '../../rpc/client';
import { useMutation, useQuery } from '../../rpc/useQuery';
import { formatBytes, formatWhen } from './backup-format';

/** Settings → Reservekopieën: the list (date, reason, size), "Nu een reservekopie maken", "Terugzetten", the folder. */
export function BackupsSettings() {
  const { t, i18n } = useTranslation();
  const list = useQuery('backups.list', {}, { refreshOn: ['administration.changed'] });
  const create = useMutation('backups.create');
  const setFolder = useMutation('backups.setFolder');
  const [made, setMade] = useState<string | null>(null);
  const [folder, setFolderText] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<{ name: string; at: string } | null>(null);
  const [restoreError, setRestoreError] = useState<RpcError | null>(null);
  // A backup made under an earlier password (BACKUP_PASSWORD_REQUIRED): its password is asked, then the restore is tried again.
  const [askPassword, setAskPassword] = useState<{ name: string; password: string; error: RpcError | null; busy: boolean } | null>(null);
  const restore = (name: string, password?: string) =>
    callHost('administrations.restore', password === undefined ? { name } : { name, password }).then(
      () => setAskPassword(null),
      (e: unknown) => {
        const error = e instanceof RpcError ? e : null;
        if (error?.body.code === 'BACKUP_PASSWORD_REQUIRED') setAskPassword({ name, password: '', error: null, busy: false });
        else if (password !== undefined) setAskPassword((a) => (a ? { ...a, error, busy: false } : a));
        else setRestoreError(error);
      },
    );
  const rows = list.data?.rows ?? [];
  const reason = (r: string) => t(`administrations.backups.reasons.${r}`, { defaultValue: r });
  return (
    <Stack gap="md" data-testid="backups-settings">
      <Text size="sm">{t('administrations.backups.intro', { minutes: list.data?.intervalMinutes ?? 15 })}</Text>
      <Text size="sm" c="dimmed">{t('administrations.backups.rotation')}</Text>
      <Group align="end">
        <Text size="sm">
          {t('administrations.backups.folder')}: <code>{list.data?.folder ?? ''}</code>
        </Text>
        {folder === null && (
          <Button variant="subtle" size="compact-sm" onClick={() => setFolderText(list.data?.folder ?? '')}>
            {t('administrations.backups.moveFolder')}
          </Button>
        )}
      </Group>
      {folder !== null && (
        <Group align="end">
          <TextInput w={500} label={t('administrations.backups.folderPath')} value={folder} onChange={(e) => setFolderText(e.currentTarget.value)} />
          <Button
            variant="light"
            onClick={() =>
              void setFolder.run({ folder }).then((r) => {
                if (r.ok) {
                  setFolderText(null);
                  list.reload();
                }
              })
            }
          >
            {t('administrations.backups.saveFolder')}
          </Button>
          <Button variant="default" onClick={() => setFolderText(null)}>{t('common.cancel')}</Button>
        </Group>
      )}
      <ErrorAlert error={setFolder.error} />
      <Group>
        <Button
          loading={create.busy}
          onClick={() =>
            void create.run({ reason: 'manual' }).then((r) => {
              if (r.ok && r.value.backup) setMade(r.value.backup.name);
              list.reload();
            })
          }
        >
          {t('administrations.backups.makeNow')}
        </Button>
      </Group>
      {made && <Alert color="teal" data-testid="backup-made">{t('administrations.backups.made', { file: made })}</Alert>}
      <ErrorAlert error={create.error ?? list.error ?? restoreError} />
      {rows.length === 0 ? (
        <Text c="dimmed">{t('administrations.backups.none')}</Text>
      ) : (
        <Table striped aria-label={t('administrations.backups.tableLabel')} data-testid="backups-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('administrations.backups.date')}</Table.Th>
              <Table.Th>{t('administrations.backups.reason')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('administrations.backups.size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{formatWhen(b.at, i18n.language)}</Table.Td>
                <Table.Td>{reason(b.reason)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatBytes(b.bytes, i18n.language)}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => setRestoring({ name: b.name, at: b.at })}>
                    {t('administrations.backups.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {restoring && (
        <ConfirmModal
          opened
          title={t('administrations.backups.restoreTitle')}
          message={t('administrations.backups.restoreMessage', { date: formatWhen(restoring.at, i18n.language) })}
          confirmLabel={t('administrations.backups.restoreConfirm')}
          onClose={() => setRestoring(null)}
          onConfirm={() => {
            const name = restoring.name;
            setRestoring(null);
            setRestoreError(null);
            // The host reopens the administration; every screen starts over on the restored file.
            void restore(name);
          }}
        />
      )}
      {askPassword && (
        <Modal opened title={t('administrations.backups.backupPasswordTitle')} onClose={() => setAskPassword(null)}>
          <form
            data-testid="backup-password-form"
            onSubmit={(e) => {
              e.preventDefault();
              setAskPassword({ ...askPassword, busy: true, error: null });
              void restore(askPassword.name, askPassword.password);
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('administrations.backups.backupPasswordIntro')}</Text>
              <PasswordInput
                label={t('administrations.backups.backupPassword')}
                value={askPassword.password}
                onChange={(e) => setAskPassword({ ...askPassword, password: e.currentTarget.value })}
                autoFocus
              />
              <ErrorAlert error={askPassword.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setAskPassword(null)}>{t('common.cancel')}</Button>
                <Button type="submit" loading={askPassword.busy} disabled={askPassword.password === ''}>
                  {t('administrations.backups.restoreConfirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
      )}
    </Stack>
  );
}
