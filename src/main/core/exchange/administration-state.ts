import type Database from 'better-sqlite3';
import { DomainError } from '../../../shared/errors';
import { SEEDED_TABLES, USER_TABLES } from './user-tables';

/**
 * Tables whose rows make an administration "not empty": every user table except the ones a
 * new administration is seeded with (relation types, link types, group roles; see
 * user-tables.ts), which a load into an empty administration may replace.
 */
const USER_DATA_TABLES = USER_TABLES.map((t) => t.name).filter((name) => !SEEDED_TABLES.has(name));

export function userDataCounts(sqlite: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of USER_DATA_TABLES) {
    counts[t] = (sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${t} LIMIT 1)`).get() as { n: number }).n;
  }
  return counts;
}

export function isEmptyAdministration(sqlite: Database.Database): boolean {
  return Object.values(userDataCounts(sqlite)).every((n) => n === 0);
}

/** Refuses (CONFLICT, reason ADMINISTRATION_NOT_EMPTY) when the administration holds user data, trash included. */
export function assertEmptyAdministration(sqlite: Database.Database): void {
  if (isEmptyAdministration(sqlite)) return;
  const relations = (sqlite.prepare('SELECT count(*) AS n FROM relations').get() as { n: number }).n;
  throw new DomainError('CONFLICT', { reason: 'ADMINISTRATION_NOT_EMPTY', relations });
}
