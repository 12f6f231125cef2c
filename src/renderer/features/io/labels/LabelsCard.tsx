import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListSource } from '../../../../shared/contract/io';
import { downloadFile } from '../common/file-bytes';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { JobProgressBar } from '../common/JobProgressBar';
import { useLabelSheets } from '../common/useIo';
import { useJob } from '../common/useJob';
import { PrintOptions, type PrintSettings } from './PrintOptions';

interface Props {
  source: ListSource | null;
  on: string | null;
  print: PrintSettings;
  onPrint: (p: PrintSettings) => void;
}

/** Address labels on a standard sheet, optionally with own margins and a partly used first sheet. */
export function LabelsCard({ source, on, print, onPrint }: Props) {
  const { t } = useTranslation();
  const sheets = useLabelSheets();
  const job = useJob('io.labels');
  const rows = sheets.data?.rows ?? [];
  const [sheetId, setSheetId] = useState<string | null>(null);
  const [startAt, setStartAt] = useState(1);
  const [ownMargins, setOwnMargins] = useState(false);
  const [margins, setMargins] = useState({ top: 0, left: 0 });
  const [done, setDone] = useState<{ labels: number; pages: number; skipped: number } | null>(null);
  const chosen = rows.find((r) => r.id === sheetId) ?? rows[0];

  const pick = (id: string | null) => {
    setSheetId(id);
    const s = rows.find((r) => r.id === id);
    if (s) setMargins({ top: s.sheet.marginTopMm, left: s.sheet.marginLeftMm });
  };
  const run = async () => {
    if (!source || !chosen) return;
    setDone(null);
    const sheet = ownMargins ? { ...chosen.sheet, marginTopMm: margins.top, marginLeftMm: margins.left } : chosen.id;
    const r = await job.run({ source, sheet, startAt, ...print, ...(on ? { on } : {}) });
    if (r.ok) {
      downloadFile(r.value);
      setDone({ labels: r.value.labels, pages: r.value.pages, skipped: r.value.skipped });
    }
  };

  return (
    <Paper withBorder p="md" data-testid="labels-card">
      <Stack gap="sm">
        <Text fw={600}>{t('io.labels.title')}</Text>
        <Select
          label={t('io.labels.sheet')}
          data={rows.map((r) => ({ value: r.id, label: r.name }))}
          value={chosen?.id ?? null}
          onChange={pick}
          allowDeselect={false}
          data-testid="labels-sheet"
        />
        <Group align="flex-end" gap="sm">
          <NumberInput label={t('io.labels.startAt')} description={t('io.labels.startAtHelp')} min={1} max={chosen ? chosen.sheet.columns * chosen.sheet.rows : 400} value={startAt} onChange={(v) => setStartAt(typeof v === 'number' ? v : 1)} w={200} />
          <Checkbox label={t('io.labels.ownMargins')} checked={ownMargins} onChange={(e) => setOwnMargins(e.currentTarget.checked)} mb={8} />
        </Group>
        {ownMargins && (
          <Group gap="sm">
            <NumberInput label={t('io.labels.marginTop')} min={0} max={100} decimalScale={1} decimalSeparator="," value={margins.top} onChange={(v) => setMargins((m) => ({ ...m, top: Number(v) || 0 }))} w={160} />
            <NumberInput label={t('io.labels.marginLeft')} min={0} max={100} decimalScale={1} decimalSeparator="," value={margins.left} onChange={(v) => setMargins((m) => ({ ...m, left: Number(v) || 0 }))} w={160} />
          </Group>
        )}
        <PrintOptions value={print} onChange={onPrint} />
        {job.busy && <JobProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
        <IoErrorAlert error={job.error ?? sheets.error} />
        {done && (
          <Alert color="teal" data-testid="labels-done">
            {t('io.labels.done', { count: done.labels, pages: done.pages })}
            {done.skipped > 0 && ` ${t('io.labels.skipped', { count: done.skipped })}`}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void run()} disabled={!source || !chosen || job.busy} loading={job.busy} data-testid="labels-download">
            {t('io.labels.download')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
