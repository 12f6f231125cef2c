import { useCallback, useState } from 'react';
import type { AddressInput, RelationFieldsInput, RelationKind } from '../../../../shared/contract';
import { call, RpcError } from '../../../rpc/client';

export interface NewRelation {
  kind: RelationKind;
  fields: RelationFieldsInput;
  address?: AddressInput | undefined;
  typeCodes: string[];
  /** Organisations the new person works at (offered from the e-mail domain). */
  employerIds: string[];
}

export type CreateResult = { ok: true; id: string } | { ok: false; error: RpcError };

/** relations.create, then the employment links the user accepted. */
export function useCreateRelation() {
  const [busy, setBusy] = useState(false);
  const create = useCallback(async (input: NewRelation): Promise<CreateResult> => {
    setBusy(true);
    try {
      const created = await call('relations.create', {
        kind: input.kind,
        fields: input.fields,
        address: input.address,
        typeCodes: input.typeCodes,
      });
      if (input.employerIds.length) {
        const types = await call('linkTypes.list', {});
        const employment = types.rows.find((lt) => lt.code === 'employment');
        for (const orgId of employment ? input.employerIds : []) {
          await call('links.add', {
            linkTypeId: employment?.id ?? '',
            fromRelationId: created.id,
            toRelationId: orgId,
            link: { function: null, validFrom: null, validTo: null, notes: null },
          });
        }
      }
      return { ok: true, id: created.id };
    } catch (e) {
      return { ok: false, error: e instanceof RpcError ? e : new RpcError('relations.create', { code: 'INTERNAL' }) };
    } finally {
      setBusy(false);
    }
  }, []);
  return { create, busy };
}
