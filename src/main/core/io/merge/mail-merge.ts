import type { z } from 'zod';
import type { FileOutput, ListSource, mergeInput, TemplateCheck } from '../../../../shared/contract/io';
import { DomainError } from '../../../../shared/errors';
import type { CoreContext } from '../../context';
import { listCustomFields } from '../../classification/classification.repo';
import { checkpoint, type Progress } from '../progress';
import { resolveListSource } from '../records/list-source';
import { loadRecords, type RelationRecord } from '../records/relation-records';
import { loadTemplate, type Template } from './docx-template';
import { fieldKeyResolver, mergeFieldCatalogue, type MergeField, type MergeValue } from './merge-fields';
import { mergeOne, mergeSingle, mergeZip, type Values } from './merge-document';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const BATCH = 1_000;

interface Prepared {
  template: Template;
  fields: Map<string, MergeField>;
  ids: string[];
  today: string;
}

function prepare(ctx: CoreContext, templateBase64: string, source: ListSource, on: string | undefined): Prepared {
  const fields = mergeFieldCatalogue(listCustomFields(ctx));
  const template = loadTemplate(Buffer.from(templateBase64, 'base64'), fieldKeyResolver(fields));
  const today = on ?? ctx.today();
  return { template, fields: new Map(fields.map((f) => [f.key, f])), ids: resolveListSource(ctx, source, today), today };
}

/**
 * A recipient's values. A placeholder no field answers to is empty: merging with unknown
 * fields allowed leaves them blank, as the UI and the CLI promise (without that permission
 * the merge is refused before it gets here).
 */
function valuesOf(p: Prepared, r: RelationRecord): Values {
  const cache = new Map<string, MergeValue>();
  return (name) => {
    const field = p.fields.get(name);
    if (!field) return '';
    let v = cache.get(name);
    if (v === undefined) cache.set(name, (v = field.value(r, p.today)));
    return v;
  };
}

const isEmpty = (v: MergeValue) => (Array.isArray(v) ? v.every((l) => l.trim() === '') : v.trim() === '');

/** Before merging: which placeholders the template uses, which are unknown, and who lacks a value for one. */
export function checkTemplate(ctx: CoreContext, input: { template: string; source: ListSource; on?: string | undefined }): TemplateCheck {
  const p = prepare(ctx, input.template, input.source, input.on);
  const used = p.template.placeholders.filter((x) => x.known).map((x) => x.name);
  const emptyFields: TemplateCheck['emptyFields'] = [];
  for (let i = 0; i < p.ids.length && emptyFields.length < 500; i += BATCH) {
    for (const r of loadRecords(ctx, p.ids.slice(i, i + BATCH), p.today)) {
      const values = valuesOf(p, r);
      const empty = used.filter((name) => isEmpty(values(name)));
      if (empty.length && emptyFields.length < 500) emptyFields.push({ relationId: r.id, number: r.number, displayName: r.displayName, fields: empty });
    }
  }
  return {
    placeholders: p.template.placeholders,
    unknown: p.template.placeholders.filter((x) => !x.known).map((x) => x.name),
    unsupportedFields: p.template.unsupported,
    recipients: p.ids.length,
    emptyFields,
  };
}

function refuseUnknown(p: Prepared, allowUnknown: boolean): void {
  const unknown = p.template.placeholders.filter((x) => !x.known);
  if (unknown.length && !allowUnknown) {
    throw new DomainError('VALIDATION_FAILED', { unknown: unknown.map((u) => u.name) }, unknown.map((u) => ({ field: 'template', code: 'TEMPLATE_UNKNOWN_PLACEHOLDER', details: { name: u.written[0] ?? u.name } })));
  }
}

/**
 * The user's template merged for every relation of the list: one .docx with a section
 * (and so a page) per recipient, or a zip with a .docx each. Unknown placeholders are
 * refused unless the caller allows them; then they are left empty.
 */
export async function mailMerge(ctx: CoreContext, input: z.output<typeof mergeInput>, progress?: Progress): Promise<FileOutput & { recipients: number }> {
  const p = prepare(ctx, input.template, input.source, input.on);
  refuseUnknown(p, input.allowUnknown);
  if (p.ids.length === 0) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'source', code: 'NO_RECIPIENTS' }]);
  const recipients: { name: string; values: Values }[] = [];
  for (let i = 0; i < p.ids.length; i += BATCH) {
    for (const r of loadRecords(ctx, p.ids.slice(i, i + BATCH), p.today)) recipients.push({ name: `${r.number} ${r.displayName}`, values: valuesOf(p, r) });
    await checkpoint(progress, { phase: 'merge', done: Math.min(p.ids.length, i + BATCH), total: p.ids.length });
  }
  const stamp = p.today;
  if (input.output === 'perRecipient') {
    const bytes = mergeZip(p.template, recipients);
    return { fileName: `brieven-${stamp}.zip`, mimeType: 'application/zip', bytes: Buffer.from(bytes).toString('base64'), recipients: recipients.length };
  }
  const bytes = mergeSingle(p.template, recipients.map((r) => r.values));
  return { fileName: `brieven-${stamp}.docx`, mimeType: DOCX, bytes: Buffer.from(bytes).toString('base64'), recipients: recipients.length };
}

/** The letter of one recipient (the first by default), to show before merging everything. */
export function previewMerge(
  ctx: CoreContext,
  input: { template: string; source: ListSource; index: number; allowUnknown: boolean; on?: string | undefined },
): FileOutput & { recipients: number } {
  const p = prepare(ctx, input.template, input.source, input.on);
  refuseUnknown(p, input.allowUnknown);
  const id = p.ids[input.index];
  const [record] = id ? loadRecords(ctx, [id], p.today) : [];
  if (!record) throw new DomainError('VALIDATION_FAILED', { recipients: p.ids.length }, [{ field: 'index', code: 'NO_RECIPIENTS' }]);
  const bytes = mergeOne(p.template, valuesOf(p, record));
  return { fileName: `voorbeeld-${record.number}.docx`, mimeType: DOCX, bytes: Buffer.from(bytes).toString('base64'), recipients: p.ids.length };
}
