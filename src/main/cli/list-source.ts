import type { ListSource } from '../../shared/contract';
import type { Core } from '../core/create-core';
import { optionalString } from './arguments';
import { CliError } from './cli-error';
import type { ParsedArgs } from './command';

/** `--selection NAAM` or `--group NAAM` (optionally `--on DATUM`), else all relations. */
export async function listSourceFrom(core: Core, args: ParsedArgs, on: string | undefined): Promise<ListSource> {
  const selection = optionalString(args, 'selection');
  const group = optionalString(args, 'group');
  if (selection && group) throw new CliError('kies --selection of --group, niet allebei');
  if (selection) {
    const rows = (await core.call('selections.list', {})).rows;
    const found = rows.find((s) => s.name.toLowerCase() === selection.trim().toLowerCase());
    if (!found) throw new CliError(`onbekende selectie '${selection}'`, undefined, rows.slice(0, 20).map((s) => s.name));
    return { kind: 'selection', selectionId: found.id, ...(on ? { on } : {}) };
  }
  if (group) {
    const rows = (await core.call('groups.list', {})).rows;
    const found = rows.filter((g) => g.name.toLowerCase() === group.trim().toLowerCase());
    if (found.length !== 1) throw new CliError(found.length ? `de groepsnaam '${group}' is niet uniek` : `onbekende groep '${group}'`, undefined, rows.slice(0, 20).map((g) => g.name));
    return { kind: 'group', groupId: found[0]!.id, ...(on ? { on } : {}) };
  }
  return { kind: 'all' };
}
