import { useState } from 'react';
import { Button, CloseButton, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogKind, RelationSummary } from '../../../shared/contract';
import { useMutation } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from '../../components/DateField';
import { todayIsoLocal } from '../../lib/dates';
import { RelationPicker } from '../links/RelationPicker';

const KINDS: LogKind[] = ['call', 'email', 'visit', 'letter', 'note'];

/** Log a call, visit, letter…: about this relation or group and any others added. */
export function LogEntryModal({ relationId, groupId, onClose }: { relationId?: string | undefined; groupId?: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useMutation('log.add');
  const [kind, setKind] = useState<LogKind>('call');
  const [date, setDate] = useState<string | null>(todayIsoLocal());
  const [who, setWho] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [others, setOthers] = useState<RelationSummary[]>([]);
  const save = async () => {
    const r = await add.run({
      kind,
      date: date ?? todayIsoLocal(),
      who,
      subject,
      body,
      relationIds: [...(relationId ? [relationId] : []), ...others.map((o) => o.id)],
      groupIds: groupId ? [groupId] : [],
    });
    if (r.ok) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('log.modal.title')} size="lg">
      <Stack gap="sm" data-testid="log-modal">
        <Group grow>
          <Select label={t('log.modal.kind')} value={kind} onChange={(v) => v && setKind(v as LogKind)} data={KINDS.map((k) => ({ value: k, label: t(`log.kind.${k}`) }))} allowDeselect={false} data-testid="log-kind" />
          <DateField label={t('log.modal.date')} value={date} onChange={setDate} />
          <TextInput label={t('log.modal.who')} value={who} onChange={(e) => setWho(e.currentTarget.value)} />
        </Group>
        <TextInput label={t('log.modal.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} data-autofocus data-testid="log-subject" />
        <Textarea label={t('log.modal.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} data-testid="log-body" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('log.modal.also')}
          </Text>
          {others.map((o) => (
            <Group key={o.id} gap={4}>
              <Text size="sm" data-testid="log-other">
                {o.displayName} ({o.number})
              </Text>
              <CloseButton size="sm" onClick={() => setOthers((l) => l.filter((x) => x.id !== o.id))} />
            </Group>
          ))}
          <RelationPicker key={others.length} label={t('log.modal.addRelation')} value={null} excludeId={relationId} onChange={(r) => r && setOthers((l) => (l.some((x) => x.id === r.id) ? l : [...l, r]))} />
        </Stack>
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={add.busy} data-testid="log-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
