import type { MergeValue } from './merge-fields';
import { renderPart } from './render';

const ROW = /<w:tr\b[^>]*>[\s\S]*?<\/w:tr>/g;
const TAG = /\{([a-z0-9_]+)(?::[a-z]+)?\}/g;

export type ItemValues = (name: string) => MergeValue;

/** A list a template can repeat: the placeholder names of one item, and the items. */
export interface RepeatingList {
  names: ReadonlySet<string>;
  items: ItemValues[];
}

/**
 * Repeating table rows: a row of a normalised part whose placeholders name a list's fields
 * (an attendee's {naam}, an agenda item's {agendapunt}) becomes one row per item, each
 * filled with that item; no items, no row. Rows of nested tables are not repeated separately.
 */
export function expandRepeatingRows(xml: string, lists: RepeatingList[]): string {
  return xml.replace(ROW, (row) => {
    const names = [...row.matchAll(TAG)].map((m) => m[1] ?? '');
    const list = lists.find((l) => names.some((n) => l.names.has(n)));
    if (!list) return row;
    // Placeholders the list does not own are written back as they were, for the document's own values.
    return list.items.map((item) => renderPart(row, (name) => (list.names.has(name) ? item(name) : `{${name}}`))).join('');
  });
}
