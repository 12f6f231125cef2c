import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, requiredText } from './fields';
import { condition, evaluationMoment } from './conditions';

/**
 * Data exchange: CSV/Excel import and export, mail merge into Word, labels and envelopes.
 * Files travel as base64 bytes in both directions; the core never receives a path from
 * the renderer. Long calls accept a `jobId`: the host then gets `import.progressed` /
 * `io.progressed` events for it, and `io.cancel` stops it between chunks.
 */

/** File contents, base64-encoded. */
export const fileBytes = z.base64();
const fileName = requiredText(255);
const jobId = z.string().min(1).max(64).optional();
const name = requiredText(120, 'NAME_REQUIRED');

/** The output of every file-producing method: the bytes plus what to call them. */
export const fileOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  bytes: fileBytes,
});
export type FileOutput = z.infer<typeof fileOutput>;

// ── import ─────────────────────────────────────────────────────────────────

export const importEncoding = z.enum(['auto', 'utf-8', 'windows-1252', 'utf-16le']);
export const importDelimiter = z.enum(['auto', ';', ',', '\t', '|']);

export const readOptions = z.object({
  encoding: importEncoding.default('auto'),
  delimiter: importDelimiter.default('auto'),
  /** Excel: the sheet to read; the first one when absent. */
  sheet: z.string().max(100).optional(),
});

/**
 * A target field of the import: a key of `io.importTargets` ('lastName', 'postcode',
 * 'memberSince', …) or 'custom:<code>' for a custom field.
 */
export const importTarget = z.string().regex(/^(?:[a-zA-Z][a-zA-Z0-9]*|custom:[a-z0-9][a-z0-9_-]*)$/, { message: 'TARGET_INVALID' });

/** Column (0-based position in the file) → target, or null to ignore the column. */
export const columnMapping = z.array(z.object({ column: z.number().int().min(0).max(1000), target: importTarget.nullable() }));
export type ColumnMapping = z.infer<typeof columnMapping>;

export const matchKey = z.enum(['number', 'email', 'nameBirthPostcode']);
export type MatchKey = z.infer<typeof matchKey>;

const importOptionFields = {
  /** Keys tried in this order to find an existing relation. */
  matchKeys: z.array(matchKey).max(3),
  /** What happens to rows that match an existing relation. */
  onMatch: z.enum(['update', 'skip']),
  /** Rows without a match create a relation; false skips them. */
  createNew: z.boolean(),
  /** An invalid cell rejects its row, or (skipField) only that cell is left out, as a warning. */
  invalidValues: z.enum(['rejectRow', 'skipField']),
  /** An empty cell keeps the stored value, or clears it. */
  emptyCells: z.enum(['keep', 'clear']),
  /** The relation type a 'Lid sinds' date assigns. */
  memberSinceType: requiredText(60),
  /** Row numbers (as in the report) the user left out in the preview. */
  excludeRows: z.array(z.number().int().min(2)).max(200_000),
};

/** Options as saved with a mapping: only what the user set. */
export const importOptionsPatch = z.object(importOptionFields).partial();

export const importOptions = z.object({
  matchKeys: importOptionFields.matchKeys.default(['number', 'email', 'nameBirthPostcode']),
  onMatch: importOptionFields.onMatch.default('update'),
  createNew: importOptionFields.createNew.default(true),
  invalidValues: importOptionFields.invalidValues.default('rejectRow'),
  emptyCells: importOptionFields.emptyCells.default('keep'),
  memberSinceType: importOptionFields.memberSinceType.default('lid'),
  excludeRows: importOptionFields.excludeRows.default([]),
});
export type ImportOptionsInput = z.input<typeof importOptions>;
export type ImportOptions = z.output<typeof importOptions>;

/** Which row outcomes a report returns (counts always cover the whole file). */
const rowWindow = {
  rowOffset: z.number().int().min(0).default(0),
  rowLimit: z.number().int().min(0).max(200_000).default(200_000),
};

const importFile = {
  file: fileBytes,
  fileName,
  read: readOptions.prefault({}),
};

export const importInput = z.object({
  ...importFile,
  /** When absent: the saved mapping `mappingName`, else the suggested one. */
  mapping: columnMapping.optional(),
  mappingName: z.string().max(120).optional(),
  options: importOptions.prefault({}),
  ...rowWindow,
  jobId,
});
export type ImportInput = z.input<typeof importInput>;
export type ParsedImportInput = z.output<typeof importInput>;

