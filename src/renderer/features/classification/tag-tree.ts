import type { TagDto } from '../../../shared/contract';

export interface TagNode {
  tag: TagDto;
  children: TagNode[];
}

/** The flat tag list as a tree (position order); orphans of a missing parent become roots. */
export function buildTagTree(tags: TagDto[]): TagNode[] {
  const nodes = new Map(tags.map((tag) => [tag.id, { tag, children: [] as TagNode[] }]));
  const roots: TagNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.tag.parentId ? nodes.get(node.tag.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
