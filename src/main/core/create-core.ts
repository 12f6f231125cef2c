import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import os from 'node:os';
import { createDispatcher, type Dispatcher, type Handlers } from './rpc/dispatcher';
import { dispatchBytes } from './rpc/byte-dispatch';
import { openDatabase } from './db/open-database';
import { createRecordIds } from './db/record-ids';
import { createOperationWriter, type Operation } from './audit/operation-writer';
import { checkpointWhenIdle } from './db/idle-checkpoint';
import { allowDerivedWrites, storeDerivedAtClose } from './db/derived-state';
import { loadReferenceData } from './reference/reference-data';
import type { CoreContext } from './context';
import { createPlanStore } from './plans/plan-store';
import type { CoreEvent } from '../../shared/rpc';
import { eventContract } from '../../shared/contract/events';
import { todayIso } from '../../shared/dutch/dates';
import { relationsHandlers } from './relations/relations.handlers';
import { addressesHandlers } from './addresses/addresses.handlers';
import { linksHandlers } from './links/links.handlers';
import { classificationHandlers } from './classification/classification.handlers';
import { auditHandlers } from './audit/audit.handlers';
import { referenceHandlers } from './reference/reference.handlers';
import { groupsHandlers } from './groups/groups.handlers';
import { selectionsHandlers } from './selections/selections.handlers';
import { subscriptionsHandlers } from './memberships/subscriptions.handlers';
import { unitsHandlers } from './memberships/units.handlers';
import { membershipsHandlers } from './memberships/memberships.handlers';
import { keepMembershipsInStep } from './memberships/keep-in-step';
import { ioHandlers } from './io/io.handlers';
import { dedupeHandlers } from './dedupe/dedupe.handlers';
import { requestsHandlers } from './requests/requests.handlers';
import { contactLogHandlers } from './contact-log/contact-log.handlers';
import { tasksHandlers } from './tasks/tasks.handlers';
import { meetingsHandlers } from './meetings/meetings.handlers';
import { contributionsHandlers } from './contributions/contributions.handlers';
import { createJobs } from './io/jobs';
import { privacyHandlers } from './privacy/privacy.handlers';
import { bankHandlers } from './bank/bank.handlers';
import { sepaHandlers } from './sepa/sepa.handlers';
import { overviewHandlers } from './overview/overview.handlers';
import { listActionsHandlers } from './lists/list-actions.handlers';
import { reportsHandlers } from './reports/reports.handlers';
import { seedDefaults } from './setup/default-data';
import { createBackupService, type BackupService } from './backups/backup-service';
import { backupsHandlers } from './backups/backups.handlers';
import { BACKUP_BEFORE } from './backups/backup-before';
import { resourcesDir as defaultResourcesDir } from '../paths';

export interface CoreOptions {
  /** The administration file, or ':memory:'. */
  file: string;
  resourcesDir?: string;
  now?: () => number;
  newId?: () => string;
  actor?: string;
  /** Validate handler outputs against the contract (tests and development). */
  checkOutput?: boolean;
  onUnexpected?: (error: unknown, method: string) => void;
  /**
   * The read connection of the core thread: the same handlers on a read-only connection to
   * the same file, for the methods in READ_CONNECTION_METHODS. Nothing is seeded or written.
   */
  readOnly?: boolean;
  /** The password of an encrypted administration (db/database-key.ts); memory only. */
  password?: string | null;
  /**
   * Backups before big operations (backups/backup-before.ts): on for the app and the CLI,
   * off for unit tests, so a test's folder holds only what it made.
   */
  autoBackups?: boolean;
  /** The host runs the file check after the window shows (db/open-database.ts `deferCheck`). */
  deferFileCheck?: boolean;
  /** Opened read-only because another process holds the administration: every write says so. */
  readOnlyAdministration?: boolean;
}