export const importSeverity = z.enum(['error', 'warning']);

/** One problem in the file: row as Excel numbers it (header = 1), the column's header, a code, the raw cell. */
export const importIssue = z.object({
  row: z.number().int(),
  column: z.number().int().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  severity: importSeverity,
  raw: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const fieldChange = z.object({
  /** Target key ('postcode', 'custom:contributie', 'memberSince'). */
  field: z.string(),
  old: z.string().nullable(),
  new: z.string().nullable(),
});
export type FieldChange = z.infer<typeof fieldChange>;

export const rowOutcome = z.object({
  row: z.number().int(),
  outcome: z.enum(['create', 'update', 'skip', 'reject']),
  /** Why, as codes: MATCHED_BY_NUMBER, NO_MATCH, IDENTICAL, EXCLUDED, HAS_ERRORS, … */
  reasons: z.array(z.string()),
  relationId: id.nullable(),
  number: z.number().int().nullable(),
  displayName: z.string(),
  matchedBy: matchKey.nullable(),
  changes: z.array(fieldChange),
  issues: z.array(importIssue),
  /** Other rows of the file that look like the same relation. */
  duplicateOfRows: z.array(z.number().int()),
});
export type RowOutcome = z.infer<typeof rowOutcome>;

export const importCounts = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  skip: z.number().int(),
  reject: z.number().int(),
  excluded: z.number().int(),
  warnings: z.number().int(),
  duplicates: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const mappedColumn = z.object({ column: z.number().int(), header: z.string(), target: z.string().nullable() });

export const importReport = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  mapping: z.array(mappedColumn),
  counts: importCounts,
  /** Problems with the file itself or the mapping (row 0 or 1). */
  fileIssues: z.array(importIssue),
  rows: z.array(rowOutcome),
  /** The rejected rows as they were, plus row number and reasons: CSV (UTF-8 with BOM, ';'), null when none. */
  rejectedCsv: fileBytes.nullable(),
});
export type ImportReport = z.infer<typeof importReport>;

/** A plan held by the core (an import's read file, its dry run): its id and when it is dropped unused. */
const planId = z.string().min(1).max(64);
export const heldPlan = z.object({ planId: z.string(), expiresAt: z.number() });

/** The dry run of a file read by io.inspectImport (its `sourceId`), held as a plan. */
export const planImportInput = z.object({
  sourceId: planId,
  mapping: columnMapping.optional(),
  mappingName: z.string().max(120).optional(),
  options: importOptions.prefault({}),
  ...rowWindow,
  jobId,
});
export type ParsedPlanImportInput = z.output<typeof planImportInput>;

export const importTargetDto = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['person', 'organisation', 'both']),
});

export const savedMappingDto = z.object({
  name: z.string(),
  columns: z.array(z.object({ header: z.string(), target: z.string().nullable() })),
  options: importOptionsPatch.optional(),
  updatedAt: z.number(),
});
export type SavedMappingDto = z.infer<typeof savedMappingDto>;

// ── lists, export ──────────────────────────────────────────────────────────

/** Which relations a list, export, merge or label run is about. */
export const listSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all'), typeCode: z.string().max(60).optional(), relationKind: z.enum(['person', 'organisation']).optional() }),
  z.object({ kind: z.literal('group'), groupId: id, on: isoDate.optional() }),
  z.object({ kind: z.literal('selection'), selectionId: id, on: isoDate.optional() }),
  z.object({ kind: z.literal('relations'), ids: z.array(id).min(1).max(200_000) }),
  /** An unsaved condition on a moment: the list behind an overview number or a report line. */
  z.object({ kind: z.literal('condition'), condition, moment: evaluationMoment }),
]);
export type ListSource = z.infer<typeof listSource>;

export const columnType = z.enum(['text', 'integer', 'number', 'amount', 'date']);
export const exportColumnDto = z.object({ key: z.string(), label: z.string(), type: columnType });
export type ExportColumnDto = z.infer<typeof exportColumnDto>;

export const csvOptions = z.object({
  delimiter: z.enum([';', ',', '\t']).default(';'),
  encoding: z.enum(['utf-8-bom', 'utf-8', 'windows-1252']).default('utf-8-bom'),
  /** Dates as 03-07-1961 (what Dutch Excel reads) or 1961-07-03. */
  dates: z.enum(['nl', 'iso']).default('nl'),
});

