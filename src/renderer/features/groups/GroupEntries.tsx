import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupDto, GroupMemberEntryDto } from '../../../shared/contract';
import { usePeriodText } from '../../lib/usePeriodText';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EndDateModal } from '../../components/EndDateModal';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { MemberModal } from './MemberModal';
import { ExcludeModal } from './ExcludeModal';
import { useGroupEntries, useMemberMutations } from './useGroups';

type Dialog =
  | { kind: 'add' }
  | { kind: 'exclude' }
  | { kind: 'edit'; entry: GroupMemberEntryDto }
  | { kind: 'end'; entry: GroupMemberEntryDto }
  | { kind: 'remove'; entry: GroupMemberEntryDto }
  | null;

/** What was entered by hand: members with role and period, and exclusions from the rule. */
export function GroupEntries({ group }: { group: GroupDto }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const entries = useGroupEntries(group.id);
  const m = useMemberMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const rows = entries.data?.rows ?? [];
  const close = () => setDialog(null);

  return (
    <Stack gap="sm" data-testid="group-entries">
      <Group gap="xs">
        <Button size="xs" onClick={() => setDialog({ kind: 'add' })} data-testid="add-entry">
          {t('groups.members.add')}
        </Button>
        {group.condition && (
          <Button size="xs" variant="light" color="red" onClick={() => setDialog({ kind: 'exclude' })} data-testid="add-exclusion">
            {t('groups.entries.addExclusion')}
          </Button>
        )}
      </Group>
      <FeatureErrorAlert error={entries.error ?? m.update.error ?? m.remove.error} />
      {entries.data && rows.length === 0 && <Text c="dimmed">{t('groups.entries.none')}</Text>}
      {rows.length > 0 && (
        <Table striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('groups.members.col.name')}</Table.Th>
              <Table.Th>{t('groups.members.col.role')}</Table.Th>
              <Table.Th>{t('groups.members.col.period')}</Table.Th>
              <Table.Th>{t('groups.member.notes')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id} data-testid="entry-row" data-name={e.displayName}>
                <Table.Td>{e.displayName}</Table.Td>
                <Table.Td>
                  {e.mode === 'exclude' ? (
                    <Badge size="sm" color="red" variant="light">
                      {t('groups.entries.excluded')}
                    </Badge>
                  ) : (
                    e.roleName
                  )}
                </Table.Td>
                <Table.Td data-testid="entry-period">{period(e.validFrom, e.validTo) || t('conditions.period.always')}</Table.Td>
                <Table.Td>{e.notes}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {e.mode === 'include' && (
                      <Button size="compact-xs" variant="default" onClick={() => setDialog({ kind: 'edit', entry: e })}>
                        {t('common.edit')}
                      </Button>
                    )}
                    {!e.validTo && (
                      <Button size="compact-xs" variant="default" onClick={() => setDialog({ kind: 'end', entry: e })} data-testid="end-entry">
                        {t('common.end')}
                      </Button>
                    )}
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'remove', entry: e })}>
                      {t('common.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog?.kind === 'add' && <MemberModal groupId={group.id} entry={null} onClose={close} />}
      {dialog?.kind === 'edit' && <MemberModal groupId={group.id} entry={dialog.entry} onClose={close} />}
      {dialog?.kind === 'exclude' && <ExcludeModal groupId={group.id} relation={null} onClose={close} />}
      {dialog?.kind === 'end' && (
        <EndDateModal
          title={t('groups.entries.endTitle')}
          description={`${dialog.entry.displayName}${dialog.entry.roleName ? ` · ${dialog.entry.roleName}` : ''}`}
          busy={m.update.busy}
          onClose={close}
          onConfirm={(validTo) => {
            const e = dialog.entry;
            void m.update.run({ id: e.id, member: { roleId: e.roleId, validFrom: e.validFrom, validTo, notes: e.notes } }).then(close);
          }}
        />
      )}
      <ConfirmModal
        opened={dialog?.kind === 'remove'}
        title={t('groups.entries.removeTitle')}
        message={dialog?.kind === 'remove' ? t('groups.entries.removeMessage', { name: dialog.entry.displayName }) : ''}
        confirmLabel={t('common.remove')}
        danger
        busy={m.remove.busy}
        onClose={close}
        onConfirm={() => dialog?.kind === 'remove' && void m.remove.run({ id: dialog.entry.id }).then(close)}
      />
    </Stack>
  );
}
