import { Checkbox, Stack } from '@mantine/core';
import type { TagNode } from './tag-tree';

interface Props {
  node: TagNode;
  checked: Set<string>;
  onToggle: (id: string, on: boolean) => void;
  disabled?: boolean;
}

/** A tag with its checkbox; each tag is chosen on its own (a parent counts through rules, not here). */
export function TagTreeNode({ node, checked, onToggle, disabled }: Props) {
  return (
    <Stack gap={4}>
      <Checkbox
        label={node.tag.name}
        checked={checked.has(node.tag.id)}
        disabled={disabled}
        onChange={(e) => onToggle(node.tag.id, e.currentTarget.checked)}
        data-testid="tag-checkbox"
      />
      {node.children.length > 0 && (
        <Stack gap={4} pl="lg">
          {node.children.map((c) => (
            <TagTreeNode key={c.tag.id} node={c} checked={checked} onToggle={onToggle} disabled={disabled} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
