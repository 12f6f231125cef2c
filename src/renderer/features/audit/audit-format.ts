import type { TFunction } from 'i18next';
import { camelCase, fieldLabel } from '../../lib/issues';
import { inclusiveEnd, showDate, showDateTime } from '../../lib/dates';
import { isIsoDate } from '../../../shared/dutch/dates';

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
  const key = camelCase(column);
  // Form fields share their labels with the forms; columns only History shows have their own.
  return t(`audit.column.${table}.${key}`, { defaultValue: t(`fields.label.${key}`, { defaultValue: t(`audit.column.${key}`, { defaultValue: column }) }) });
}

/** A stored value as the user would read it; `names` resolves ids (person, group, unit, role…). */
export function formatValue(t: TFunction, column: string, value: unknown, lookups: AuditLookups, table = '', names: Record<string, string> = {}): string {
  if (value === null || value === undefined || value === '') return NONE;
  const s = String(value);
  const named = names[s];
  if (named !== undefined && column.endsWith('_id')) return named;
  switch (column) {
    case 'valid_to':
    case 'end_date':
      return showDate(inclusiveEnd(s));
    case 'birth_date':
    case 'death_date':
    case 'valid_from':
    case 'start_date':
      return showDate(s);
    case 'mode':
      return s === 'exclude' ? t('audit.sentence.group_members.exclude', { who: '', group: '' }).trim() : t('common.yes');
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
    case 'ignore_base_rule':
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
  const from = str(row['valid_from'] ?? row['start_date']);
  const to = str(row['valid_to'] ?? row['end_date']);
  if (!from && !to) return '';
  if (from && to) return t('common.period.between', { from: showDate(from), until: showDate(inclusiveEnd(to)) });
  return from ? t('common.period.from', { date: showDate(from) }) : t('common.period.until', { date: showDate(inclusiveEnd(to)) });
}

function addressText(r: Record<string, unknown>): string {
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  const house = join(str(r['house_number']) + str(r['house_letter']), r['house_number_suffix'] ? `-${str(r['house_number_suffix'])}` : '');
  return [str(r['po_box']) || join(str(r['street']), house), join(str(r['postcode']), str(r['city']))].filter(Boolean).join(', ');
}

export interface SummaryOptions {
  /** Ids in the row resolved to names (from the core). */
  names?: Record<string, string>;
  /** Name the relation the record belongs to (the global History); on a card that is clear. */
  withPerson?: boolean;
  action?: 'insert' | 'delete';
}

/**
 * A sentence for a record that was added or removed, naming the person, group, unit and
 * dates: "Jan de Vries toegevoegd aan Bestuur als voorzitter, vanaf 1-3-2026". Null when the
 * table has no sentence of its own (then "<table> toegevoegd: <summary>").
 */
export function rowSentence(t: TFunction, table: string, json: string | null, lookups: AuditLookups, opts: SummaryOptions = {}): string | null {
  const r = parseRow(json);
  const names = opts.names ?? {};
  const action = opts.action ?? 'insert';
  const name = (column: string) => names[str(r[column])] ?? '';
  const who = name('relation_id') || t('audit.table.relations');
  const period = periodOf(t, r);
  const dated = (text: string) => (period ? `${text}, ${period}` : text);
  let text: string | null;
  switch (table) {
    case 'group_members': {
      const role = name('role_id');
      const key = action === 'delete' ? 'delete' : r['mode'] === 'exclude' ? 'exclude' : role ? 'insertRole' : 'insert';
      text = t(`audit.sentence.group_members.${key}`, { who, group: name('group_id'), role });
      break;
    }
    case 'memberships':
    case 'membership_exceptions':
      text = t(`audit.sentence.${table}.${action}`, { who, unit: name('unit_id'), type: name('membership_type_id') });
      break;
    case 'subscriptions':
      text = t(`audit.sentence.subscriptions.${action}`, { who, type: name('type_id') });
      break;
    case 'relation_tags':
      text = t(`audit.sentence.relation_tags.${action}`, { who, tag: name('tag_id') || (lookups.tag(str(r['tag_id'])) ?? '') });
      break;
    case 'relation_type_assignments':
      text = t(`audit.sentence.relation_type_assignments.${action}`, { who, type: name('type_id') || (lookups.relationType(str(r['type_id'])) ?? '') });
      break;
    case 'relation_links': {
      const link = [name('link_type_id') || (lookups.linkType(str(r['link_type_id'])) ?? ''), r['function'] ? `(${str(r['function'])})` : ''].filter(Boolean).join(' ');
      text = t(`audit.sentence.relation_links.${action}`, { from: name('from_relation_id'), link, to: name('to_relation_id') });
      break;
    }
    case 'addresses':
    case 'custom_values':
      if (!opts.withPerson) return null;
      text = t(`audit.sentence.${table}.${action}`, {
        who,
        address: addressText(r),
        field: name('field_id') || (lookups.customField(str(r['field_id'])) ?? ''),
        value: customValueText(t, str(r['value'])),
      });
      break;
    case 'unit_placements':
      text = t(`audit.sentence.unit_placements.${action === 'insert' && !r['parent_id'] ? 'top' : action}`, { unit: name('unit_id'), parent: name('parent_id') });
      break;
    case 'unit_rules':
      text = t(`audit.sentence.unit_rules.${action}`, { unit: name('unit_id'), type: name('membership_type_id') || t('audit.sentence.generalRule') });
      break;
    default:
      return null;
  }
  return dated(text);
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
    case 'addresses':
      text = addressText(r);
      break;
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
