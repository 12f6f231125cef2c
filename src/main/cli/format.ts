/** Dutch number and duration formatting for CLI output. */
export const nl = (n: number): string => n.toLocaleString('nl-NL');

export function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}
