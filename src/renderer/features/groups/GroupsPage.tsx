import { useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../shell/navigation';
import { featureErrorText } from '../conditions/feature-errors';
import { buildGroupTree } from './group-tree';
import { GroupTreeNode } from './GroupTreeNode';
import { GroupDetail } from './GroupDetail';
import { GroupFormModal } from './GroupFormModal';
import { MailingListModal } from './MailingListModal';
import { useGroup, useGroupList } from './useGroups';

type Dialog = { kind: 'group'; parentId: string | null } | { kind: 'mailingList' } | null;

/** The group tree on the left; the open group on the right. */
export function GroupsPage({ id }: { id?: string | undefined }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const list = useGroupList();
  const group = useGroup(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const groups = list.data?.rows ?? [];
  const tree = buildGroupTree(groups);
  const open = (next: string) => navigate({ page: 'groups', id: next });
  const created = (next: string) => {
    setDialog(null);
    list.reload();
    open(next);
  };
  const loaded = group.data?.id === id ? group.data : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('groups.page.title')}</Title>
        <Group gap="xs">
          <Button onClick={() => setDialog({ kind: 'group', parentId: null })} data-testid="new-group">
            {t('groups.page.newGroup')}
          </Button>
          <Button variant="light" onClick={() => setDialog({ kind: 'mailingList' })} data-testid="new-mailing-list">
            {t('groups.page.newMailingList')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={0} w={300} miw={300} data-testid="group-tree">
          {list.loading && !list.data && <Loader size="sm" />}
          {list.data && tree.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('groups.tree.none')}
            </Text>
          )}
          {tree.map((node) => (
            <GroupTreeNode key={node.group.id} node={node} selectedId={id} onOpen={open} />
          ))}
        </Stack>
        <div style={{ flex: 1, minWidth: 0 }}>
          {!id && <Text c="dimmed">{t('groups.page.choose')}</Text>}
          {id && loaded && (
            <GroupDetail
              key={id}
              group={loaded}
              groups={groups}
              onNewSubgroup={() => setDialog({ kind: 'group', parentId: id })}
              onDeleted={() => {
                list.reload();
                navigate({ page: 'groups' });
              }}
            />
          )}
          {id && !loaded && (group.error ? <Alert color="red">{featureErrorText(t, group.error.body)}</Alert> : <Loader />)}
        </div>
      </Group>
      {dialog?.kind === 'group' && (
        <GroupFormModal groups={groups} group={null} parentId={dialog.parentId} onClose={() => setDialog(null)} onSaved={created} />
      )}
      {dialog?.kind === 'mailingList' && <MailingListModal groups={groups} onClose={() => setDialog(null)} onSaved={created} />}
    </Stack>
  );
}
