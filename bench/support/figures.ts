/** One measured figure, printed as one JSON line so runs can be compared and checked by tools. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit?: string };
  /** value / baseline.value (how many times the baseline). */
  ratio?: number;
  target: string;
  ok: boolean;
  /** CPU time of the process over the same span (the machine is shared: wall time alone is noise). */
  cpuMs?: number;
}

export function report(f: Figure): void {
  const out = f.baseline && f.ratio === undefined ? { ...f, ratio: round(f.value / f.baseline.value) } : f;
  console.log(JSON.stringify({ ...out, value: round(out.value), ...(out.cpuMs !== undefined ? { cpuMs: round(out.cpuMs) } : {}) }));
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Wall-clock and CPU time (this process, all threads) of one call. */
export function time<T>(fn: () => T): { ms: number; cpuMs: number; result: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, result };
}
