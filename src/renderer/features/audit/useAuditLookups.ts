import { useMemo } from 'react';
import { useCustomFields, useLinkTypes, useRelationTypes, useTags } from '../classification/useClassification';
import type { AuditLookups } from './audit-format';

/** Turns ids in audit rows into the names the user knows. */
export function useAuditLookups(): AuditLookups {
  const types = useRelationTypes();
  const tags = useTags();
  const fields = useCustomFields();
  const links = useLinkTypes();
  return useMemo(() => {
    const map = <T extends { id: string }>(rows: T[] | undefined, name: (r: T) => string) =>
      new Map((rows ?? []).map((r) => [r.id, name(r)]));
    const t = map(types.data?.rows, (r) => r.name);
    const g = map(tags.data?.rows, (r) => r.name);
    const f = map(fields.data?.rows, (r) => r.label);
    const l = map(links.data?.rows, (r) => r.name);
    return {
      relationType: (id) => t.get(id),
      tag: (id) => g.get(id),
      customField: (id) => f.get(id),
      linkType: (id) => l.get(id),
    };
  }, [types.data, tags.data, fields.data, links.data]);
}
