import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format';
import type { JobProgress } from './useJob';

interface Props {
  progress: JobProgress | null;
  onCancel: () => void;
  cancelling: boolean;
}

/** How far a long call is ("Controleren: 12.000 van 100.000 rijen") with a Cancel button. */
export function JobProgressBar({ progress, onCancel, cancelling }: Props) {
  const { t, i18n } = useTranslation();
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const value = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  const phase = progress?.phase ? t(`io.progress.phase.${progress.phase}`, { defaultValue: progress.phase }) : t('io.progress.starting');
  return (
    <Stack gap={4} data-testid="job-progress" role="status" aria-live="polite">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {total > 0
            ? t('io.progress.of', { phase, done: formatCount(done, i18n.language), total: formatCount(total, i18n.language) })
            : phase}
        </Text>
        {/* The commit writes in one transaction: once it runs, it cannot be stopped half-way. */}
        {progress?.phase !== 'commit' && (
          <Button size="xs" variant="default" color="red" onClick={onCancel} loading={cancelling} data-testid="job-cancel">
            {t('io.progress.cancel')}
          </Button>
        )}
      </Group>
      <Progress value={value} animated={total === 0 || value < 100} striped={total === 0} aria-label={phase} />
    </Stack>
  );
}
