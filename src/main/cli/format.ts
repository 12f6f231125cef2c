import { addDays, formatDutchDate } from '../../shared/dutch/dates';
/** Dutch number and duration formatting for CLI output. */
export const nl = (n: number): string => n.toLocaleString('nl-NL');

export function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/** Half-open periods as people read them: '1-1-2020 t/m 31-12-2024', 'vanaf 1-1-2020', 'altijd'. */
export function showPeriods(periods: { from: string | null; to: string | null }[]): string {
  const one = (p: { from: string | null; to: string | null }) => {
    const last = p.to ? formatDutchDate(addDays(p.to, -1)) : null;
    const first = p.from ? formatDutchDate(p.from) : null;
    if (first && last) return `${first} t/m ${last}`;
    if (first) return `vanaf ${first}`;
    if (last) return `t/m ${last}`;
    return 'altijd';
  };
  return periods.map(one).join(', ');
}