export const exportInput = z.object({
  source: listSource,
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(z.string().min(1).max(80)).min(1).max(200),
  csv: csvOptions.prefault({}),
  sheetName: requiredText(31).regex(/^[^\\/?*[\]:]+$/, { message: 'SHEET_NAME_INVALID' }).default('Adressen'),
  /** The date ages, addresses and types are taken on; today when absent. */
  on: isoDate.optional(),
  jobId,
});
export type ExportInput = z.input<typeof exportInput>;

export const columnSetDto = z.object({ name: z.string(), columns: z.array(z.string()), updatedAt: z.number() });

// ── mail merge, labels, envelopes ──────────────────────────────────────────

export const mergeFieldDto = z.object({ key: z.string(), label: z.string() });

export const templateCheck = z.object({
  placeholders: z.array(z.object({ name: z.string(), written: z.array(z.string()), known: z.boolean(), parts: z.array(z.string()) })),
  /** Placeholders no field answers to: merging refuses them unless allowUnknown. */
  unknown: z.array(z.string()),
  /** Word fields we do not run (IF, ASK, …): they keep Word's last result. */
  unsupportedFields: z.array(z.object({ instruction: z.string(), part: z.string() })),
  recipients: z.number().int(),
  /** Recipients for whom a used field is empty (first 500). */
  emptyFields: z.array(z.object({ relationId: id, number: z.number().int(), displayName: z.string(), fields: z.array(z.string()) })),
});
export type TemplateCheck = z.infer<typeof templateCheck>;

export const mergeInput = z.object({
  template: fileBytes,
  source: listSource,
  /** One .docx with a section per recipient, or a .zip with one .docx each. */
  output: z.enum(['single', 'perRecipient']).default('single'),
  allowUnknown: z.boolean().default(false),
  on: isoDate.optional(),
  /** Log "Brief verstuurd: <subject>" in the contact log of every recipient. */
  logLetter: z.object({ subject: z.string().trim().min(1).max(300) }).optional(),
  jobId,
});

export const labelSheet = z.object({
  columns: z.number().int().min(1).max(10),
  rows: z.number().int().min(1).max(40),
  labelWidthMm: z.number().min(10).max(300),
  labelHeightMm: z.number().min(5).max(300),
  marginTopMm: z.number().min(0).max(100),
  marginLeftMm: z.number().min(0).max(100),
  gapXMm: z.number().min(0).max(50).default(0),
  gapYMm: z.number().min(0).max(50).default(0),
  paddingMm: z.number().min(0).max(20).default(4),
  pageWidthMm: z.number().min(50).max(500).default(210),
  pageHeightMm: z.number().min(50).max(500).default(297),
});
export type LabelSheet = z.output<typeof labelSheet>;

const addressPrint = {
  /** One label/envelope per address: 'Fam. De Vries', or both names. */
  households: z.boolean().default(false),
  fontSizePt: z.number().min(8).max(14).default(10),
  font: z.enum(['Arial', 'Calibri', 'Helvetica', 'Verdana']).default('Arial'),
  on: isoDate.optional(),
  jobId,
};

export const labelsInput = z.object({
  source: listSource,
  sheet: z.union([z.string().max(40), labelSheet]),
  /** Start at this label on the first sheet (a partly used sheet). */
  startAt: z.number().int().min(1).max(400).default(1),
  ...addressPrint,
});

export const envelopesInput = z.object({
  source: listSource,
  envelope: z.enum(['DL', 'C5']).default('DL'),
  /** Where the address goes: a window position, or an exact spot from the top-left corner. */
  position: z.union([z.enum(['window-left', 'window-right']), z.object({ leftMm: z.number().min(0).max(300), topMm: z.number().min(0).max(300) })]).default('window-right'),
  sender: z.array(z.string().max(100)).max(6).default([]),
  ...addressPrint,
});

