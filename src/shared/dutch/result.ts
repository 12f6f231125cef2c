/**
 * Outcome of a validation/normalisation. Failures carry a stable UPPER_SNAKE code;
 * the UI maps codes to text, so no human language lives in src/shared.
 */
export type Ok<T> = { ok: true; value: T };
export type Failure = { ok: false; code: string; details?: Record<string, string | number> };
export type Result<T> = Ok<T> | Failure;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail(code: string, details?: Record<string, string | number>): Failure {
  return details === undefined ? { ok: false, code } : { ok: false, code, details };
}
