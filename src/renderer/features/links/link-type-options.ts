import type { LinkTypeDto, RelationKind } from '../../../shared/contract';

export interface LinkTypeOption {
  value: string;
  label: string;
  linkTypeId: string;
  /** 'from': this relation is the link's from side ("werkt bij"); 'to': the other one is. */
  side: 'from' | 'to';
  otherKind: 'person' | 'organisation' | 'both';
}

function fits(scope: LinkTypeDto['fromKind'], kind: RelationKind): boolean {
  return scope === 'both' || scope === kind;
}

/** Both readings of every link type that fit this relation: "werkt bij" and "heeft als medewerker". */
export function linkTypeOptions(types: LinkTypeDto[], kind: RelationKind): LinkTypeOption[] {
  const out: LinkTypeOption[] = [];
  for (const lt of types) {
    if (fits(lt.fromKind, kind)) out.push({ value: `${lt.id}:from`, label: lt.name, linkTypeId: lt.id, side: 'from', otherKind: lt.toKind });
    if (!lt.symmetric && fits(lt.toKind, kind)) {
      out.push({ value: `${lt.id}:to`, label: lt.reverseName, linkTypeId: lt.id, side: 'to', otherKind: lt.fromKind });
    }
  }
  return out;
}