export const ioContract = defineContract({
  /** Reads a CSV/Excel file: format, encoding, delimiter, headers with suggested targets and samples. */
  'io.inspectImport': {
    input: z.object({ ...importFile, mappingName: z.string().max(120).optional() }),
    output: z.object({
      format: z.enum(['csv', 'xlsx']),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      sheets: z.array(z.string()),
      sheet: z.string().nullable(),
      rowCount: z.number().int(),
      columns: z.array(z.object({ column: z.number().int(), header: z.string(), suggested: z.string().nullable(), samples: z.array(z.string()) })),
      fileIssues: z.array(importIssue),
      /** The options saved with `mappingName`, to pre-fill the import screen. */
      savedOptions: importOptionsPatch.nullable(),
      /** The file as read, held by the core: io.planImport maps, normalises and matches it without sending it again. */
      source: heldPlan,
    }),
  },
  /**
   * The dry run of a held file (the wizard's path): read once at inspection, normalised and
   * matched once here, held as a plan. Its rows are paged with io.importPlanRows and exactly
   * this plan is written by io.commitImportPlan.
   */
  'io.planImport': { input: planImportInput, output: importReport.extend({ plan: heldPlan }) },
  'io.importPlanRows': { input: z.object({ planId, ...rowWindow }), output: importReport.extend({ plan: heldPlan }) },
  /**
   * Writes exactly the plan that was previewed, as one operation ('io.import'). Refused with
   * CONFLICT DATA_CHANGED_SINCE_PREVIEW when anyone wrote after the plan was made, and
   * PLAN_EXPIRED when it is no longer held.
   */
  'io.commitImportPlan': { input: z.object({ planId, jobId }), output: importReport.extend({ operationId: z.string() }) },
  'io.importTargets': { input: z.object({}), output: z.object({ rows: z.array(importTargetDto) }) },
  /** The dry run of a file sent whole (CLI, scripts): every row's outcome, nothing written; also held as a plan. */
  'io.previewImport': { input: importInput, output: importReport.extend({ plan: heldPlan }) },
  /** Plan and commit of a file sent whole in one call (CLI, scripts); all or nothing, as one operation ('io.import'). */
  'io.commitImport': { input: importInput, output: importReport.extend({ operationId: z.string() }) },
  /** Reverses an import as a whole; CONFLICT when a later operation touched the same records. */
  'io.undoImport': {
    input: z.object({ operationId: id }),
    output: z.object({ operationId: z.string(), reverted: z.number().int() }),
  },
  'io.cancel': { input: z.object({ jobId: z.string().min(1).max(64) }), output: z.object({ cancelled: z.boolean() }) },
  'io.listMappings': { input: z.object({}), output: z.object({ rows: z.array(savedMappingDto) }) },
  'io.saveMapping': {
    input: z.object({
      name,
      columns: z.array(z.object({ header: z.string().max(200), target: importTarget.nullable() })).max(1000),
      options: importOptionsPatch.optional(),
    }),
    output: savedMappingDto,
  },
  'io.deleteMapping': { input: z.object({ name: z.string().max(120) }), output: z.object({ name: z.string() }) },

  'io.exportColumns': { input: z.object({}), output: z.object({ rows: z.array(exportColumnDto) }) },
  /** A list to CSV or Excel (.xlsx, typed cells, one header row: a Word mail-merge data source). */
  'io.export': { input: exportInput, output: fileOutput.extend({ rows: z.number().int(), replacedCharacters: z.number().int() }) },
  'io.listColumnSets': { input: z.object({}), output: z.object({ rows: z.array(columnSetDto) }) },
  'io.saveColumnSet': { input: z.object({ name, columns: z.array(z.string().min(1).max(80)).min(1).max(200) }), output: columnSetDto },
  'io.deleteColumnSet': { input: z.object({ name: z.string().max(120) }), output: z.object({ name: z.string() }) },

  'io.mergeFields': { input: z.object({}), output: z.object({ rows: z.array(mergeFieldDto) }) },
  /** Placeholders used, unknown ones, and recipients with empty values for used fields. */
  'io.checkTemplate': { input: z.object({ template: fileBytes, source: listSource, on: isoDate.optional() }), output: templateCheck },
  'io.merge': { input: mergeInput, output: fileOutput.extend({ recipients: z.number().int() }) },
  /** The merged letter of one recipient (the first by default), as .docx bytes. */
  'io.previewMerge': {
    input: z.object({ template: fileBytes, source: listSource, index: z.number().int().min(0).default(0), allowUnknown: z.boolean().default(true), on: isoDate.optional() }),
    output: fileOutput.extend({ recipients: z.number().int() }),
  },
  'io.labelSheets': {
    input: z.object({}),
    output: z.object({ rows: z.array(z.object({ id: z.string(), name: z.string(), sheet: labelSheet })) }),
  },
  /** Relations without an address are left out and counted in `skipped`. */
  'io.labels': { input: labelsInput, output: fileOutput.extend({ labels: z.number().int(), pages: z.number().int(), skipped: z.number().int() }) },
  'io.envelopes': { input: envelopesInput, output: fileOutput.extend({ envelopes: z.number().int(), skipped: z.number().int() }) },
});
