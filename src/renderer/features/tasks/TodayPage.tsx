import type { EventName } from '../../../shared/contract/events';
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskDto } from '../../../shared/contract';
import { addDays } from '../../../shared/dutch/dates';
import { useMutation, useQuery } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from '../../components/DateField';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { useNavigation } from '../../shell/navigation';

export const TASK_EVENTS: EventName[] = ['tasks.changed', 'requests.changed', 'relations.changed'];

function TaskRow({ task, today }: { task: TaskDto; today: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const complete = useMutation('tasks.complete');
  const snooze = useMutation('tasks.snooze');
  return (
    <Paper withBorder p="xs" data-testid="task-row" data-title={task.title}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Group gap={6}>
            <Text fw={task.overdue ? 700 : 500}>{task.title}</Text>
            {task.priority === 'high' && <Badge color="red" variant="light">{t('tasks.priority.high')}</Badge>}
            {task.systemKey && <Badge variant="outline" size="xs">{t('tasks.system')}</Badge>}
          </Group>
          <Text size="xs" c={task.overdue ? 'red' : 'dimmed'}>
            {task.dueDate ? showDate(task.dueDate) : ''}
            {task.relationName && (
              <>
                {' · '}
                <Anchor size="xs" component="button" onClick={() => task.relationId && navigate({ page: 'relation', id: task.relationId })}>
                  {task.relationName} ({task.relationNumber})
                </Anchor>
              </>
            )}
            {task.groupName ? ` · ${task.groupName}` : ''}
            {task.notes ? ` · ${task.notes}` : ''}
          </Text>
          <ErrorAlert error={complete.error ?? snooze.error} />
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => void snooze.run({ id: task.id, until: addDays(today, 7) })}>
            {t('tasks.snooze')}
          </Button>
          <Button size="xs" loading={complete.busy} onClick={() => void complete.run({ id: task.id })} data-testid="task-done">
            {t('tasks.done')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** What needs doing today: overdue first, then due today; the app's own tasks among them. */
export function TodayPage() {
  const { t } = useTranslation();
  const today = useQuery('tasks.today', {}, { refreshOn: TASK_EVENTS });
  const create = useMutation('tasks.create');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<string | null>(null);
  const [priority, setPriority] = useState<string>('normal');
  const d = today.data;
  // Due is measured against the core's today, so a new task defaults to that date, not the browser's.
  const dueDate = due ?? d?.today ?? todayIsoLocal();
  const add = async () => {
    const r = await create.run({ title, dueDate: dueDate, priority: priority as TaskDto['priority'] });
    if (r.ok) setTitle('');
  };
  return (
    <Stack maw={900} gap="sm" data-testid="today-page">
      <Title order={2}>{t('tasks.today.title')}</Title>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput label={t('tasks.today.new')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 1 }} data-testid="task-title" />
          <DateField label={t('tasks.field.dueDate')} value={dueDate} onChange={setDue} w={140} />
          <Select label={t('tasks.field.priority')} value={priority} onChange={(v) => setPriority(v ?? 'normal')} data={(['low', 'normal', 'high'] as const).map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))} w={120} />
          <Button onClick={() => void add()} loading={create.busy} disabled={!title.trim()} data-testid="task-add">
            {t('common.add')}
          </Button>
        </Group>
        <ErrorAlert error={create.error} />
      </Paper>
      <ErrorAlert error={today.error} />
      {d && d.overdue.length + d.due.length === 0 && <Text c="dimmed">{t('tasks.today.none')}</Text>}
      {d && d.overdue.length > 0 && (
        <Stack gap={6} data-testid="tasks-overdue">
          <Title order={4} c="red">
            {t('tasks.today.overdue')} ({d.overdue.length})
          </Title>
          {d.overdue.map((task) => (
            <TaskRow key={task.id} task={task} today={d.today} />
          ))}
        </Stack>
      )}
      {d && d.due.length > 0 && (
        <Stack gap={6} data-testid="tasks-due">
          <Title order={4}>
            {t('tasks.today.due')} ({d.due.length})
          </Title>
          {d.due.map((task) => (
            <TaskRow key={task.id} task={task} today={d.today} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
