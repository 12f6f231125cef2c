import { usageError } from './cli-error';
import type { ParsedArgs } from './command';

/** A required string option; `--db` without a value is caught by parseArgs already. */
export function requiredOption(args: ParsedArgs, name: string, what: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw usageError(`${what} ontbreekt: geef --${name} op`);
  return v;
}

export function optionalString(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A whole number within bounds, e.g. `--relations 100000` (also written 100.000 or 100_000). */
export function integerOption(args: ParsedArgs, name: string, bounds: { min: number; max: number }): number | undefined {
  const raw = optionalString(args, name);
  if (raw === undefined) return undefined;
  const n = /^\d{1,3}([._]\d{3})*$|^\d+$/.test(raw.trim()) ? Number(raw.trim().replace(/[._]/g, '')) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < bounds.min || n > bounds.max) {
    const fmt = (x: number) => x.toLocaleString('nl-NL');
    throw usageError(`ongeldig getal voor --${name}: '${raw}' (verwacht een geheel getal van ${fmt(bounds.min)} tot ${fmt(bounds.max)})`);
  }
  return n;
}

export function requiredPositional(args: ParsedArgs, index: number, what: string): string {
  const v = args.positionals[index];
  if (v === undefined || v.trim() === '') throw usageError(`${what} ontbreekt`);
  return v;
}
