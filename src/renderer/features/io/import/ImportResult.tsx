import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format';
import { IoErrorAlert } from '../common/IoErrorAlert';
import type { ImportWizard } from './useImportWizard';

/** Step 5: what was written, as one operation that can be undone as a whole. */
export function ImportResult({ wizard }: { wizard: ImportWizard }) {
  const { t, i18n } = useTranslation();
  const { result, reverted } = wizard;
  if (!result) return null;
  const n = (x: number) => formatCount(x, i18n.language);
  const { counts } = result;
  return (
    <Stack gap="md" data-testid="import-result">
      <Alert color="teal" title={t('io.result.title')} data-testid="import-done">
        <Text size="sm">
          {t('io.result.summary', { create: n(counts.create), update: n(counts.update), skip: n(counts.skip + counts.excluded), reject: n(counts.reject) })}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t('io.result.auditNote')}
        </Text>
      </Alert>
      {reverted !== null && (
        <Alert color="blue" data-testid="import-undone">
          {t('io.result.undone', { count: reverted, formatted: n(reverted) })}
        </Alert>
      )}
      <IoErrorAlert error={wizard.undoCall.error} />
      <Group justify="space-between">
        <Button variant="default" onClick={wizard.restart} data-testid="import-again">
          {t('io.result.again')}
        </Button>
        <Button color="red" variant="light" onClick={() => void wizard.undoImport()} loading={wizard.undoCall.busy} disabled={reverted !== null} data-testid="import-undo">
          {t('io.result.undo')}
        </Button>
      </Group>
    </Stack>
  );
}
