import type { MethodName } from './index';

/**
 * Methods that only read and are answered on the core thread's read connection, so search,
 * lists and the relation card stay instant while a long write (an import, a full recompute)
 * runs on the writer. Everything else goes to the writer, in order. A method listed here
 * must never write: the read connection is opened read-only and refuses it. A long read
 * that would hold up the screen's reads goes to the writer when it is idle (backups.checkFile).
 */
export const READ_CONNECTION_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'relations.search',
  'privacy.export',
  'privacy.retention',
  'relations.list',
  'relations.get',
  'relations.findSimilar',
  'relations.findOrganisationByEmail',
  'audit.forRelation',
  'audit.list',
  'groups.ofRelation',
  'memberships.ofRelation',
  'subscriptions.list',
  'reference.lookupPostcode',
  'reference.bicForIban',
  'bank.entries',
  'bank.returns',
  'bank.statements',
  'bank.candidates',
  'sepa.getCreditor',
  'mandates.list',
  'sepaBatches.list',
  'sepaBatches.file',
  'overview.get',
  'overview.series',
  'lists.emails',
  'reports.membersPerUnit',
  'reports.ageCategories',
  'reports.birthdays',
  'reports.jubilees',
  'reports.contributions',
  'reports.board',
]);
