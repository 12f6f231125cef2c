import { z } from 'zod';

/**
 * The host's own methods around the open administration (main/session): unlocking an
 * encrypted one, locking it after idle time, encrypting it and changing its password. They are
 * answered by the host, not by the core, because they close and reopen the core's threads.
 */
const password = z.string().min(1).max(1024);

export const sessionContract = {
  'session.status': {
    input: z.object({}),
    output: z.object({
      state: z.enum(['locked', 'open']),
      encrypted: z.boolean(),
      fileName: z.string(),
      /** Minutes without use after which an encrypted administration locks; 0 = never. */
      idleLockMinutes: z.number().int().min(0).max(1440),
      canRemember: z.boolean(),
      remembered: z.boolean(),
    }),
  },
  'session.unlock': { input: z.object({ password, remember: z.boolean().optional() }), output: z.object({ ok: z.literal(true) }) },
  'session.lock': { input: z.object({}), output: z.object({ ok: z.literal(true) }) },
  'session.encrypt': { input: z.object({ password, remember: z.boolean().optional() }), output: z.object({ ok: z.literal(true) }) },
  'session.changePassword': { input: z.object({ current: password, next: password }), output: z.object({ ok: z.literal(true) }) },
  'session.setIdleLock': { input: z.object({ minutes: z.number().int().min(0).max(1440) }), output: z.object({ ok: z.literal(true) }) },
  'session.forgetPassword': { input: z.object({}), output: z.object({ ok: z.literal(true) }) },
} as const;

export type SessionMethod = keyof typeof sessionContract;
export type SessionInput<M extends SessionMethod> = z.input<(typeof sessionContract)[M]['input']>;
export type SessionOutput<M extends SessionMethod> = z.output<(typeof sessionContract)[M]['output']>;
