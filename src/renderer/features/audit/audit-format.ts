import type { TFunction } from 'i18next';
import type { AuditEntryDto } from '../../../shared/contract';
import { camelCase, fieldLabel } from '../../lib/issues';
import { inclusiveEnd, showDate, showDateTime } from '../../lib/dates';
import { isIsoDate } from '../../../shared/dutch/dates';

export interface AuditGroup {
  operationId: string;
  operationKind: string;
  actor: string;
  at: number;
  entries: AuditEntryDto[];
}

/** Entries arrive newest first; consecutive entries of one operation become one group. */
export function groupByOperation(rows: AuditEntryDto[]): AuditGroup[] {
  const groups: AuditGroup[] = [];
  for (const e of rows) {
    const last = groups[groups.length - 1];
    if (last && last.operationId === e.operationId) last.entries.push(e);
    else groups.push({ operationId: e.operationId, operationKind: e.operationKind, actor: e.actor, at: e.at, entries: [e] });
  }
  for (const g of groups) g.entries.reverse();
  return groups;
}

/** Names for ids that appear in rows (types, tags, custom fields, link types). */
export interface AuditLookups {
  relationType: (id: string) => string | undefined;
  tag: (id: string) => string | undefined;
  customField: (id: string) => string | undefined;
  linkType: (id: string) => string | undefined;
}

const NONE = '—';

export function operationLabel(t: TFunction, kind: string): string {
  return t(`audit.operation.${kind.replace(/\./g, '_')}`, { defaultValue: kind });
}

export function tableLabel(t: TFunction, table: string): string {
  return t(`audit.table.${table}`, { defaultValue: table });
}

/** The label of a changed column; valid_to is shown as the inclusive last day. */
export function columnLabel(t: TFunction, table: string, column: string): string {
  if (table === 'addresses' && column === 'type') return fieldLabel(t, 'addressType');
  return fieldLabel(t, camelCase(column));
}

/** A stored value as the user would read it. */
export function formatValue(t: TFunction, column: string, value: unknown, lookups: AuditLookups, table = ''): string {
  if (value === null || value === undefined || value === '') return NONE;
  const s = String(value);
  switch (column) {
    case 'valid_to':
      return showDate(inclusiveEnd(s));
    case 'birth_date':
    case 'death_date':
    case 'valid_from':
      return showDate(s);
    case 'deleted_at':
      return showDateTime(Number(s));
    case 'gender':
      return t(`relations.gender.${s}`, { defaultValue: s });
    case 'address_form':
      return t(`relations.addressForm.${s}`, { defaultValue: s });
    case 'kind':
      return t(`relations.kind.${s}`, { defaultValue: s });
    case 'exact_name':
    case 'symmetric':
      return s === '1' || s === 'true' ? t('common.yes') : t('common.no');
    case 'type_id':
      return lookups.relationType(s) ?? s;
    case 'tag_id':
      return lookups.tag(s) ?? s;
    case 'field_id':
      return lookups.customField(s) ?? s;
    case 'link_type_id':
      return lookups.linkType(s) ?? s;
    case 'type':
      return table === 'addresses' ? t(`addresses.type.${s}`, { defaultValue: s }) : s;
    case 'value':
      return customValueText(t, s);
    default:
      return s;
  }
}

/** Custom values are stored as text: dates and booleans are shown the way they were entered. */
function customValueText(t: TFunction, s: string): string {
  if (isIsoDate(s)) return showDate(s);
  if (s === 'true') return t('common.yes');
  if (s === 'false') return t('common.no');
  return s;
}

function parseRow(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function periodOf(t: TFunction, row: Record<string, unknown>): string {
  const from = str(row['valid_from']);
  const to = str(row['valid_to']);
  if (!from && !to) return '';
  if (from && to) return t('common.period.between', { from: showDate(from), until: showDate(inclusiveEnd(to)) });
  return from ? t('common.period.from', { date: showDate(from) }) : t('common.period.until', { date: showDate(inclusiveEnd(to)) });
}

/** One line for an inserted or deleted row, from the JSON the audit trigger stored. */
export function rowSummary(t: TFunction, table: string, json: string | null, lookups: AuditLookups): string {
  const r = parseRow(json);
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  let text: string;
  switch (table) {
    case 'relations':
      text = join(str(r['first_name']), str(r['infix']), str(r['last_name'])) || str(r['name']) || str(r['email']);
      if (r['number'] !== undefined) text = `${text} (${t('relations.common.numberShort', { number: str(r['number']) })})`;
      break;
    case 'addresses': {
      const house = join(str(r['house_number']) + str(r['house_letter']), r['house_number_suffix'] ? `-${str(r['house_number_suffix'])}` : '');
      text = [str(r['po_box']) || join(str(r['street']), house), join(str(r['postcode']), str(r['city']))].filter(Boolean).join(', ');
      break;
    }
    case 'relation_type_assignments':
      text = lookups.relationType(str(r['type_id'])) ?? '';
      break;
    case 'relation_tags':
      text = lookups.tag(str(r['tag_id'])) ?? '';
      break;
    case 'custom_values':
      text = `${lookups.customField(str(r['field_id'])) ?? ''}: ${customValueText(t, str(r['value']))}`;
      break;
    case 'relation_links':
      text = join(lookups.linkType(str(r['link_type_id'])) ?? '', r['function'] ? `(${str(r['function'])})` : '');
      break;
    default:
      text = str(r['name']) || str(r['label']) || str(r['code']);
  }
  const period = periodOf(t, r);
  return period ? `${text} · ${period}` : text;
}
