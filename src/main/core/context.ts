import type Database from 'better-sqlite3';
import type { Db } from './db/open-database';
import type { Write } from './audit/operation-writer';
import type { ReferenceData } from './reference/reference-data';
import type { PlanStore } from './plans/plan-store';
import type { RecordIds } from './db/record-ids';

/** Everything a domain module needs, injected: no module-level singletons. */
export interface CoreContext {
  sqlite: Database.Database;
  db: Db;
  write: Write;
  reference: ReferenceData;
  /** The app's shipped files: migrations, reference data, default document templates. */
  resourcesDir: string;
  /** A new record id: the file's compact ids (db/record-ids.ts), or a test's own. */
  newId: () => string;
  /** The compact-id counter behind newId; absent when a test injects its ids. */
  recordIds?: RecordIds;
  /** Epoch milliseconds. */
  now: () => number;
  /** Today as 'YYYY-MM-DD' in local time. */
  today: () => string;
  actor: () => string;
  file: string;
  /** Previews held until their commit (imports now; runs and merges later). */
  plans: PlanStore;
}
