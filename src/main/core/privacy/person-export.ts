import type { Paragraph, Table } from 'docx';
import type { CoreContext } from '../context';
import { notFound } from '../../../shared/errors';
import { formatDutchDate } from '../../../shared/dutch/dates';
import type { DocumentLabels } from '../../../shared/contract';
import { writeZip } from '../io/zip-writer';
import { docxLibrary } from '../io/document-libraries';
import { historyOf, recordsOf, type HistoryRow, type Row, type TableRows } from './person-records';

export const PERSON_EXPORT_FORMAT = 'ledenbeheer-persoonsgegevens';
export const PERSON_EXPORT_VERSION = 1;

export interface PersonExport {
  format: typeof PERSON_EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  relation: { id: string; number: number; name: string };
  /** Every record about the relation, by table. */
  records: Record<string, Row[]>;
  /** Every change the audit log holds about the relation. */
  history: HistoryRow[];
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const NO_LABELS: DocumentLabels = { tables: {}, columns: {}, operations: {} };

/** Labels by the names the renderer's i18n uses (tables as in the database, columns and operations in camelCase). */
function labeller(labels: DocumentLabels) {
  return {
    table: (table: string) => labels.tables[table] ?? table,
    column: (column: string) => labels.columns[camel(column)] ?? column,
    operation: (kind: string) => labels.operations[kind.replace('.', '_')] ?? kind,
  };
}
type Labeller = ReturnType<typeof labeller>;

/** Collects the export: the relation's rows from every table and its whole History. */
export function collectPersonExport(ctx: CoreContext, relationId: string): PersonExport {
  const r = ctx.sqlite.prepare('SELECT id, number, display_name AS name FROM relations WHERE id = ?').get(relationId) as PersonExport['relation'] | undefined;
  if (!r) throw notFound('relation', relationId);
  const tables = recordsOf(ctx, relationId);
  return {
    format: PERSON_EXPORT_FORMAT,
    version: PERSON_EXPORT_VERSION,
    exportedAt: new Date(ctx.now()).toISOString(),
    relation: r,
    records: Object.fromEntries(tables.map((t) => [t.table, t.rows])),
    history: historyOf(ctx, relationId),
  };
}

// Timestamps (epoch ms) read as dates; ids and bookkeeping are left out of the readable document.
const HIDDEN = /(^id$|_id$|^sort_key$|^display_name$|^source_key$|^content$)/;

/** What an id in the readable document stands for: the referenced record's name (per table, as some columns are shared names). */
const REFERENCES: Record<string, [table: string, column: string]> = {
  'relation_type_assignments.type_id': ['relation_types', 'name'],
  'subscriptions.type_id': ['subscription_types', 'name'],
  'relation_tags.tag_id': ['tags', 'name'],
  'custom_values.field_id': ['custom_fields', 'label'],
  'relation_links.link_type_id': ['link_types', 'name'],
  'relation_links.from_relation_id': ['relations', 'display_name'],
  'relation_links.to_relation_id': ['relations', 'display_name'],
  'group_members.group_id': ['groups', 'name'],
  'group_members.role_id': ['group_roles', 'name'],
  'memberships.unit_id': ['units', 'name'],
  'memberships.membership_type_id': ['membership_types', 'name'],
  'membership_exceptions.unit_id': ['units', 'name'],
  'payment_allocations.invoice_id': ['invoices', 'number'],
  'payment_settings.payer_relation_id': ['relations', 'display_name'],
};

/** The rows with their references replaced by names, for reading (the JSON keeps the ids). */
function withNames(ctx: CoreContext, tables: TableRows[]): TableRows[] {
  const cache = new Map<string, string | null>();
  const name = (table: string, column: string, id: unknown) => {
    const key = `${table}.${column}.${String(id)}`;
    if (!cache.has(key)) cache.set(key, ((ctx.sqlite.prepare(`SELECT ${column} AS v FROM ${table} WHERE id = ?`).get(id) as { v: string } | undefined)?.v ?? null));
    return cache.get(key) ?? null;
  };
  return tables.map(({ table, rows }) => ({
    table,
    rows: rows.map((row) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(row)) {
        const ref = REFERENCES[`${table}.${k}`];
        if (ref && v !== null) out[ref[0] === 'relations' ? k.replace(/_id$/, '') : ref[0]] = name(ref[0], ref[1], v);
        else out[k] = v;
      }
      return out;
    }),
  }));
}
function readable(column: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (HIDDEN.test(column)) return null;
  if (/_at$/.test(column) && typeof value === 'number') return new Date(value).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
  if (/_cents$/.test(column) && typeof value === 'number') return `€ ${(value / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2 })}`;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDutchDate(value);
  if (Buffer.isBuffer(value)) return `(${value.length} bytes)`;
  return String(value);
}

