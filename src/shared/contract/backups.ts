import { z } from 'zod';
import { defineContract } from './define';

/** Automatic and manual backups of the open administration (core/backups). Restoring one is the host's (administrations.restore). */
export const backupReason = z.enum(['open', 'interval', 'manual', 'import', 'merge', 'contributions', 'rules', 'migration', 'restore']);

export const backupDto = z.object({
  /** The file name in the backup folder: what administrations.restore and `restore --from` take. */
  name: z.string(),
  file: z.string(),
  /** ISO timestamp (UTC). */
  at: z.string(),
  reason: backupReason,
  bytes: z.number().int(),
});

const folder = z.string().trim().min(1).max(1000);

export const backupsContract = defineContract({
  'backups.list': {
    input: z.object({}),
    output: z.object({ folder: z.string(), intervalMinutes: z.number().int(), rows: z.array(backupDto) }),
  },
  'backups.create': {
    /** `onlyIfChanged`: the periodic backup, skipped when nothing was written since the last one. */
    input: z.object({ reason: backupReason.default('manual'), onlyIfChanged: z.boolean().default(false) }),
    output: z.object({ backup: backupDto.extend({ copyBytes: z.number().int() }).nullable() }),
  },
  /**
   * `PRAGMA quick_check`: reads every page. The hosts run it after the window shows. Answered on the writer, which is idle
   * then (the backup on opening follows it there): on the reader the first overview would wait behind it (~1 s at 100,000 relations).
   */
  'backups.checkFile': { input: z.object({}), output: z.object({ ok: z.boolean(), result: z.string() }) },
  'backups.setFolder': { input: z.object({ folder }), output: z.object({ folder: z.string() }) },
  /** After "Versleutelen": the backups made before it, still plain, are re-encrypted with the administration's key (backups/encrypt-backups.ts). */
  'backups.encryptPlain': { input: z.object({}), output: z.object({ encrypted: z.array(z.string()) }) },
});
