/** A fresh id for one long io call; progress events and io.cancel refer to it. */
export function newJobId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `job-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
