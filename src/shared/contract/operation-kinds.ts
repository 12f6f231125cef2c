/**
 * Every kind of operation the core writes (`ctx.write(kind, …)` only accepts these), so
 * History can name each one: a test checks every kind has a Dutch and an English label.
 * A new kind of write is added here first.
 */
export const OPERATION_KINDS = [
  'relations.create', 'relations.update', 'relations.setNumber', 'relations.delete', 'relations.restore',
  'relations.emptyTrash', 'relations.addType', 'relations.endType', 'relations.removeType', 'relations.setTags',
  'relations.setCustomValues',
  'addresses.add', 'addresses.update', 'addresses.move', 'addresses.remove',
  'links.add', 'links.update', 'links.remove',
  'linkTypes.create', 'linkTypes.update', 'linkTypes.delete',
  'relationTypes.create', 'relationTypes.update', 'relationTypes.delete',
  'tags.create', 'tags.update', 'tags.delete',
  'customFields.create', 'customFields.delete',
  'groups.create', 'groups.update', 'groups.delete', 'groups.addMember', 'groups.updateMember', 'groups.removeMember', 'groups.exclude',
  'groupRoles.create',
  'selections.create', 'selections.update', 'selections.delete',
  'units.create', 'units.update', 'units.move', 'units.delete', 'units.createActions',
  'membershipTypes.create', 'membershipTypes.update',
  'rules.setVersion', 'rules.removeVersion', 'memberships.recompute',
  'exceptions.add', 'exceptions.update', 'exceptions.remove',
  'subscriptionTypes.create', 'subscriptions.add', 'subscriptions.update', 'subscriptions.remove',
  'io.import', 'io.undoImport', 'exchange.importJson',
  'setup.defaults', 'setup.groupRoles', 'demo.generate',
  'dedupe.merge', 'dedupe.undoMerge', 'dedupe.dismiss', 'dedupe.undismiss', 'dedupe.setWeights',
  'contributions.setSettings', 'paymentSettings.set', 'feeSchedules.save', 'contributionRuns.run', 'contributionRuns.close', 'contributionRuns.undo',
  'invoices.create', 'invoices.setLines', 'invoices.markSent', 'invoices.credit', 'payments.add', 'payments.remove', 'reminders.run',
  'requests.load', 'requests.assign', 'requests.approve', 'requests.reject',
  'log.add', 'log.addMail', 'log.remove', 'log.lettersSent',
  'tasks.create', 'tasks.update', 'tasks.complete', 'tasks.reopen', 'tasks.snooze', 'tasks.remove', 'tasks.sync',
  'meetings.create', 'meetings.update', 'meetings.setAttendance',
  'privacy.anonymise',
  'bank.import', 'bank.match', 'bank.ignore', 'bank.unmatch', 'bank.setSettings', 'sepaMandates.end',
  'sepa.setCreditor', 'mandates.create', 'mandates.amend', 'mandates.revoke', 'sepaBatches.collect', 'sepaBatches.refunds',
  'lists.addToGroup', 'lists.tag', 'lists.relationType', 'lists.trash',
] as const;

/** Tests and benchmarks write raw rows under their own prefixes; they never reach a user's file. */
export type OperationKind = (typeof OPERATION_KINDS)[number] | `test.${string}` | `bench.${string}`;
