import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context';
import { DomainError, type FieldIssue } from '../../../shared/errors';
import { zodIssues } from '../rpc/dispatcher';
import { assertEmptyAdministration } from './administration-state';
import { bulkLoad, type BulkLoadOptions, type UserTableLoader } from './bulk-load';
import { fillMissingPmtInfIds } from '../sepa/batches.repo';
import { dependsOn, ImportChecks } from './import-checks';
import { JSON_FORMAT, JSON_FORMAT_VERSION, SECTION_NAMES, isSectionName, sectionSchema, toRow, type SectionName } from './json-format';
import { COMPUTED_TABLES, SEEDED_TABLES, userTable } from './user-tables';
import { JsonSyntaxError, readJsonDocument } from './json-reader';
import { FILES_SECTION, importFile } from './json-files';

export interface ImportResult {
  operationId: string;
  /** Records imported per section. */
  counts: Record<string, number>;
}

export interface ImportOptions {
  /** Stop reading after this many problems (default 50); the report says it was cut short. */
  maxIssues?: number;
  /** Durations of the bulk load's steps ('rows' includes reading and validating), for benchmarks. */
  onPhase?: BulkLoadOptions['onPhase'];
}

const HEADER_KEYS = new Set(['format', 'version', 'exportedAt']);

function fail(file: string, issues: FieldIssue[], more: Record<string, unknown> = {}): DomainError {
  return new DomainError('VALIDATION_FAILED', { file: path.basename(file), ...more }, issues);
}

/**
 * Imports a JSON export (docs/json-format.md) into an EMPTY administration as one operation
 * 'exchange.importJson'. The file is streamed; every record is validated with zod and the
 * cross-record checks, and any problem (reported as `section[index].field` + code) rolls
 * the whole import back: the administration is then exactly as before.
 */
export function importJson(ctx: CoreContext, file: string, opts: ImportOptions = {}): ImportResult {
  if (!fs.existsSync(file)) throw new DomainError('NOT_FOUND', { entity: 'file', id: file });
  const maxIssues = opts.maxIssues ?? 50;
  return ctx.write('exchange.importJson', { file: path.basename(file) }, (op) => {
    assertEmptyAdministration(ctx.sqlite);
    const load = { deferIndexes: true, ...(opts.onPhase ? { onPhase: opts.onPhase } : {}) };
    const result = bulkLoad(ctx, (loader) => new JsonImport(ctx, loader, file, maxIssues).run(), load);
    // An export from before batches recorded their PmtInfIds: taken from the imported items.
    fillMissingPmtInfIds(ctx);
    // Every relation is new: memberships (never taken from the file) are computed before the commit.
    op.changed('relations.changed', { all: true });
    return { operationId: op.id, counts: result };
  });
}

class JsonImport {
  private readonly checks: ImportChecks;
  private readonly header = new Map<string, unknown>();
  private readonly complete = new Set<SectionName>();
  private readonly seen = new Set<string>();
  private readonly deferred: { section: SectionName; index: number; record: Record<string, unknown> }[] = [];
  private readonly replaced = new Set<SectionName>();
  private truncated = false;
  private files = 0;

  constructor(
    private readonly ctx: CoreContext,
    private readonly loader: UserTableLoader,
    private readonly file: string,
    private readonly maxIssues: number,
  ) {
    this.checks = new ImportChecks(ctx.today());
  }

  run(): Record<string, number> {
    try {
      readJsonDocument(this.file, {
        streams: (key) => isSectionName(key) || key === FILES_SECTION,
        onValue: (key, value) => this.onValue(key, value),
        onArrayStart: (key) => this.startSection(key),
        onElement: (key, index, value) => this.onElement(key as SectionName, index, value),
        onArrayEnd: (key) => void this.complete.add(key as SectionName),
      });
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      throw fail(this.file, [{ field: 'json', code: 'JSON_INVALID', details: { line: e.line, column: e.column, reason: e.reason } }]);
    }
    if (this.seen.size === 0) this.checkHeader();
    if (!this.truncated) this.finish();
    if (this.checks.issues.length) throw fail(this.file, this.checks.issues, { truncated: this.truncated });
    return { ...Object.fromEntries(SECTION_NAMES.map((s) => [s, this.loader.count(s)])), [FILES_SECTION]: this.files };
  }

  private onValue(key: string, value: unknown): void {
    if (HEADER_KEYS.has(key)) {
      this.header.set(key, value);
      return;
    }
    if (this.seen.size === 0) this.checkHeader();
    if (isSectionName(key) || key === FILES_SECTION) this.stop([{ field: key, code: 'SECTION_NOT_AN_ARRAY' }]);
    this.stop([{ field: key, code: 'SECTION_UNKNOWN' }]);
  }

  /** Format and version come first: nothing is read as data before they are known to be ours. */
  private checkHeader(): void {
    if (this.header.get('format') !== JSON_FORMAT) this.stop([{ field: 'format', code: 'FORMAT_UNKNOWN' }]);
    const version = this.header.get('version');
    if (version !== JSON_FORMAT_VERSION) {
      this.stop([{ field: 'version', code: 'VERSION_UNSUPPORTED', details: { version: String(version), supported: JSON_FORMAT_VERSION } }]);
    }
  }

  private stop(issues: FieldIssue[]): never {
    throw fail(this.file, issues);
  }

  private startSection(key: string): void {
    if (this.seen.size === 0) this.checkHeader();
    if (this.seen.has(key)) this.stop([{ field: key, code: 'SECTION_DUPLICATE' }]);
    this.seen.add(key);
  }

  private onElement(section: SectionName, index: number, value: unknown): boolean {
    if (section === FILES_SECTION) {
      for (const i of importFile(this.ctx, value)) this.checks.issue(section, index, i.field, i.code);
      this.files++;
      return this.checks.issues.length < this.maxIssues || !(this.truncated = true);
    }
    // Computed rows are the core's own conclusions, recomputed from the imported facts; an
    // older or hand-edited file cannot make anyone a member.
    if (COMPUTED_TABLES.has(userTable(section).name)) return true;
    const parsed = sectionSchema(section).safeParse(value);
    if (!parsed.success) {
      for (const i of zodIssues(parsed.error)) this.checks.issue(section, index, i.field, i.code);
    } else {
      const record = parsed.data as Record<string, unknown>;
      this.checks.register(section, index, record);
      if (dependsOn(section).every((d) => this.complete.has(d))) this.accept(section, index, record);
      else this.deferred.push({ section, index, record });
    }
    if (this.checks.issues.length >= this.maxIssues) {
      this.truncated = true;
      return false;
    }
    return true;
  }

  private accept(section: SectionName, index: number, record: Record<string, unknown>): void {
    if (!this.checks.references(section, index, record) || this.checks.issues.length > 0) return;
    this.replaceDefaults(section);
    this.loader.insertRow(section, toRow(section, record));
  }

  /**
   * An empty administration still has its defaults (relation types, link types, group
   * roles). A file that brings its own rows for such a table replaces them (ids are
   * preserved, and codes must stay unique); the deletes are audited like any other.
   */
  private replaceDefaults(section: SectionName): void {
    if (this.replaced.has(section)) return;
    this.replaced.add(section);
    const { name } = userTable(section);
    if (SEEDED_TABLES.has(name)) this.ctx.sqlite.exec(`DELETE FROM ${name}`);
  }

  private finish(): void {
    for (const s of SECTION_NAMES) this.complete.add(s);
    for (const d of this.deferred) this.accept(d.section, d.index, d.record);
    this.checks.finish();
  }
}
