import { useCallback, useState } from 'react';
import type { ImportOptions, ImportReport, SavedMappingDto } from '../../../../shared/contract/io';
import { loadLastImport, storeLastImport, type LastImport } from './last-import';
import type { RpcError } from '../../../rpc/client';
import { readFileBase64 } from '../common/file-bytes';
import { useJob } from '../common/useJob';
import { useImportCalls } from '../common/useIo';
import {
  applySaved,
  DEFAULT_OPTIONS,
  ROW_WINDOW,
  toColumnMapping,
  withSavedOptions,
  type ChosenFile,
  type Inspection,
  type ReadSettings,
} from './import-model';

export type ImportStep = 'file' | 'mapping' | 'options' | 'preview' | 'done';

const AUTO: ReadSettings = { encoding: 'auto', delimiter: 'auto' };

/**
 * The whole import as one state machine: file → detected settings → mapping → options →
 * dry run → commit → (undo). Every step keeps the file's bytes, so going back and changing
 * a mapping or an option simply runs the dry run again.
 */
export function useImportWizard() {
  const { inspect, undo } = useImportCalls();
  // The run functions are stable; the objects around them are new on every render.
  const inspectRun = inspect.run;
  const undoRun = undo.run;
  const previewJob = useJob('io.previewImport');
  const commitJob = useJob('io.commitImport');
  const previewRun = previewJob.run;
  const commitRun = commitJob.run;
  const [result, setResultState] = useState<LastImport | null>(loadLastImport);
  const [step, setStep] = useState<ImportStep>(() => (result ? 'done' : 'file'));
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [read, setRead] = useState<ReadSettings>(AUTO);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [targets, setTargets] = useState<(string | null)[]>([]);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [rowOffset, setRowOffset] = useState(0);
  const [readError, setReadError] = useState<RpcError | null>(null);

  const runInspect = useCallback(
    async (chosen: ChosenFile, settings: ReadSettings) => {
      setReadError(null);
      const r = await inspectRun({ file: chosen.bytes, fileName: chosen.name, read: settings });
      if (!r.ok) {
        setInspection(null);
        setReadError(r.error);
        return;
      }
      setInspection(r.value);
      setTargets(r.value.columns.map((c) => c.suggested));
    },
    [inspectRun],
  );

  const setResult = useCallback((next: LastImport | null) => {
    setResultState(next);
    storeLastImport(next);
  }, []);

  const chooseFile = useCallback(
    async (blob: File | null) => {
      setReport(null);
      setResult(null);
      setStep('file');
      if (!blob) {
        setFile(null);
        setInspection(null);
        return;
      }
      const chosen = { name: blob.name, size: blob.size, bytes: await readFileBase64(blob) };
      setFile(chosen);
      setRead(AUTO);
      await runInspect(chosen, AUTO);
    },
    [runInspect, setResult],
  );

  const changeRead = useCallback(
    async (next: ReadSettings) => {
      setRead(next);
      if (file) await runInspect(file, next);
    },
    [file, runInspect],
  );

  const setTarget = useCallback((column: number, target: string | null) => {
    setTargets((ts) => ts.map((t, i) => (i === column ? target : t)));
  }, []);

  const loadMapping = useCallback(
    (saved: SavedMappingDto) => {
      if (!inspection) return;
      setTargets((ts) => applySaved(inspection.columns.map((c) => c.header), ts, saved));
      setOptions((o) => withSavedOptions(o, saved.options));
    },
    [inspection],
  );

  const importInput = useCallback(
    (offset: number, limit: number) => {
      if (!file) throw new Error('no file');
      return { file: file.bytes, fileName: file.name, read, mapping: toColumnMapping(targets), options, rowOffset: offset, rowLimit: limit };
    },
    [file, read, targets, options],
  );

  const preview = useCallback(
    async (offset = 0) => {
      setStep('preview');
      const r = await previewRun(importInput(offset, ROW_WINDOW));
      if (r.ok) {
        setReport(r.value);
        setRowOffset(offset);
      }
    },
    [previewRun, importInput],
  );

  const commit = useCallback(async () => {
    // The report's rows are already on screen; the commit only needs its counts back.
    const r = await commitRun(importInput(0, 0));
    if (r.ok) {
      setResult({ operationId: r.value.operationId, fileName: r.value.fileName, counts: r.value.counts, reverted: null });
      setStep('done');
    }
  }, [commitRun, importInput, setResult]);

  const undoImport = useCallback(async () => {
    if (!result) return;
    const r = await undoRun({ operationId: result.operationId });
    if (r.ok) setResult({ ...result, reverted: r.value.reverted });
  }, [result, undoRun, setResult]);

  const goTo = useCallback((next: ImportStep) => {
    if (next !== 'preview') setReport(null);
    setStep(next);
  }, []);

  return {
    step,
    goTo,
    file,
    chooseFile,
    read,
    changeRead,
    inspection,
    inspecting: inspect.busy,
    readError,
    targets,
    setTarget,
    loadMapping,
    options,
    setOptions,
    preview,
    previewJob,
    report,
    rowOffset,
    commit,
    commitJob,
    result,
    undoImport,
    undoCall: undo,
    reverted: result?.reverted ?? null,
    restart: () => void chooseFile(null),
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
