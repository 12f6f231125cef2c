import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../../../../shared/contract/io';
import { useRelationTypes } from '../../classification/useClassification';
import { MatchKeyList } from './MatchKeyList';
import { RadioChoice as Choice } from './RadioChoice';
import type { ImportWizard } from './useImportWizard';

/** Step 3: how rows find existing relations and what happens to matches, new rows and bad cells. */
export function OptionsStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const types = useRelationTypes();
  const { options } = wizard;
  const set = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K]) => wizard.setOptions({ ...options, [key]: value });
  const membershipMapped = wizard.targets.some((x) => x === 'memberSince' || x === 'memberUntil');

  return (
    <Stack gap="md" data-testid="import-options-step">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <Stack gap="md">
            <MatchKeyList value={options.matchKeys} onChange={(v) => set('matchKeys', v)} />
            <Choice label={t('io.options.onMatch')} value={options.onMatch} values={['update', 'skip']} onChange={(v) => set('onMatch', v)} prefix="io.options.onMatchValue" testId="option-on-match" />
            <Checkbox label={t('io.options.createNew')} checked={options.createNew} onChange={(e) => set('createNew', e.currentTarget.checked)} data-testid="option-create-new" />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="md">
            <Choice
              label={t('io.options.invalidValues')}
              value={options.invalidValues}
              values={['rejectRow', 'skipField']}
              onChange={(v) => set('invalidValues', v)}
              prefix="io.options.invalidValue"
              testId="option-invalid"
            />
            <Choice label={t('io.options.emptyCells')} value={options.emptyCells} values={['keep', 'clear']} onChange={(v) => set('emptyCells', v)} prefix="io.options.emptyCell" testId="option-empty" />
            {membershipMapped && (
              <Select
                label={t('io.options.memberSinceType')}
                description={t('io.options.memberSinceTypeHelp')}
                data={(types.data?.rows ?? []).map((r) => ({ value: r.code, label: r.name }))}
                value={options.memberSinceType}
                onChange={(v) => v && set('memberSinceType', v)}
                allowDeselect={false}
              />
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Group justify="space-between">
        <Button variant="default" onClick={() => wizard.goTo('mapping')}>
          {t('io.wizard.back')}
        </Button>
        <Button onClick={() => void wizard.preview()} disabled={options.matchKeys.length === 0 && !options.createNew} data-testid="import-dry-run">
          {t('io.options.dryRun')}
        </Button>
      </Group>
    </Stack>
  );
}
