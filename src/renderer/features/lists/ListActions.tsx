import { useState } from 'react';
import { Button, CopyButton, Group, Menu, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListSource, Output } from '../../../shared/contract';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call, RpcError } from '../../rpc/client';
import { useQuery } from '../../rpc/useQuery';
import { downloadFile } from '../io/common/file-bytes';
import { MergeCard } from '../io/merge/MergeTab';
import { LabelsCard } from '../io/labels/LabelsCard';
import { DEFAULT_PRINT, type PrintSettings } from '../io/labels/PrintOptions';

const EXPORT_COLUMNS = ['nummer', 'tenaamstelling', 'aanhef', 'adresregel_1', 'adresregel_2', 'email'];

type Dialog = null | 'group' | 'tagAdd' | 'tagRemove' | 'typeAdd' | 'typeEnd' | 'trash' | 'emails' | 'merge' | 'labels';

/**
 * The one set of actions every list shares. Each goes through the core as one operation
 * (History names it); `source` is the selection, or the whole list when nothing is selected.
 */
export function ListActions({ count, scope, source, onDone }: { count: number; scope: 'selected' | 'all'; source: () => Promise<ListSource | null>; onDone?: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [emails, setEmails] = useState<Output<'lists.emails'> | null>(null);

  /**
   * `onDone` (the list clears its selection) follows a write only: after a read (export, the
   * e-mail addresses) the user still has the rows they picked, for the next action.
   */
  const perform = async (work: (s: ListSource) => Promise<void>, after: { next: Dialog; writes: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      const s = await source();
      if (!s) return;
      await work(s);
      setDialog(after.next);
      if (after.writes) onDone?.();
    } catch (e) {
      setError(e instanceof RpcError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const run = (work: (s: ListSource) => Promise<{ changed: number; unchanged: number }>) =>
    perform(async (s) => setMessage(t('lists.done', await work(s))), { next: null, writes: true });
  const read = (work: (s: ListSource) => Promise<void>, next: Dialog = null) => perform(work, { next, writes: false });
  /** Mail merge and labels work on the list as it is when chosen: the io cards get that source. */
  const [resolved, setResolved] = useState<ListSource | null>(null);
  const [print, setPrint] = useState<PrintSettings>(DEFAULT_PRINT);
  const openWithList = (next: 'merge' | 'labels') => {
    setError(null);
    source().then(
      (s) => {
        setResolved(s);
        if (s) setDialog(next);
      },
      (e: unknown) => setError(e instanceof RpcError ? e : null),
    );
  };
  const openEmails = () => void read(async (s) => setEmails(await call('lists.emails', { source: s })), 'emails');

  return (
    <>
      <Menu>
        <Menu.Target>
          <Button size="xs" disabled={count === 0} data-testid="list-actions">
            {t('lists.actionsFor', { what: t(scope === 'selected' ? 'lists.scopeSelected' : 'lists.scopeAll') })}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog('group')} data-testid="action-addToGroup">{t('lists.action.addToGroup')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('tagAdd')}>{t('lists.action.addTag')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('tagRemove')}>{t('lists.action.removeTag')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('typeAdd')}>{t('lists.action.addType')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('typeEnd')}>{t('lists.action.endType')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item
            data-testid="action-export"
            onClick={() => void read(async (s) => downloadFile(await call('io.export', { source: s, format: 'xlsx', columns: EXPORT_COLUMNS, sheetName: 'Lijst' })))}
          >
            {t('lists.action.exportXlsx')}
          </Menu.Item>
          <Menu.Item onClick={() => openWithList('merge')} data-testid="action-merge">{t('lists.action.mailMerge')}</Menu.Item>
          <Menu.Item onClick={() => openWithList('labels')} data-testid="action-labels">{t('lists.action.labels')}</Menu.Item>
          <Menu.Item onClick={openEmails} data-testid="action-emails">{t('lists.action.emails')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => setDialog('trash')}>{t('lists.action.trash')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {message && (
        <Text size="xs" c="green.8" data-testid="list-action-done">
          {message}
        </Text>
      )}
      <ErrorAlert error={dialog === null ? error : null} />
      <AddToGroupModal opened={dialog === 'group'} busy={busy} error={error} onClose={() => setDialog(null)} onApply={(p) => void run((s) => call('lists.addToGroup', { source: s, ...p }))} />
      <PickModal
        opened={dialog === 'tagAdd' || dialog === 'tagRemove'}
        title={t(dialog === 'tagRemove' ? 'lists.action.removeTag' : 'lists.action.addTag')}
        label={t('lists.tag.tag')}
        method="tags.list"
        busy={busy}
        error={error}
        onClose={() => setDialog(null)}
        onApply={(id) => void run((s) => call('lists.tag', { source: s, tagId: id, mode: dialog === 'tagRemove' ? 'remove' : 'add' }))}
      />
      <PickModal
        opened={dialog === 'typeAdd' || dialog === 'typeEnd'}
        title={t(dialog === 'typeEnd' ? 'lists.action.endType' : 'lists.action.addType')}
        label={t('lists.type.type')}
        method="relationTypes.list"
        withDate
        busy={busy}
        error={error}
        onClose={() => setDialog(null)}
        onApply={(id, date) => void run((s) => call('lists.relationType', { source: s, typeId: id, mode: dialog === 'typeEnd' ? 'end' : 'add', date }))}
      />
      <ConfirmModal
        opened={dialog === 'trash'}
        title={t('lists.action.trash')}
        message={t('lists.trashConfirm', { count })}
        confirmLabel={t('lists.action.trash')}
        danger
        busy={busy}
        onClose={() => setDialog(null)}
        onConfirm={() => void run((s) => call('lists.trash', { source: s }))}
      />
      <Modal opened={dialog === 'emails'} onClose={() => setDialog(null)} title={t('lists.emails.title')} size="lg">
        {emails && (
          <Stack gap="xs" data-testid="emails-dialog">
            <Text size="sm" data-testid="emails-summary">
              {t('lists.emails.summary', { emails: emails.emails.length, relations: emails.relations })}
            </Text>
            <Textarea readOnly autosize maxRows={8} value={emails.emails.join('; ')} />
            <CopyButton value={emails.emails.join('; ')}>
              {({ copied, copy }) => (
                <Button size="xs" onClick={copy} w={140}>
                  {copied ? t('lists.emails.copied') : t('lists.emails.copy')}
                </Button>
              )}
            </CopyButton>
            {emails.without.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('lists.emails.without', { count: emails.without.length })}
                </Text>
                <Text size="sm" data-testid="emails-without">
                  {emails.without.map((w) => `${w.displayName} (${w.number})`).join(', ')}
                </Text>
              </>
            )}
          </Stack>
        )}
      </Modal>
      <Modal opened={dialog === 'merge'} onClose={() => setDialog(null)} title={t('lists.merge.title', { count })} size="lg">
        {dialog === 'merge' && <MergeCard source={resolved} on={null} />}
      </Modal>
      <Modal opened={dialog === 'labels'} onClose={() => setDialog(null)} title={t('lists.labels.title', { count })} size="lg">
        {dialog === 'labels' && <LabelsCard source={resolved} on={null} print={print} onPrint={setPrint} />}
      </Modal>
    </>
  );
}

function AddToGroupModal(props: {
  opened: boolean;
  busy: boolean;
  error: RpcError | null;
  onClose: () => void;
  onApply: (p: { groupId: string; roleId: string | null; validFrom: string | null; validTo: string | null }) => void;
}) {
  const { t } = useTranslation();
  const groups = useQuery('groups.list', {}, { enabled: props.opened });
  const roles = useQuery('groupRoles.list', {}, { enabled: props.opened });
  const [groupId, setGroupId] = useState<string | null>(null);
  const [roleId, setRoleId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('lists.group.title')}>
      <Stack gap="sm">
        <Select label={t('lists.group.group')} searchable data-testid="group-pick" value={groupId} onChange={setGroupId} data={(groups.data?.rows ?? []).map((g) => ({ value: g.id, label: g.name }))} />
        <Select label={t('lists.group.role')} data-testid="role-pick" clearable value={roleId} onChange={setRoleId} data={(roles.data?.rows ?? []).map((r) => ({ value: r.id, label: r.name }))} />
        <Group grow>
          <DateField label={t('lists.group.from')} value={from} onChange={setFrom} />
          {/* The field shows the last day; the core's end is exclusive. */}
          <DateField label={t('lists.group.to')} value={to} onChange={setTo} />
        </Group>
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button
            disabled={!groupId}
            loading={props.busy}
            data-testid="list-action-apply"
            onClick={() => groupId && props.onApply({ groupId, roleId, validFrom: from, validTo: to ? nextDay(to) : null })}
          >
            {t('lists.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function PickModal(props: {
  opened: boolean;
  title: string;
  label: string;
  method: 'tags.list' | 'relationTypes.list';
  withDate?: boolean;
  busy: boolean;
  error: RpcError | null;
  onClose: () => void;
  onApply: (id: string, date: string | null) => void;
}) {
  const { t } = useTranslation();
  const options = useQuery(props.method, {}, { enabled: props.opened });
  const [id, setId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack gap="sm">
        <Select label={props.label} searchable value={id} onChange={setId} data={(options.data?.rows ?? []).map((r) => ({ value: r.id, label: r.name }))} />
        {props.withDate && <DateField label={t('lists.type.date')} value={date} onChange={setDate} />}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button disabled={!id} loading={props.busy} onClick={() => id && props.onApply(id, date)}>
            {t('lists.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