function fieldTable(rows: [string, string][]): Table {
  const { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docxLibrary.get();
  const cell = (text: string, bold: boolean, pct: number) =>
    new TableCell({ width: { size: pct, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, true, 32), cell(v, false, 68)] })),
  });
}

function recordBlock(table: TableRows, l: Labeller): (Paragraph | Table)[] {
  const { HeadingLevel, Paragraph } = docxLibrary.get();
  const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_2, text: `${l.table(table.table)} (${table.rows.length})` })];
  for (const row of table.rows) {
    const fields = Object.entries(row)
      .map(([k, v]) => [l.column(k), readable(k, v)] as const)
      .filter((f): f is [string, string] => f[1] !== null);
    if (fields.length) out.push(fieldTable(fields), new Paragraph({ text: '' }));
  }
  return out;
}

function historyBlock(history: HistoryRow[], l: Labeller): Paragraph[] {
  const { HeadingLevel, Paragraph, TextRun } = docxLibrary.get();
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_2, text: `Historie (${history.length} wijzigingen)` })];
  for (const h of history) {
    const when = new Date(h.at).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
    const what = h.action === 'update' ? `${l.column(h.field ?? '')}: ${h.oldValue ?? '—'} → ${h.newValue ?? '—'}` : `${l.table(h.table)} ${h.action === 'insert' ? 'toegevoegd' : 'verwijderd'}`;
    out.push(new Paragraph({ children: [new TextRun({ text: `${when} · ${l.operation(h.operation)} · ${h.actor}: `, bold: true, size: 18 }), new TextRun({ text: what, size: 18 })] }));
  }
  return out;
}

/** The readable document: a title, what it is, then every kind of record with its fields, then History. */
export async function personDocument(data: PersonExport, tables: TableRows[], labels: DocumentLabels = NO_LABELS): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await docxLibrary.load();
  const l = labeller(labels);
  const doc = new Document({
    creator: 'Ledenbeheer',
    title: `Persoonsgegevens ${data.relation.name}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: `Alles over ${data.relation.name}` }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun(
                `Relatienummer ${data.relation.number}. Dit overzicht bevat alle gegevens die de administratie over deze relatie bewaart (inzageverzoek, artikel 15 AVG), opgesteld op ${formatDutchDate(data.exportedAt.slice(0, 10))}. Het bestand persoonsgegevens.json in dezelfde zip bevat dezelfde gegevens in machineleesbare vorm.`,
              ),
            ],
          }),
          ...tables.flatMap((t) => recordBlock(t, l)),
          ...historyBlock(data.history, l),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const PERSON_EXPORT_ENTRIES = { json: 'persoonsgegevens.json', document: 'persoonsgegevens.docx' } as const;

/** The zip: the JSON (all records and History) and the readable Word document. */
export async function personExportZip(ctx: CoreContext, relationId: string, labels?: DocumentLabels): Promise<{ bytes: Uint8Array; data: PersonExport; fileName: string }> {
  const data = collectPersonExport(ctx, relationId);
  const tables = Object.entries(data.records).map(([table, rows]) => ({ table, rows }));
  const json = JSON.stringify(data, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v), 2);
  const document = await personDocument(data, withNames(ctx, tables), labels);
  const bytes = writeZip(
    [
      { name: PERSON_EXPORT_ENTRIES.json, data: json },
      { name: PERSON_EXPORT_ENTRIES.document, data: document },
    ],
    { compress: true },
  );
  return { bytes, data, fileName: `persoonsgegevens-${data.relation.number}.zip` };
}
