import { parseDutchDate } from '../../shared/dutch/dates';
import type { Core } from '../core/create-core';
import { CliError, usageError } from './cli-error';
import type { ParsedArgs } from './command';
import { optionalString } from './arguments';

/** `--on` as a date the user writes (2024-03-01, 1-3-2024); today when absent. */
export function dateOption(args: ParsedArgs, name: string, today: string): string {
  const raw = optionalString(args, name);
  if (raw === undefined) return today;
  const r = parseDutchDate(raw);
  if (!r.ok) throw usageError(`ongeldige datum voor --${name}: '${raw}' (bijvoorbeeld 2024-03-01 of 1-3-2024)`);
  return r.value;
}

/** A unit by its name, case-insensitively; ambiguous or unknown names are errors that list the candidates. */
export async function unitByName(core: Core, name: string): Promise<{ id: string; name: string }> {
  const units = (await core.call('units.list', {})).rows;
  const matches = units.filter((u) => u.name.toLowerCase() === name.trim().toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new CliError(`de naam '${name}' past op ${matches.length} onderdelen; maak hem uniek`);
  throw new CliError(`onbekend onderdeel '${name}'`, undefined, units.slice(0, 20).map((u) => u.name));
}

/** A relation by its number (as the secretary knows it) or its id. */
export async function relationByNumberOrId(core: Core, ref: string): Promise<{ id: string; displayName: string }> {
  if (/^\d+$/.test(ref.trim())) {
    const row = core.ctx.sqlite.prepare('SELECT id, display_name AS displayName FROM relations WHERE number = ?').get(Number(ref)) as
      | { id: string; displayName: string }
      | undefined;
    if (row) return row;
  }
  const card = await core.call('relations.get', { id: ref });
  return { id: card.id, displayName: card.displayName };
}
