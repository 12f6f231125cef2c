import type { InputOf, OutputOf, ParsedInputOf } from './define';
import { relationsContract } from './relations';
import { addressesContract } from './addresses';
import { linksContract } from './links';
import { classificationContract } from './classification';
import { auditContract } from './audit';
import { referenceContract } from './reference';
import { groupsContract, selectionsContract } from './groups';
import { membershipsContract } from './memberships';
import { ioContract } from './io';
import { dedupeContract } from './dedupe';
import { requestsContract } from './requests';
import { contactsContract } from './contacts';
import { meetingsContract } from './meetings';
import { contributionsContract } from './contributions';
import { privacyContract } from './privacy';
import { bankContract } from './bank';
import { sepaContract } from './sepa';
import { overviewContract } from './overview';
import { listsContract } from './lists';
import { reportsContract } from './reports';
import { backupsContract } from './backups';

/** The whole API. A domain adds its group here; handler types derive from it. */
export const contract = {
  ...relationsContract,
  ...addressesContract,
  ...linksContract,
  ...classificationContract,
  ...auditContract,
  ...referenceContract,
  ...groupsContract,
  ...selectionsContract,
  ...membershipsContract,
  ...ioContract,
  ...dedupeContract,
  ...requestsContract,
  ...contactsContract,
  ...meetingsContract,
  ...contributionsContract,
  ...privacyContract,
  ...bankContract,
  ...sepaContract,
  ...overviewContract,
  ...listsContract,
  ...reportsContract,
  ...backupsContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type Input<M extends MethodName> = InputOf<Contract[M]>;
export type ParsedInput<M extends MethodName> = ParsedInputOf<Contract[M]>;
export type Output<M extends MethodName> = OutputOf<Contract[M]>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export * from './relations';
export * from './addresses';
export * from './links';
export * from './classification';
export * from './audit';
export * from './reference';
export * from './groups';
export * from './conditions';
export * from './memberships';
export * from './io';
export * from './dedupe';
export * from './requests';
export * from './contacts';
export * from './meetings';
export * from './contributions';
export * from './privacy';
export * from './bank';
export * from './sepa';
export * from './overview';
export * from './lists';
export * from './reports';
export * from './backups';
export * from './fee-schedule';
export type { InputOf, OutputOf, ParsedInputOf } from './define';
export * from './operation-kinds';
