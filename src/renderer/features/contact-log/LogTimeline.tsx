import { useState } from 'react';
import { Anchor, Badge, Button, FileButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogEntryDto } from '../../../shared/contract';
import { useMutation, useQuery } from '../../rpc/useQuery';
import { call } from '../../rpc/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showDate } from '../../lib/dates';
import { useNavigation } from '../../shell/navigation';
import { downloadFile, readFileBase64 } from '../io/common/file-bytes';
import { LogEntryModal } from './LogEntryModal';

const KIND_COLOR: Record<LogEntryDto['kind'], string> = { call: 'blue', email: 'grape', visit: 'green', letter: 'orange', note: 'gray' };

export function LogEntryCard({ e, viewer }: { e: LogEntryDto; viewer?: string | undefined }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const others = e.relations.filter((r) => r.id !== viewer);
  return (
    <Paper withBorder p="sm" data-testid="log-entry" data-subject={e.subject}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs">
          <Badge color={KIND_COLOR[e.kind]} variant="light">
            {t(`log.kind.${e.kind}`)}
          </Badge>
          <Text fw={600}>{e.subject}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {showDate(e.date)}
          {e.who ? ` · ${e.who}` : ''}
        </Text>
      </Group>
      {e.mailFrom && (
        <Text size="xs" c="dimmed">
          {t('log.from', { from: e.mailFrom })}
          {e.mailTo ? ` ${t('log.to', { to: e.mailTo })}` : ''}
        </Text>
      )}
      {e.body && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
          {e.body}
        </Text>
      )}
      {(others.length > 0 || e.groups.length > 0) && (
        <Group gap={6} mt={4}>
          {others.map((r) => (
            <Anchor key={r.id} size="xs" component="button" onClick={() => navigate({ page: 'relation', id: r.id })}>
              {r.name} ({r.number})
            </Anchor>
          ))}
          {e.groups.map((g) => (
            <Anchor key={g.id} size="xs" component="button" onClick={() => navigate({ page: 'groups', id: g.id })}>
              {g.name}
            </Anchor>
          ))}
        </Group>
      )}
      {e.attachments.length > 0 && (
        <Group gap={6} mt={4}>
          {e.attachments.map((a) => (
            <Anchor key={a.id} size="xs" component="button" onClick={() => void call('log.attachment', { id: a.id }).then(downloadFile)}>
              📎 {a.fileName}
            </Anchor>
          ))}
        </Group>
      )}
    </Paper>
  );
}

/** A relation's or group's contacts, newest first, with search and "log a contact". */
export function LogTimeline({ relationId, groupId }: { relationId?: string; groupId?: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const list = useQuery('log.list', { ...(relationId ? { relationId } : {}), ...(groupId ? { groupId } : {}), query, limit: 200 }, { refreshOn: ['log.changed'] });
  const addMail = useMutation('log.addMail');
  const rows = list.data?.rows ?? [];
  const onMail = async (file: File | null) => {
    if (!file) return;
    await addMail.run({ file: await readFileBase64(file), fileName: file.name, relationIds: relationId ? [relationId] : [], groupIds: groupId ? [groupId] : [] });
  };
  return (
    <Stack gap="sm" data-testid="log-timeline">
      <Group>
        <Button onClick={() => setAdding(true)} data-testid="log-add">
          {t('log.add')}
        </Button>
        <FileButton onChange={(f) => void onMail(f)} accept=".eml,.msg">
          {(props) => (
            <Button variant="default" {...props}>
              {t('log.addMail')}
            </Button>
          )}
        </FileButton>
        <TextInput placeholder={t('log.page.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1 }} data-testid="log-search" />
      </Group>
      <ErrorAlert error={list.error ?? addMail.error} />
      {list.data && rows.length === 0 && <Text c="dimmed">{t('log.page.none')}</Text>}
      {rows.map((e) => (
        <LogEntryCard key={e.id} e={e} viewer={relationId} />
      ))}
      {adding && <LogEntryModal relationId={relationId} groupId={groupId} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
