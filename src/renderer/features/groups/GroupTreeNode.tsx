import { Group, NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupNode } from './group-tree';
import { GroupTypeBadge } from './GroupTypeBadge';

interface Props {
  node: GroupNode;
  selectedId: string | undefined;
  onOpen: (id: string) => void;
}

/** A group in the tree with its type and today's member count; subgroups nested and open. */
export function GroupTreeNode({ node, selectedId, onOpen }: Props) {
  const { t } = useTranslation();
  const { group } = node;
  return (
    <NavLink
      component="button"
      active={group.id === selectedId}
      onClick={() => onOpen(group.id)}
      label={
        <Group gap={6} wrap="nowrap">
          <Text size="sm" truncate>
            {group.name}
          </Text>
          <GroupTypeBadge type={group.type} size="xs" />
        </Group>
      }
      description={t('groups.tree.members', { count: group.memberCount }) + (group.condition ? ` · ${t('groups.kind.smart')}` : '')}
      opened
      childrenOffset="md"
      data-testid="group-item"
      data-name={group.name}
    >
      {node.children.length > 0
        ? node.children.map((c) => <GroupTreeNode key={c.group.id} node={c} selectedId={selectedId} onOpen={onOpen} />)
        : undefined}
    </NavLink>
  );
}
