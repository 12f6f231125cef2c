import type Database from 'better-sqlite3';

/*
 * SQLite copies the WAL back into the database file (a checkpoint) inside the commit that takes
 * the WAL past `wal_autocheckpoint` pages, so a large write (a 100,000-debit export, a
 * contribution run, an import's commit) waited another 0.3–0.8 s for its own pages to be
 * copied once more before the secretary saw the answer. The writer's connection checkpoints
 * when it is idle instead: after a commit, once the event loop turns (the answer has gone
 * out). The automatic checkpoint stays as a safety net for a long run of writes without a turn
 * of the loop, at 256 MB of WAL instead of 4 MB. Readers read on through a checkpoint (WAL).
 */

/** The automatic checkpoint's threshold, in pages (4 KiB each: 256 MiB). */
export const AUTO_CHECKPOINT_PAGES = 65_536;

export function configureCheckpoints(sqlite: Database.Database): void {
  sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
}

const pending = new WeakSet<Database.Database>();

/** After a commit: a PASSIVE checkpoint once the event loop turns (one, however many commits come before it). */
export function checkpointWhenIdle(sqlite: Database.Database): void {
  if (pending.has(sqlite) || sqlite.memory) return;
  pending.add(sqlite);
  const timer = setTimeout(() => {
    pending.delete(sqlite);
    if (!sqlite.open || sqlite.inTransaction) return;
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Nothing is lost when a checkpoint cannot run now (another connection busy, a full disk):
      // the WAL keeps every commit, and the next commit, checkpoint or close tries again; a
      // write that fails for the same cause reports it in Dutch.
    }
  }, 0);
  // A CLI command may end before the loop turns: closing the connection checkpoints then.
  timer.unref();
}
