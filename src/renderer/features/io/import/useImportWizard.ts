import { useCallback, useState } from 'react';
import type { ImportOptions, SavedMappingDto } from '../../../../shared/contract/io';
import type { Output } from '../../../../shared/contract';
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
 * dry run → commit → (undo). The file is sent once, to inspection; the core holds it as read
 * (`inspection.source`), and each dry run is a plan the core holds: its rows are paged from
 * it and the commit writes exactly that plan. Going back and changing a mapping or an option
 * makes a new plan from the same held file.
 */
export function useImportWizard() {
  const { inspect, rows, undo } = useImportCalls();
  // The run functions are stable; the objects around them are new on every render.
  const inspectRun = inspect.run;
  const rowsRun = rows.run;
  const undoRun = undo.run;
  const previewJob = useJob('io.planImport');
  const commitJob = useJob('io.commitImportPlan');
  const previewRun = previewJob.run;
  const commitRun = commitJob.run;
  const [result, setResultState] = useState<LastImport | null>(loadLastImport);
  const [step, setStep] = useState<ImportStep>(() => (result ? 'done' : 'file'));
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [read, setRead] = useState<ReadSettings>(AUTO);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [targets, setTargets] = useState<(string | null)[]>([]);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [report, setReport] = useState<Output<'io.planImport'> | null>(null);
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

  const preview = useCallback(async () => {
    if (!inspection) return;
    setStep('preview');
    const r = await previewRun({ sourceId: inspection.source.planId, mapping: toColumnMapping(targets), options, rowOffset: 0, rowLimit: ROW_WINDOW });
    if (r.ok) {
      setReport(r.value);
      setRowOffset(0);
    }
  }, [previewRun, inspection, targets, options]);

  /** Another window of the dry run's rows, paged from the held plan. */
  const showRows = useCallback(
    async (offset: number) => {
      if (!report) return;
      const r = await rowsRun({ planId: report.plan.planId, rowOffset: offset, rowLimit: ROW_WINDOW });
      if (r.ok) {
        setReport(r.value);
        setRowOffset(offset);
      }
    },
    [rowsRun, report],
  );

  const commit = useCallback(async () => {
    if (!report) return;
    const r = await commitRun({ planId: report.plan.planId });
    if (r.ok) {
      setResult({ operationId: r.value.operationId, fileName: r.value.fileName, counts: r.value.counts, reverted: null });
      setStep('done');
    }
  }, [commitRun, report, setResult]);

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
    showRows,
    rowsError: rows.error,
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
