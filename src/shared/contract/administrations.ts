import { z } from 'zod';
import { defineContract, type InputOf, type OutputOf, type ParsedInputOf } from './define';
import { backupDto } from './backups';

/**
 * The host's own methods (main/administrations/session.ts): which administration is open,
 * the start screen's new/open/recent/demo, and restoring a backup, which needs the file
 * closed. They are answered by the host, not by a core, so they work with none open.
 */
const file = z.string().trim().min(1).max(4000);

export const storageWarningDto = z.union([z.object({ kind: z.literal('cloud'), service: z.string() }), z.object({ kind: z.literal('network') })]);

export const openAdministrationDto = z.object({
  file: z.string(),
  name: z.string(),
  demo: z.boolean(),
  readOnly: z.boolean(),
  warning: storageWarningDto.nullable(),
  /** The check after opening found the file damaged. */
  damaged: z.boolean(),
  /** Counts opens in this session: a restore reopens the same file, and every screen must start over. */
  generation: z.number().int(),
});

export const recentAdministrationDto = z.object({ file: z.string(), name: z.string(), openedAt: z.string(), demo: z.boolean(), exists: z.boolean() });

export const administrationStateDto = z.object({
  open: openAdministrationDto.nullable(),
  recent: z.array(recentAdministrationDto),
  /** Electron has native file dialogs; the web host asks for a path. */
  canPickFiles: z.boolean(),
  /** Where a new administration goes when the user only gives a name (web host). */
  defaultFolder: z.string(),
  /** Opening the file the host was started with failed (damaged, locked, …): shown on the start screen. */
  startError: z.object({ code: z.string(), details: z.record(z.string(), z.unknown()).optional() }).nullable(),
});

export const hostContract = defineContract({
  'administrations.state': { input: z.object({}), output: administrationStateDto },
  'administrations.create': { input: z.object({ name: z.string().trim().min(1).max(200), file }), output: administrationStateDto },
  'administrations.open': { input: z.object({ file, readOnly: z.boolean().default(false) }), output: administrationStateDto },
  'administrations.openDemo': { input: z.object({}), output: administrationStateDto },
  'administrations.close': { input: z.object({}), output: administrationStateDto },
  'administrations.pickFile': {
    input: z.object({ purpose: z.enum(['new', 'open']), suggestedName: z.string().max(200).optional() }),
    output: z.object({ file: z.string().nullable() }),
  },
  'administrations.restore': {
    input: z.object({ name: z.string().min(1).max(400) }),
    output: z.object({ restored: backupDto, before: backupDto }),
  },
});

export type HostContract = typeof hostContract;
export type HostMethod = keyof HostContract & string;
export type HostInput<M extends HostMethod> = InputOf<HostContract[M]>;
export type HostParsedInput<M extends HostMethod> = ParsedInputOf<HostContract[M]>;
export type HostOutput<M extends HostMethod> = OutputOf<HostContract[M]>;
export type AdministrationState = z.infer<typeof administrationStateDto>;

export function isHostMethod(name: string): name is HostMethod {
  return Object.hasOwn(hostContract, name);
}
