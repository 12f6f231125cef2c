import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format';
import { delimiterKey } from '../common/delimiters';
import { downloadFile } from '../common/file-bytes';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { JobProgressBar } from '../common/JobProgressBar';
import { SourcePicker } from '../common/SourcePicker';
import { INITIAL_SOURCE, toListSource, type SourceChoice } from '../common/source-model';
import { useExportColumns } from '../common/useIo';
import { useJob } from '../common/useJob';
import { ColumnChooser } from './ColumnChooser';
import { ColumnSetBar } from './ColumnSetBar';

type Delimiter = ';' | ',' | '\t';
type Encoding = 'utf-8-bom' | 'utf-8' | 'windows-1252';
const DELIMITERS: Delimiter[] = [';', ',', '\t'];

/** What a Word mail merge or an address list usually needs. */
const DEFAULT_COLUMNS = ['nummer', 'tenaamstelling', 'aanhef', 'adresregel_1', 'adresregel_2', 'email'];

/** A list to CSV or Excel: source, format, columns in order, then a download. */
export function ExportTab() {
  const { t, i18n } = useTranslation();
  const catalogue = useExportColumns();
  const job = useJob('io.export');
  const [source, setSource] = useState<SourceChoice>(INITIAL_SOURCE);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [delimiter, setDelimiter] = useState<Delimiter>(';');
  const [encoding, setEncoding] = useState<Encoding>('utf-8-bom');
  const [dates, setDates] = useState<'nl' | 'iso'>('nl');
  const [columns, setColumns] = useState<string[]>([]);
  const [done, setDone] = useState<{ rows: number; fileName: string; replaced: number } | null>(null);
  const available = catalogue.data?.rows ?? [];

  // Start with a sensible set once the catalogue is known; the user's own choice is never overwritten.
  useEffect(() => {
    if (catalogue.data) setColumns((c) => (c.length ? c : DEFAULT_COLUMNS.filter((k) => catalogue.data?.rows.some((r) => r.key === k))));
  }, [catalogue.data]);

  const listSource = toListSource(source);
  const run = async () => {
    if (!listSource) return;
    setDone(null);
    const r = await job.run({ source: listSource, format, columns, csv: { delimiter, encoding, dates }, ...(source.on ? { on: source.on } : {}) });
    if (r.ok) {
      downloadFile(r.value);
      setDone({ rows: r.value.rows, fileName: r.value.fileName, replaced: r.value.replacedCharacters });
    }
  };

  return (
    <Stack gap="md" data-testid="export-tab">
      <SourcePicker value={source} onChange={setSource} />
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('io.export.format')}
            </Text>
            <SegmentedControl
              value={format}
              onChange={(v) => setFormat(v as 'csv' | 'xlsx')}
              data={[
                { value: 'xlsx', label: t('io.export.xlsx') },
                { value: 'csv', label: t('io.export.csv') },
              ]}
              data-testid="export-format"
            />
          </Stack>
          {format === 'csv' && (
            <>
              <Select
                label={t('io.file.delimiter')}
                data={DELIMITERS.map((d) => ({ value: d, label: t(`io.file.delimiterName.${delimiterKey(d)}`) }))}
                value={delimiter}
                onChange={(v) => v && setDelimiter(v as Delimiter)}
                allowDeselect={false}
                w={200}
              />
              <Select
                label={t('io.file.encoding')}
                data={(['utf-8-bom', 'utf-8', 'windows-1252'] as const).map((e) => ({ value: e, label: t(`io.export.encodingName.${e}`) }))}
                value={encoding}
                onChange={(v) => v && setEncoding(v as Encoding)}
                allowDeselect={false}
                w={260}
              />
              <Select
                label={t('io.export.dates')}
                data={(['nl', 'iso'] as const).map((d) => ({ value: d, label: t(`io.export.datesName.${d}`) }))}
                value={dates}
                onChange={(v) => v && setDates(v as 'nl' | 'iso')}
                allowDeselect={false}
                w={200}
              />
            </>
          )}
        </Group>
      </Paper>
      <ColumnSetBar columns={columns} onLoad={setColumns} />
      <IoErrorAlert error={catalogue.error} />
      <ColumnChooser available={available} chosen={columns} onChange={setColumns} />
      {job.busy && <JobProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
      <IoErrorAlert error={job.error} />
      {done && (
        <Alert color="teal" data-testid="export-done">
          {t('io.export.done', { count: done.rows, formatted: formatCount(done.rows, i18n.language), file: done.fileName })}
          {done.replaced > 0 && ` ${t('io.export.replaced', { count: done.replaced })}`}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={() => void run()} disabled={!listSource || columns.length === 0 || job.busy} loading={job.busy} data-testid="export-download">
          {t('io.export.download')}
        </Button>
      </Group>
    </Stack>
  );
}
