import type { CustomFieldDto, RelationDetail } from '../../../shared/contract';
import { parseDateText, showDate } from '../../lib/dates';

/** Stored values (text) → what the inputs show; dates in Dutch notation. */
export function customFormValues(fields: CustomFieldDto[], stored: RelationDetail['customValues']): Record<string, string> {
  const byCode = new Map(stored.map((v) => [v.code, v.value]));
  return Object.fromEntries(
    fields.map((f) => {
      const v = byCode.get(f.code) ?? '';
      return [f.code, f.dataType === 'date' ? showDate(v) : v];
    }),
  );
}

/** Inputs → relations.setCustomValues; empty clears, dates go back to ISO (bad ones are left for the core to flag). */
export function customValuesInput(fields: CustomFieldDto[], values: Record<string, string>): Record<string, string | null> {
  return Object.fromEntries(
    fields.map((f) => {
      const raw = (values[f.code] ?? '').trim();
      if (raw === '') return [f.code, null];
      if (f.dataType === 'date') {
        const r = parseDateText(raw);
        return [f.code, r.ok && r.value ? r.value : raw];
      }
      return [f.code, raw];
    }),
  );
}
