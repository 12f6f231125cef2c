import { addDays, formatDutchDate, parseDutchDate } from '../../shared/dutch/dates';
import type { Result } from '../../shared/dutch/result';

/*
 * Validity periods are half-open in the API: [validFrom, validTo), validTo being the first
 * day that no longer counts. People think in inclusive end dates ("t/m 31-10-2026"), so the
 * UI shows validTo − 1 day and adds the day back when saving.
 */

export function inclusiveEnd(validTo: string | null): string | null {
  return validTo ? addDays(validTo, -1) : null;
}

export function exclusiveEnd(lastDay: string | null): string | null {
  return lastDay ? addDays(lastDay, 1) : null;
}

/** '2026-10-31' → '31-10-2026'; null/'' → ''. */
export function showDate(iso: string | null | undefined): string {
  return iso ? formatDutchDate(iso) : '';
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Epoch ms → '22-11-2026 14:05' in local time. */
export function showDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Text typed in a date field → ISO date, null for empty, or a failure code. */
export function parseDateText(text: string): Result<string | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const r = parseDutchDate(text);
  return r.ok ? r : { ok: false, code: 'DATE_INVALID' };
}

export interface PeriodWords {
  from: (date: string) => string;
  until: (date: string) => string;
  between: (from: string, until: string) => string;
}

/** '1-1-2024 t/m 31-10-2026', 'vanaf 1-1-2024', 't/m 31-10-2026' or '' (always valid). */
export function periodText(validFrom: string | null, validTo: string | null, words: PeriodWords): string {
  const last = inclusiveEnd(validTo);
  if (validFrom && last) return words.between(showDate(validFrom), showDate(last));
  if (validFrom) return words.from(showDate(validFrom));
  if (last) return words.until(showDate(last));
  return '';
}

export function todayIsoLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}
