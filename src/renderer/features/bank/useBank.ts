import type { EventName } from '../../../shared/contract/events';
import { useMutation, useQuery } from '../../rpc/useQuery';

const CHANGED: EventName[] = ['bank.changed', 'contributions.changed'];

export const useBankEntries = (status: 'matched' | 'unmatched', search: string) =>
  useQuery('bank.entries', { status, search: search || undefined, limit: 200 }, { refreshOn: CHANGED });
export const useBankReturns = () => useQuery('bank.returns', { limit: 200 }, { refreshOn: CHANGED });
export const useBankStatements = () => useQuery('bank.statements', { limit: 100 }, { refreshOn: CHANGED });
export const useBankSettings = () => useQuery('bank.getSettings', {}, { refreshOn: CHANGED });

export function useBankMutations() {
  return {
    preview: useMutation('bank.import'),
    commit: useMutation('bank.commit'),
    match: useMutation('bank.match'),
    ignore: useMutation('bank.ignore'),
    unmatch: useMutation('bank.unmatch'),
    setSettings: useMutation('bank.setSettings'),
  };
}
