import type { GroupDto } from '../../../shared/contract';

export interface GroupNode {
  group: GroupDto;
  children: GroupNode[];
}

/** The flat list as a tree (list order kept); a group whose parent is missing becomes a root. */
export function buildGroupTree(groups: GroupDto[]): GroupNode[] {
  const nodes = new Map(groups.map((group) => [group.id, { group, children: [] as GroupNode[] }]));
  const roots: GroupNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.group.parentId ? nodes.get(node.group.parentId) : undefined;
    (parent && parent !== node ? parent.children : roots).push(node);
  }
  return roots;
}

/** The group and everything below it: none of these can become its parent. */
export function selfAndDescendants(groups: GroupDto[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups) {
      if (g.parentId && out.has(g.parentId) && !out.has(g.id)) {
        out.add(g.id);
        grew = true;
      }
    }
  }
  return out;
}

/** "Bestuur › Kascommissie": where a group sits, for pickers. */
export function groupPath(groups: GroupDto[], id: string): string {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const names: string[] = [];
  let g = byId.get(id);
  for (let guard = 0; g && guard < 50; guard++) {
    names.unshift(g.name);
    g = g.parentId ? byId.get(g.parentId) : undefined;
  }
  return names.join(' › ');
}
