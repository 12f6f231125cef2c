import { Alert, Button, FileInput, Group, List, Loader, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format';
import { delimiterKey } from '../common/delimiters';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { importIssueText } from '../common/io-errors';
import type { ImportDelimiter, ImportEncoding } from './import-model';
import type { ImportWizard } from './useImportWizard';

const ENCODINGS: ImportEncoding[] = ['auto', 'utf-8', 'windows-1252', 'utf-16le'];
const DELIMITERS: ImportDelimiter[] = ['auto', ';', ',', '\t', '|'];

/** Step 1: the file, and how it was read (encoding, delimiter, sheet), with overrides. */
export function FileStep({ wizard }: { wizard: ImportWizard }) {
  const { t, i18n } = useTranslation();
  const { inspection, read } = wizard;
  const detected = (value: string | null, kind: 'encoding' | 'delimiter') =>
    value ? t(`io.file.${kind}Name.${kind === 'delimiter' ? delimiterKey(value) : value}`, { defaultValue: value }) : t('io.file.unknown');
  const delimiterLabel = (d: ImportDelimiter) => t(`io.file.delimiterName.${delimiterKey(d)}`);

  return (
    <Stack gap="md" data-testid="import-file-step">
      <FileInput
        label={t('io.file.choose')}
        description={t('io.file.chooseHelp')}
        placeholder={t('io.file.placeholder')}
        accept=".csv,.txt,.tsv,.xlsx"
        onChange={(f) => void wizard.chooseFile(f)}
        clearable={false}
        data-testid="import-file-input"
      />
      {wizard.file && (
        <Text size="sm" data-testid="import-file-name">
          {t('io.file.chosen', { name: wizard.file.name })}
        </Text>
      )}
      {wizard.inspecting && <Loader size="sm" />}
      <IoErrorAlert error={wizard.readError} />
      {inspection && (
        <>
          <Text size="sm" data-testid="import-detected">
            {t('io.file.detected', {
              format: inspection.format.toUpperCase(),
              rows: formatCount(inspection.rowCount, i18n.language),
              columns: inspection.columns.length,
            })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {inspection.format === 'csv' && (
              <Select
                label={t('io.file.encoding')}
                description={t('io.file.detectedValue', { value: detected(inspection.encoding, 'encoding') })}
                data={ENCODINGS.map((e) => ({ value: e, label: t(`io.file.encodingName.${e}`) }))}
                value={read.encoding}
                onChange={(v) => v && void wizard.changeRead({ ...read, encoding: v as ImportEncoding })}
                allowDeselect={false}
                data-testid="import-encoding"
              />
            )}
            {inspection.format === 'csv' && (
              <Select
                label={t('io.file.delimiter')}
                description={t('io.file.detectedValue', { value: detected(inspection.delimiter, 'delimiter') })}
                data={DELIMITERS.map((d) => ({ value: d, label: delimiterLabel(d) }))}
                value={read.delimiter}
                onChange={(v) => v && void wizard.changeRead({ ...read, delimiter: v as ImportDelimiter })}
                allowDeselect={false}
                data-testid="import-delimiter"
              />
            )}
            {inspection.format === 'xlsx' && (
              <Select
                label={t('io.file.sheet')}
                data={inspection.sheets}
                value={read.sheet ?? inspection.sheet}
                onChange={(v) => v && void wizard.changeRead({ ...read, sheet: v })}
                allowDeselect={false}
                data-testid="import-sheet"
              />
            )}
          </SimpleGrid>
          {inspection.fileIssues.length > 0 && (
            <Alert color="yellow" title={t('io.file.issuesTitle')} data-testid="import-file-issues">
              <List size="sm">
                {inspection.fileIssues.slice(0, 20).map((issue, i) => (
                  <List.Item key={i}>{importIssueText(t, issue)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={() => wizard.goTo('mapping')} disabled={inspection.columns.length === 0} data-testid="import-to-mapping">
              {t('io.wizard.next')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