export interface Core extends Dispatcher {
  ctx: CoreContext;
  /** CoreService's byte form, for a host running the core in-process (tests, the CLI's serve). */
  dispatchBytes(method: string, params: Uint8Array): Promise<Uint8Array>;
  /** Subscribe to events emitted after commits; returns the unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): void;
  migrated: { applied: string[]; backup: string | null };
  backups: BackupService;
}

export const APP_VERSION = '0.1.0';

/** A method routed to the read connection that tries to write is a routing bug, not a user error. */
const refuseWrites: CoreContext['write'] = (kind) => {
  throw new Error(`write '${kind}' on the read connection`);
};
/** An administration opened read-only (someone else holds it): a write is the user's, and gets a clear message. */
const refuseReadOnly: CoreContext['write'] = () => {
  throw new DomainError('ADMINISTRATION_READ_ONLY');
};

/** The composition root: opens the file and wires the domains. No logic lives here. */
export function createCore(opts: CoreOptions): Core {
  const resources = opts.resourcesDir ?? defaultResourcesDir();
  const now = opts.now ?? Date.now;
  // Operations keep a UUID (their public name in History, undo and the CLI, stored once);
  // records get the file's compact ids (db/record-ids.ts), unless a test injects its own.
  const operationId = opts.newId ?? randomUUID;
  const actorName = opts.actor ?? os.userInfo().username;
  const listeners = new Set<(e: CoreEvent) => void>();
  const checkOutput = opts.checkOutput ?? false;
  // Payloads are ours, like outputs: checked against the event contract in tests and development.
  const emit = (e: CoreEvent) => {
    if (checkOutput) eventContract[e.name].parse(e.payload);
    listeners.forEach((l) => l(e));
  };
  const readOnly = (opts.readOnly ?? false) || (opts.readOnlyAdministration ?? false);
  const { sqlite, db, migrated } = openDatabase({ file: opts.file, migrationsDir: `${resources}/migrations`, now, readOnly, deferCheck: opts.deferFileCheck ?? false, password: opts.password ?? null });
  const recordIds = opts.newId ? null : createRecordIds(sqlite);
  const newId = recordIds?.newId ?? operationId;
  // The hook needs the finished context, so it is bound once the context exists.
  const hooks: { beforeCommit?: (op: Operation) => void } = {};
  const ctx: CoreContext = {
    sqlite,
    db,
    write: readOnly
      ? opts.readOnlyAdministration ? refuseReadOnly : refuseWrites
      : createOperationWriter({
          sqlite,
          newId: operationId,
          now,
          actor: () => actorName,
          emit,
          beforeCommit: (op) => hooks.beforeCommit?.(op),
          afterCommit: () => checkpointWhenIdle(sqlite),
          ...(recordIds ? { recordIds } : {}),
        }),
    reference: loadReferenceData(resources),
    resourcesDir: resources,
    newId,
    ...(recordIds ? { recordIds } : {}),
    now,
    today: () => todayIso(new Date(now())),
    actor: () => actorName,
    file: opts.file,
    plans: createPlanStore({ now, newId: operationId }),
  };
  // The reader's derived state is written through a connection of its own; a read-only administration keeps it in memory only.
  allowDerivedWrites(sqlite, { file: opts.file, password: opts.password ?? null, via: opts.readOnlyAdministration ? 'none' : readOnly ? 'side' : 'self' });
  if (!readOnly) {
    hooks.beforeCommit = keepMembershipsInStep(ctx);
    seedDefaults(ctx);
  }
  // One registry of long calls (imports, exports, merges, invoice documents, runs): io.cancel stops any of them.
  const jobs = createJobs(emit);
  const backups = createBackupService(ctx);
  const handlers = {
    ...relationsHandlers(ctx),
    ...addressesHandlers(ctx),
    ...linksHandlers(ctx),
    ...classificationHandlers(ctx),
    ...auditHandlers(ctx),
    ...referenceHandlers(ctx, APP_VERSION),
    ...groupsHandlers(ctx),
    ...selectionsHandlers(ctx),
    ...subscriptionsHandlers(ctx),
    ...unitsHandlers(ctx),
    ...membershipsHandlers(ctx),
    ...ioHandlers(ctx, { emit, jobs }),
    ...dedupeHandlers(ctx),
    ...requestsHandlers(ctx),
    ...contactLogHandlers(ctx),
    ...tasksHandlers(ctx),
    ...meetingsHandlers(ctx),
    ...contributionsHandlers(ctx, jobs),
    ...privacyHandlers(ctx),
    ...bankHandlers(ctx, { emit }),
    ...sepaHandlers(ctx),
    ...overviewHandlers(ctx),
    ...listActionsHandlers(ctx),
    ...reportsHandlers(ctx),
    ...backupsHandlers(backups, sqlite),
  } satisfies Handlers;
  if (opts.autoBackups && !readOnly && opts.file !== ':memory:') {
    for (const [method, reasonFor] of Object.entries(BACKUP_BEFORE)) {
      const name = method as keyof typeof handlers;
      const inner = handlers[name] as (input: unknown) => unknown;
      (handlers as Record<string, (input: unknown) => unknown>)[name] = (input) => {
        const reason = reasonFor?.(input);
        if (reason) backups.before(reason);
        return inner(input);
      };
    }
  }
  const dispatcher = createDispatcher(handlers, {
    checkOutput,
    onUnexpected: opts.onUnexpected ?? ((error, method) => console.error(`[core] ${method} failed`, error)),
  });
  return {
    ...dispatcher,
    dispatchBytes: (method, params) => dispatchBytes(dispatcher.dispatch, method, params),
    ctx,
    migrated,
    backups,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      storeDerivedAtClose(sqlite);
      sqlite.close();
    },
  };
}
