import { useState } from 'react';
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
      </Group>
      <FeatureErrorAlert error={members.error ?? m.update.error ?? m.exclude.error} />
      {members.data && (
        <MembersTable
          rows={members.data.rows}
          entries={entries.data?.rows ?? []}
          day={day}
          smart={group.condition !== null}
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
