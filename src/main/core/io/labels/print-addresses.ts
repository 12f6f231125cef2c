import type { z } from 'zod';
import type { envelopesInput, FileOutput, labelsInput, ListSource } from '../../../../shared/contract/io';
import { DomainError } from '../../../../shared/errors';
import type { CoreContext } from '../../context';
import { checkpoint, type Progress } from '../progress';
import { resolveListSource } from '../records/list-source';
import { loadRecords, type RelationRecord } from '../records/relation-records';
import { addressItems } from './households';
import { labelsDocx } from './label-docx';
import { envelopesDocx } from './envelope-docx';
import { sheetOf } from './label-sheets';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const BATCH = 1_000;

async function recordsOf(ctx: CoreContext, source: ListSource, on: string, progress?: Progress): Promise<RelationRecord[]> {
  const ids = resolveListSource(ctx, source, on);
  const out: RelationRecord[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    out.push(...loadRecords(ctx, ids.slice(i, i + BATCH), on));
    await checkpoint(progress, { phase: 'labels', done: Math.min(ids.length, i + BATCH), total: ids.length });
  }
  return out;
}

function nothingToPrint(): DomainError {
  return new DomainError('VALIDATION_FAILED', undefined, [{ field: 'source', code: 'NO_ADDRESSES' }]);
}

/** Address labels for a list on a standard or custom sheet, optionally one per household. */
export async function printLabels(
  ctx: CoreContext,
  input: z.output<typeof labelsInput>,
  progress?: Progress,
): Promise<FileOutput & { labels: number; pages: number; skipped: number }> {
  const sheet = sheetOf(input.sheet);
  const on = input.on ?? ctx.today();
  const { items, withoutAddress } = addressItems(await recordsOf(ctx, input.source, on, progress), input.households);
  if (items.length === 0) throw nothingToPrint();
  const blanks = Array.from({ length: Math.min(input.startAt - 1, sheet.columns * sheet.rows - 1) }, () => null);
  const { bytes, pages } = await labelsDocx([...blanks, ...items], sheet, { font: input.font, fontSizePt: input.fontSizePt });
  return { fileName: `etiketten-${on}.docx`, mimeType: DOCX, bytes: Buffer.from(bytes).toString('base64'), labels: items.length, pages, skipped: withoutAddress };
}

/** One envelope page per relation (or household), the address at the window. */
export async function printEnvelopes(
  ctx: CoreContext,
  input: z.output<typeof envelopesInput>,
  progress?: Progress,
): Promise<FileOutput & { envelopes: number; skipped: number }> {
  const on = input.on ?? ctx.today();
  const { items, withoutAddress } = addressItems(await recordsOf(ctx, input.source, on, progress), input.households);
  if (items.length === 0) throw nothingToPrint();
  const bytes = await envelopesDocx(items, {
    envelope: input.envelope,
    position: input.position,
    sender: input.sender,
    style: { font: input.font, fontSizePt: input.fontSizePt },
  });
  return { fileName: `enveloppen-${input.envelope}-${on}.docx`, mimeType: DOCX, bytes: Buffer.from(bytes).toString('base64'), envelopes: items.length, skipped: withoutAddress };
}
