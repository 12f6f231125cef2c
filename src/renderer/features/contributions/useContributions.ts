import type { EventName } from '../../../shared/contract/events';
import { useMutation, useQuery } from '../../rpc/useQuery';

const CHANGED: EventName[] = ['contributions.changed', 'relations.changed'];

export const useSchedules = () => useQuery('feeSchedules.list', {}, { refreshOn: CHANGED });
export const useRuns = () => useQuery('contributionRuns.list', {}, { refreshOn: CHANGED });
export const useMembershipTypes = () => useQuery('membershipTypes.list', {}, { refreshOn: ['memberships.changed'] });
export const useInvoices = (open: boolean, offset: number) => useQuery('invoices.list', { open, offset, limit: 100 }, { refreshOn: CHANGED });
export const useInvoice = (id: string | null) => useQuery('invoices.get', { id: id ?? '' }, { refreshOn: CHANGED, enabled: id !== null });
export const useOpenItems = (asOf: string) => useQuery('openItems.list', { asOf, limit: 200 }, { refreshOn: CHANGED });
export const useRelationContributions = (relationId: string) => useQuery('contributions.ofRelation', { relationId }, { refreshOn: CHANGED });

export function useContributionMutations() {
  return {
    saveSchedule: useMutation('feeSchedules.save'),
    run: useMutation('contributionRuns.run'),
    undo: useMutation('contributionRuns.undo'),
    pay: useMutation('payments.add'),
    credit: useMutation('invoices.credit'),
    markSent: useMutation('invoices.markSent'),
    remind: useMutation('reminders.run'),
    setSettings: useMutation('paymentSettings.set'),
  };
}
