import { useEffect, useState } from 'react';
import type { ListSource } from '../../../shared/contract';
import { call } from '../../rpc/client';
import { ListSelectionBar } from '../lists/ListSelectionBar';
import { useListSelection } from '../lists/useListSelection';
import { Button, Group, Loader, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupDto, GroupMemberEntryDto } from '../../../shared/contract';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { formatCount } from '../../lib/format';
import { EndDateModal } from '../../components/EndDateModal';
import { DateField } from '../../components/DateField';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { MembersTable } from './MembersTable';
import { MemberModal } from './MemberModal';
import { ExcludeModal } from './ExcludeModal';
import { MEMBER_VIEWS, membersQuery, type MemberView } from './member-view';
import { useGroupEntries, useGroupMembers, useMemberMutations } from './useGroups';

const PAGE = 100;

type Dialog = { kind: 'add' } | { kind: 'end'; entry: GroupMemberEntryDto } | { kind: 'exclude'; relationId: string; name: string } | null;

/** Who is in the group now, before, later, ever or on a date; add, end and exclude from here. */
export function GroupMembers({ group }: { group: GroupDto }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<MemberView>('current');
  const [on, setOn] = useState(todayIsoLocal());
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const members = useGroupMembers(group.id, membersQuery(view, on, page, PAGE));
  const entries = useGroupEntries(group.id);
  const m = useMemberMutations();
  const total = members.data?.total ?? 0;
  const day = view === 'on' ? on : todayIsoLocal();
  const selection = useListSelection(members.data?.rows.map((r) => r.relation.id) ?? []);
  const { clear } = selection;
  // Another view, date or page is another list: nothing selected.
  useEffect(() => clear(), [view, on, page, clear]);
  /** The whole list: the group on the day, or for past/future/all the members shown, gathered page by page. */
  const wholeList = async (): Promise<ListSource | null> => {
    if (view === 'current' || view === 'on') return { kind: 'group', groupId: group.id, on: day };
    const ids: string[] = [];
    for (let p = 1; (p - 1) * 500 < total; p++) ids.push(...(await call('groups.members', { groupId: group.id, ...membersQuery(view, on, p, 500) })).rows.map((r) => r.relation.id));
    return ids.length ? { kind: 'relations', ids } : null;
  };

  return (
    <Stack gap="sm" data-testid="group-members">
      <Group justify="space-between" align="flex-start">
        <Group gap="xs" align="flex-start">
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => {
              setView(v as MemberView);
              setPage(1);
            }}
            data={MEMBER_VIEWS.map((v) => ({ value: v, label: t(`groups.members.view.${v}`) }))}
            aria-label={t('groups.members.viewLabel')}
            data-testid="member-view"
          />
          {view === 'on' && (
            <DateField size="xs" w={130} value={on} onChange={(d) => {
                if (!d) return;
                setOn(d);
                setPage(1);
              }} aria-label={t('groups.members.onDate')} data-testid="members-date" />
          )}
        </Group>
        <Button size="xs" onClick={() => setDialog({ kind: 'add' })} data-testid="add-member">
          {t('groups.members.add')}
        </Button>
      </Group>
      <Group gap="xs">
        <Text size="sm" c="dimmed" data-testid="members-total">
          {members.data ? t(`groups.members.total.${view}`, { count: total, formatted: formatCount(total, i18n.language), date: showDate(on) }) : ''}
        </Text>
        {members.loading && <Loader size="xs" />}
        {total > 0 && <ListSelectionBar total={total} selection={selection} wholeList={wholeList} />}
      </Group>
      <FeatureErrorAlert error={members.error ?? m.update.error ?? m.exclude.error} />
      {members.data && (
        <MembersTable
          rows={members.data.rows}
          entries={entries.data?.rows ?? []}
          day={day}
          smart={group.condition !== null}
          selection={selection}
          onEnd={(entry) => setDialog({ kind: 'end', entry })}
          onExclude={(relationId, name) => setDialog({ kind: 'exclude', relationId, name })}
        />
      )}
      {total > PAGE && <Pagination size="sm" total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />}
      {dialog?.kind === 'add' && <MemberModal groupId={group.id} entry={null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'exclude' && (
        <ExcludeModal groupId={group.id} relation={{ id: dialog.relationId, name: dialog.name }} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'end' && (
        <EndDateModal
          title={t('groups.entries.endTitle')}
          description={`${dialog.entry.displayName} · ${dialog.entry.roleName ?? ''}`}
          busy={m.update.busy}
          onClose={() => setDialog(null)}
          onConfirm={(validTo) => {
            const e = dialog.entry;
            void m.update.run({ id: e.id, member: { roleId: e.roleId, validFrom: e.validFrom, validTo, notes: e.notes } }).then(() => setDialog(null));
          }}
        />
      )}
    </Stack>
  );
}
