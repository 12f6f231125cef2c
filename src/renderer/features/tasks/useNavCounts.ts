import { useQuery } from '../../rpc/useQuery';
import { TASK_EVENTS } from './TodayPage';

/** The numbers the navigation shows: tasks due (overdue included) and open change requests. */
export function useNavCounts(): Partial<Record<string, number>> {
  const due = useQuery('tasks.count', {}, { refreshOn: TASK_EVENTS });
  const open = useQuery('requests.list', { status: 'open' }, { refreshOn: ['requests.changed'] });
  return { today: due.data?.due ?? 0, requests: open.data?.rows.length ?? 0 };
}
