import type { EventName } from '../../../shared/contract/events';
import { useMutation, useQuery } from '../../rpc/useQuery';

const CHANGED: EventName[] = ['sepa.changed', 'contributions.changed', 'relations.changed'];

export const useCreditor = () => useQuery('sepa.getCreditor', {}, { refreshOn: CHANGED });
export const useBatches = () => useQuery('sepaBatches.list', { limit: 100 }, { refreshOn: CHANGED });
export const useRelationMandates = (relationId: string) => useQuery('mandates.list', { relationId, limit: 50 }, { refreshOn: CHANGED });

export function useSepaMutations() {
  return {
    setCreditor: useMutation('sepa.setCreditor'),
    collect: useMutation('sepaBatches.collect'),
    refunds: useMutation('sepaBatches.refunds'),
    createMandate: useMutation('mandates.create'),
    amendMandate: useMutation('mandates.amend'),
    revokeMandate: useMutation('mandates.revoke'),
  };
}
