import { Alert, Button, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useImportTargets } from '../common/useIo';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { MappingRow } from './MappingRow';
import { SavedMappingBar } from './SavedMappingBar';
import { targetSelectData } from './target-options';
import type { ImportWizard } from './useImportWizard';

/** Step 2: every column of the file with sample values and the field it goes to (or "negeren"). */
export function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const targets = useImportTargets();
  const { inspection } = wizard;
  if (!inspection) return null;
  const data = targetSelectData(t, targets.data?.rows ?? []);
  const used = new Map<string, number>();
  for (const target of wizard.targets) if (target) used.set(target, (used.get(target) ?? 0) + 1);
  const mapped = wizard.targets.filter(Boolean).length;

  return (
    <Stack gap="md" data-testid="import-mapping-step">
      <Text size="sm" c="dimmed">
        {t('io.mapping.explain')}
      </Text>
      <IoErrorAlert error={targets.error} />
      <SavedMappingBar
        headers={inspection.columns.map((c) => c.header)}
        targets={wizard.targets}
        options={wizard.options}
        onLoad={wizard.loadMapping}
      />
      <ScrollArea.Autosize mah="60vh">
        <Table striped verticalSpacing="xs" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('io.mapping.header')}</Table.Th>
              <Table.Th>{t('io.mapping.samples')}</Table.Th>
              <Table.Th>{t('io.mapping.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspection.columns.map((c) => {
              const target = wizard.targets[c.column] ?? null;
              return (
                <MappingRow
                  key={c.column}
                  column={c}
                  target={target}
                  data={data}
                  duplicate={target !== null && (used.get(target) ?? 0) > 1}
                  onChange={(next) => wizard.setTarget(c.column, next)}
                />
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {mapped === 0 && <Alert color="yellow">{t('io.mapping.noneMapped')}</Alert>}
      <Group justify="space-between">
        <Button variant="default" onClick={() => wizard.goTo('file')}>
          {t('io.wizard.back')}
        </Button>
        <Button onClick={() => wizard.goTo('options')} disabled={mapped === 0} data-testid="import-to-options">
          {t('io.wizard.next')}
        </Button>
      </Group>
    </Stack>
  );
}
