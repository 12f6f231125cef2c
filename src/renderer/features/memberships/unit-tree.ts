import type { UnitDto } from '../../../shared/contract';

export interface UnitNode {
  unit: UnitDto;
  depth: number;
  children: UnitNode[];
}

type Placement = UnitDto['placements'][number];

const covers = (p: Placement, day: string) => (p.validFrom === null || p.validFrom <= day) && (p.validTo === null || p.validTo > day);

/**
 * Where a unit hangs on `day`. A unit that has not started yet (or has stopped) has no
 * placement then; it is shown greyed where it will hang (or last hung), not as a new root.
 */
export function parentOn(unit: UnitDto, day: string): string | null {
  const now = unit.placements.find((p) => covers(p, day));
  if (now) return now.parentId;
  const sorted = [...unit.placements].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
  const next = sorted.find((p) => p.validFrom !== null && p.validFrom > day);
  return (next ?? sorted[sorted.length - 1])?.parentId ?? null;
}

/** The unit tree as it is on `day`, children by name; a loop in the data never hangs the UI. */
export function buildUnitTree(units: UnitDto[], day: string): UnitNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string | null, UnitDto[]>();
  for (const u of units) {
    const parent = parentOn(u, day);
    const key = parent !== null && byId.has(parent) ? parent : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (children.get(parent) ?? [])
      .filter((u) => !seen.has(u.id) && (seen.add(u.id), true))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  return build(null, 0);
}

/** Depth-first order, e.g. for a parent picker ("— Afdeling Oost"). */
export function flattenTree(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The unit and everything below it on `day` (a unit cannot be moved under those). */
export function subtreeIds(nodes: UnitNode[], id: string): Set<string> {
  for (const n of flattenTree(nodes)) if (n.unit.id === id) return new Set(flattenTree([n]).map((x) => x.unit.id));
  return new Set([id]);
}

/** 'Nederland › Utrecht › Afdeling Oost' on `day`. */
export function unitPath(units: UnitDto[], id: string, day: string): UnitDto[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: UnitDto[] = [];
  for (let cur = byId.get(id); cur && !path.includes(cur); cur = byId.get(parentOn(cur, day) ?? '')) path.unshift(cur);
  return path;
}
