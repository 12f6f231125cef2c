import { Stack } from '@mantine/core';
import { HistoryList } from './HistoryList';

export function HistoryTab({ relationId }: { relationId: string }) {
  return (
    <Stack maw={900} gap="sm" data-testid="history-tab">
      <HistoryList relationId={relationId} />
    </Stack>
  );
}
