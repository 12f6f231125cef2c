import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupDto } from '../../../shared/contract';
import { ConfirmModal } from '../../components/ConfirmModal';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { groupPath } from './group-tree';
import { GroupTypeBadge } from './GroupTypeBadge';
import { GroupFormModal } from './GroupFormModal';
import { GroupMembers } from './GroupMembers';
import { GroupEntries } from './GroupEntries';
import { GroupTimeline } from './GroupTimeline';
import { GroupRuleEditor } from './GroupRuleEditor';
import { useGroupMutations } from './useGroups';
import { brokenReasonText } from '../memberships/broken-rule-text';
import { LogTimeline } from '../contact-log/LogTimeline';
import { GroupMeetings } from '../meetings/GroupMeetings';

type DetailTab = 'members' | 'entries' | 'timeline' | 'rule' | 'contacts' | 'meetings';

interface Props {
  group: GroupDto;
  groups: GroupDto[];
  onNewSubgroup: () => void;
  onDeleted: () => void;
}

/** One group: what it is, and tabs for its members, the hand-entered facts, the timeline and the rule. */
export function GroupDetail({ group, groups, onNewSubgroup, onDeleted }: Props) {
  const { t } = useTranslation();
  const { remove } = useGroupMutations();
  const [tab, setTab] = useState<DetailTab>('members');
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const parentPath = group.parentId ? groupPath(groups, group.parentId) : null;

  return (
    <Stack gap="sm" data-testid="group-detail">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} data-testid="group-name">
              {group.name}
            </Title>
            <GroupTypeBadge type={group.type} size="md" />
            <Badge variant="outline" color={group.condition ? 'teal' : 'gray'} data-testid="group-kind">
              {t(group.condition ? 'groups.kind.smart' : 'groups.kind.static')}
            </Badge>
          </Group>
          {parentPath && (
            <Text size="sm" c="dimmed">
              {t('groups.detail.under', { path: parentPath })}
            </Text>
          )}
          {group.description && <Text size="sm">{group.description}</Text>}
        </Stack>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onNewSubgroup} data-testid="new-subgroup">
            {t('groups.detail.newSubgroup')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDialog('edit')} data-testid="edit-group">
            {t('groups.detail.edit')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => setDialog('delete')} data-testid="delete-group">
            {t('common.remove')}
          </Button>
        </Group>
      </Group>
      {group.broken && (
        <Alert color="orange" data-testid="group-broken">
          {t('groups.detail.broken', { reason: brokenReasonText(t, group.broken) })}
        </Alert>
      )}
      <FeatureErrorAlert error={remove.error} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as DetailTab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">{t('groups.detail.tabMembers')}</Tabs.Tab>
          <Tabs.Tab value="entries">{t('groups.detail.tabEntries')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('groups.detail.tabTimeline')}</Tabs.Tab>
          <Tabs.Tab value="rule">{t('groups.detail.tabRule')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('log.page.title')}</Tabs.Tab>
          <Tabs.Tab value="meetings">{t('meetings.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <GroupMembers group={group} />
        </Tabs.Panel>
        <Tabs.Panel value="entries" pt="md">
          <GroupEntries group={group} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <GroupTimeline groupId={group.id} />
        </Tabs.Panel>
        <Tabs.Panel value="rule" pt="md">
          <GroupRuleEditor group={group} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <LogTimeline groupId={group.id} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <GroupMeetings groupId={group.id} />
        </Tabs.Panel>
      </Tabs>
      {dialog === 'edit' && <GroupFormModal groups={groups} group={group} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />}
      <ConfirmModal
        opened={dialog === 'delete'}
        title={t('groups.delete.title')}
        message={t('groups.delete.message', { name: group.name })}
        confirmLabel={t('common.remove')}
        danger
        busy={remove.busy}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          void remove.run({ id: group.id }).then((r) => {
            setDialog(null);
            if (r.ok) onDeleted();
          })
        }
      />
    </Stack>
  );
}
