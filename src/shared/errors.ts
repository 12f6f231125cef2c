/**
 * Error codes that cross the API boundary. The core throws DomainError with one of these;
 * the dispatcher turns it into `{ ok: false, error }`; the UI maps codes to Dutch text.
 * Never branch on a message: branch on the code.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'INTERNAL',
  // Faults of the disk or the administration file (main/core/storage/storage-errors.ts).
  'STORAGE_FULL',
  'STORAGE_READ_ONLY',
  'STORAGE_LOCKED',
  'STORAGE_DAMAGED',
  'STORAGE_UNAVAILABLE',
  'STORAGE_IO',
  // An encrypted administration (main/core/db/database-key.ts).
  'STORAGE_PASSWORD_REQUIRED',
  'STORAGE_WRONG_PASSWORD',
  // A backup made under another password than the administration's current one (backups/restore-file.ts).
  'BACKUP_PASSWORD_REQUIRED',
  'BACKUP_WRONG_PASSWORD',
  // Opening administrations (main/administrations, core/storage/file-lock.ts).
  'NO_ADMINISTRATION',
  'ADMINISTRATION_NOT_FOUND',
  'NOT_AN_ADMINISTRATION',
  'ADMINISTRATION_IN_USE',
  'ADMINISTRATION_READ_ONLY',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field, e.g. `{ field: 'addresses.0.postcode', code: 'POSTCODE_INVALID_FORMAT' }`. */
export interface FieldIssue {
  field: string;
  code: string;
  details?: Record<string, string | number> | undefined;
}

export interface ErrorBody {
  code: ErrorCode;
  /** For NOT_FOUND/CONFLICT: what and which; for VALIDATION_FAILED: `issues`. */
  details?: Record<string, unknown> | undefined;
  issues?: FieldIssue[] | undefined;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>, issues?: FieldIssue[]) {
    super(issues?.length ? `${code}: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}` : code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.issues = issues;
  }

  toBody(): ErrorBody {
    return { code: this.code, details: this.details, issues: this.issues };
  }
}

export function validationError(issues: FieldIssue[]): DomainError {
  return new DomainError('VALIDATION_FAILED', undefined, issues);
}

export function notFound(entity: string, id: string): DomainError {
  return new DomainError('NOT_FOUND', { entity, id });
}
