import { z } from 'zod';
import { defineContract, type InputOf, type OutputOf, type ParsedInputOf } from './define';
import { backupDto } from './backups';

/**
 * The host's own methods (main/administrations/session.ts): which administration is open,
 * the start screen's new/open/recent/demo, restoring a backup, and everything around an
 * encrypted administration (its password at open, the idle lock, encrypting, a new password),
 * all of which close and reopen the core's threads. They are answered by the host, not by a
 * core, so they work with none open.
 */
const file = z.string().trim().min(1).max(4000);
/** A password as typed; its minimum length is a rule of the core (db/database-key.ts). */
const password = z.string().min(1).max(1024);
/** Minutes without use after which an encrypted administration locks; 0 = never. */
const idleLockMinutes = z.number().int().min(0).max(1440);

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
  /** Encrypted with a password (SQLCipher); Settings → Beveiliging. */
  encrypted: z.boolean(),
  idleLockMinutes,
  /** Its password is remembered on this computer (Electron safeStorage). */
  remembered: z.boolean(),
});

/** An encrypted administration waiting for its password: at open, or locked after idle time. */
export const lockedAdministrationDto = z.object({ file: z.string(), fileName: z.string(), reason: z.enum(['password', 'idle']) });

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
  /** Set while `open` is null and the password prompt shows. */
  locked: lockedAdministrationDto.nullable(),
  /** This computer can remember a password safely (the OS keychain, never a fixed key). */
  canRemember: z.boolean(),
});

export const hostContract = defineContract({
  'administrations.state': { input: z.object({}), output: administrationStateDto },
  /** With a password the new administration is encrypted from its first page. */
  'administrations.create': { input: z.object({ name: z.string().trim().min(1).max(200), file, password: password.optional() }), output: administrationStateDto },
  /** An encrypted file without a (remembered) password: `locked` is set and the prompt asks it. */
  'administrations.open': { input: z.object({ file, readOnly: z.boolean().default(false) }), output: administrationStateDto },
  /** Opens the locked administration with its password (STORAGE_WRONG_PASSWORD: stays locked). */
  'administrations.unlock': { input: z.object({ password, remember: z.boolean().default(false) }), output: administrationStateDto },
  /** Closes the core threads of an encrypted administration and drops its key (idle lock). */
  'administrations.lock': { input: z.object({}), output: administrationStateDto },
  'administrations.encrypt': { input: z.object({ password, remember: z.boolean().default(false) }), output: administrationStateDto },
  'administrations.changePassword': { input: z.object({ current: password, next: password }), output: administrationStateDto },
  'administrations.setIdleLock': { input: z.object({ minutes: idleLockMinutes }), output: administrationStateDto },
  'administrations.forgetPassword': { input: z.object({}), output: administrationStateDto },
  'administrations.openDemo': { input: z.object({}), output: administrationStateDto },
  'administrations.close': { input: z.object({}), output: administrationStateDto },
  'administrations.pickFile': {
    input: z.object({ purpose: z.enum(['new', 'open']), suggestedName: z.string().max(200).optional() }),
    output: z.object({ file: z.string().nullable() }),
  },
  'administrations.restore': {
    /** `password`: the backup's own, when it was made under another password (BACKUP_PASSWORD_REQUIRED without it). */
    input: z.object({ name: z.string().min(1).max(400), password: password.optional() }),
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
