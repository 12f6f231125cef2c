/** The shortest password accepted for an encrypted administration; a shorter one protects nothing against a guessing attack. The core checks it (core/db/database-key.ts), the forms say it as you type. */
export const MIN_PASSWORD_LENGTH = 8;
