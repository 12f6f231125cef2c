import type { EventName } from '../../../shared/contract/events';
import { useState } from 'react';
import { Button, FileButton, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from '../../components/DateField';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { downloadFile, readFileBase64 } from '../io/common/file-bytes';

const EVENTS: EventName[] = ['meetings.changed', 'relations.changed'];

function MeetingDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useQuery('meetings.get', { id }, { refreshOn: EVENTS });
  const attend = useMutation('meetings.setAttendance');
  const merge = useMutation('meetings.merge');
  const m = q.data;
  if (!m) return <ErrorAlert error={q.error} />;
  const onTemplate = async (file: File | null) => {
    if (!file) return;
    const r = await merge.run({ id, template: await readFileBase64(file) });
    if (r.ok) downloadFile(r.value);
  };
  return (
    <Paper withBorder p="md" data-testid="meeting-detail">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{m.title}</Text>
          <Text size="sm" c="dimmed">
            {[showDate(m.date), m.time, m.place].filter(Boolean).join(' · ')}
          </Text>
        </div>
        {m.agenda.length > 0 && (
          <ol style={{ margin: 0 }}>
            {m.agenda.map((a, i) => (
              <li key={i}>
                <Text size="sm">{a}</Text>
              </li>
            ))}
          </ol>
        )}
        <Text fw={500} size="sm">
          {t('meetings.attendees', { count: m.attendees.length })}
        </Text>
        <Table>
          <Table.Tbody>
            {m.attendees.map((a) => (
              <Table.Tr key={a.relationId} data-testid="meeting-attendee" data-name={a.name}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.role}</Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    value={a.status ?? 'none'}
                    onChange={(v) => void attend.run({ meetingId: id, relationId: a.relationId, status: v === 'none' ? null : (v as 'present' | 'absent' | 'excused') })}
                    data={(['none', 'present', 'excused', 'absent'] as const).map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ErrorAlert error={attend.error ?? merge.error} />
        <Group>
          <FileButton onChange={(f) => void onTemplate(f)} accept=".docx">
            {(props) => (
              <Button variant="light" loading={merge.busy} {...props} data-testid="meeting-merge">
                {t('meetings.merge')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('meetings.mergeHelp')}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A group's meetings: plan one, register who came, merge agenda or minutes into Word. */
export function GroupMeetings({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const list = useQuery('meetings.list', { groupId }, { refreshOn: EVENTS });
  const create = useMutation('meetings.create');
  const [selected, setSelected] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState<string | null>(todayIsoLocal());
  const [time, setTime] = useState('20:00');
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const save = async () => {
    const r = await create.run({ groupId, title, date: date ?? todayIsoLocal(), time, place, agenda: agenda.split('\n').map((l) => l.trim()).filter(Boolean) });
    if (r.ok) {
      setSelected(r.value.id);
      setTitle('');
      setAgenda('');
    }
  };
  return (
    <Stack gap="sm" data-testid="group-meetings">
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group grow align="flex-end">
            <TextInput label={t('meetings.field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="meeting-title" />
            <DateField label={t('meetings.field.date')} value={date} onChange={setDate} />
            <TextInput label={t('meetings.field.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} />
            <TextInput label={t('meetings.field.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} data-testid="meeting-place" />
          </Group>
          <Textarea label={t('meetings.field.agenda')} description={t('meetings.field.agendaHelp')} value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} autosize minRows={2} data-testid="meeting-agenda" />
          <ErrorAlert error={create.error} />
          <Group>
            <Button onClick={() => void save()} loading={create.busy} disabled={!title.trim()} data-testid="meeting-create">
              {t('meetings.create')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.data?.rows.length === 0 && <Text c="dimmed">{t('meetings.none')}</Text>}
      {list.data?.rows.map((m) => (
        <UnstyledButton key={m.id} onClick={() => setSelected(m.id)} data-testid="meeting-row">
          <Text size="sm" fw={m.id === selected ? 700 : 400}>
            {showDate(m.date)} {m.time ?? ''} — {m.title}
          </Text>
        </UnstyledButton>
      ))}
      {selected && <MeetingDetail key={selected} id={selected} />}
    </Stack>
  );
}
