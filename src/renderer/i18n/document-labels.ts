import type { DocumentLabels } from '../../shared/contract';

type Labels = Record<string, unknown>;
interface Bundle {
  audit: { table: Labels; column: Labels; operation: Labels };
  fields: { label: Labels };
  privacy: { document: Labels };
}

/** Only the plain labels (some entries are per-table groups, e.g. column.subscriptions.typeId). */
const plain = (m: Labels): Record<string, string> => Object.fromEntries(Object.entries(m).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** The labels a generated document (the AVG export) uses, from one language's i18n bundle: History's words. */
export function documentLabels(bundle: Bundle): DocumentLabels {
  return { tables: plain(bundle.audit.table), columns: { ...plain(bundle.fields.label), ...plain(bundle.audit.column), ...plain(bundle.privacy.document) }, operations: plain(bundle.audit.operation) };
}
