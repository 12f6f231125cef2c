import type { z } from 'zod';

/** One API method: zod schemas for what goes in and what comes out. */
export interface MethodContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export type ContractGroup = Record<string, MethodContract>;

export function defineContract<const C extends ContractGroup>(group: C): C {
  return group;
}

/** What a caller passes (before zod defaults and transforms). */
export type InputOf<M extends MethodContract> = z.input<M['input']>;
/** What a handler receives (after parsing). */
export type ParsedInputOf<M extends MethodContract> = z.output<M['input']>;
export type OutputOf<M extends MethodContract> = z.output<M['output']>;
