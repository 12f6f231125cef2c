import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, FileInput, Grid, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListSource, TemplateCheck } from '../../../../shared/contract/io';
import { downloadFile, readFileBase64 } from '../common/file-bytes';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { JobProgressBar } from '../common/JobProgressBar';
import { SourcePicker } from '../common/SourcePicker';
import { INITIAL_SOURCE, toListSource, type SourceChoice } from '../common/source-model';
import { useMergeCalls } from '../common/useIo';
import { useJob } from '../common/useJob';
import { MergeFieldList } from './MergeFieldList';
import { TemplateCheckView } from './TemplateCheckView';
import { LetterLogOption } from '../../contact-log/LetterLogOption';

/** Mail merge: the user's own Word template, a source, a check, a preview, then one .docx or a zip. */
export function MergeTab() {
  const [source, setSource] = useState<SourceChoice>({ ...INITIAL_SOURCE, kind: 'selection' });
  return (
    <Grid gap="lg" data-testid="merge-tab">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <SourcePicker value={source} onChange={setSource} />
          <MergeCard source={toListSource(source)} on={source.on} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <MergeFieldList />
      </Grid.Col>
    </Grid>
  );
}

/**
 * The merge of one list: template, check, preview, output and download. The Import & export
 * tab gives it the source picked there, a list's menu the list itself.
 */
export function MergeCard({ source: listSource, on: onDate }: { source: ListSource | null; on: string | null }) {
  const { t } = useTranslation();
  const { check, preview } = useMergeCalls();
  const job = useJob('io.merge');
  const [template, setTemplate] = useState<{ name: string; bytes: string } | null>(null);
  const [result, setResult] = useState<TemplateCheck | null>(null);
  const [output, setOutput] = useState<'single' | 'perRecipient'>('single');
  const [allowUnknown, setAllowUnknown] = useState(false);
  const [letterSubject, setLetterSubject] = useState<string | null>(null);
  const [merged, setMerged] = useState<{ recipients: number; fileName: string } | null>(null);
  const on = onDate ? { on: onDate } : {};
  // Another list is another check.
  const sourceKey = JSON.stringify([listSource, onDate]);
  useEffect(() => setResult(null), [sourceKey]);
  const ready = Boolean(template && listSource);

  const choose = async (file: File | null) => {
    setResult(null);
    setMerged(null);
    setTemplate(file ? { name: file.name, bytes: await readFileBase64(file) } : null);
  };
  const runCheck = async () => {
    if (!template || !listSource) return;
    const r = await check.run({ template: template.bytes, source: listSource, ...on });
    setResult(r.ok ? r.value : null);
    setAllowUnknown(false);
  };
  const runPreview = async () => {
    if (!template || !listSource) return;
    const r = await preview.run({ template: template.bytes, source: listSource, index: 0, allowUnknown: true, ...on });
    if (r.ok) downloadFile(r.value);
  };
  const runMerge = async () => {
    if (!template || !listSource) return;
    setMerged(null);
    const r = await job.run({ template: template.bytes, source: listSource, output, allowUnknown, ...on, ...(letterSubject?.trim() ? { logLetter: { subject: letterSubject } } : {}) });
    if (r.ok) {
      downloadFile(r.value);
      setMerged({ recipients: r.value.recipients, fileName: r.value.fileName });
    }
  };
  const blocked = !result || (result.unknown.length > 0 && !allowUnknown) || result.recipients === 0;

  return (
    <Stack gap="md" data-testid="merge-card">
      <FileInput label={t('io.merge.template')} description={t('io.merge.templateHelp')} placeholder={t('io.merge.templatePlaceholder')} accept=".docx" onChange={(f) => void choose(f)} data-testid="merge-template" />
      <Group>
        <Button onClick={() => void runCheck()} disabled={!ready} loading={check.busy} data-testid="merge-check-button">
          {t('io.merge.check')}
        </Button>
        <Button variant="light" onClick={() => void runPreview()} disabled={!ready} loading={preview.busy} data-testid="merge-preview">
          {t('io.merge.preview')}
        </Button>
      </Group>
      <IoErrorAlert error={check.error ?? preview.error} />
      {result && <TemplateCheckView check={result} />}
      {result && (
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <Text size="sm" fw={500}>
              {t('io.merge.output')}
            </Text>
            <SegmentedControl
              value={output}
              onChange={(v) => setOutput(v as 'single' | 'perRecipient')}
              data={[
                { value: 'single', label: t('io.merge.outputSingle') },
                { value: 'perRecipient', label: t('io.merge.outputZip') },
              ]}
              data-testid="merge-output"
            />
            {result.unknown.length > 0 && (
              <Checkbox label={t('io.merge.allowUnknown')} checked={allowUnknown} onChange={(e) => setAllowUnknown(e.currentTarget.checked)} data-testid="merge-allow-unknown" />
            )}
            <LetterLogOption subject={letterSubject} onChange={setLetterSubject} defaultSubject={template?.name.replace(/\.docx$/i, '') ?? ''} />
            {job.busy && <JobProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
            <IoErrorAlert error={job.error} />
            {merged && (
              <Alert color="teal" data-testid="merge-done">
                {t('io.merge.done', { count: merged.recipients, file: merged.fileName })}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button onClick={() => void runMerge()} disabled={blocked || job.busy} loading={job.busy} data-testid="merge-download">
                {t('io.merge.download')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
