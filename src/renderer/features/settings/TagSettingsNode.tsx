import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TagNode } from '../classification/tag-tree';

interface Props {
  node: TagNode;
  onAddChild: (node: TagNode) => void;
  onRename: (node: TagNode) => void;
  onDelete: (node: TagNode) => void;
}

export function TagSettingsNode({ node, onAddChild, onRename, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs" data-testid="tag-node">
        <Text fw={500}>{node.tag.name}</Text>
        <Text size="xs" c="dimmed">
          {t('settings.tags.count', { count: node.tag.count })}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => onAddChild(node)}>
          {t('settings.tags.addChild')}
        </Button>
        <Button size="compact-xs" variant="subtle" onClick={() => onRename(node)}>
          {t('settings.common.rename')}
        </Button>
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDelete(node)}>
          {t('common.remove')}
        </Button>
      </Group>
      {node.children.length > 0 && (
        <Stack gap={4} pl="lg" style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
          {node.children.map((c) => (
            <TagSettingsNode key={c.tag.id} node={c} onAddChild={onAddChild} onRename={onRename} onDelete={onDelete} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
