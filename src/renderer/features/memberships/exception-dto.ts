import type { z } from 'zod';
import type { exceptionDto } from '../../../shared/contract';

/** The contract exports the schema only; this is its row type. */
export type ExceptionDto = z.infer<typeof exceptionDto>;
