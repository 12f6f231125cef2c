import type { CoreContext } from '../context';
import type { Operation } from '../audit/operation-writer';
import { addContactsDemo } from './demo-contacts';
import { addAssociationDemo } from './demo-association';
import { addSepaDemo } from './demo-sepa';
import { addBankDemo } from './demo-bank';

/**
 * What the demo adds on top of the generated members, in order, inside the demo's one
 * operation and through the app's own code. A new capability hooks its demo in with one line.
 */
export type DemoModule = (ctx: CoreContext, today: string, op: Operation) => void;

export const DEMO_MODULES: readonly DemoModule[] = [
  addContactsDemo, // board, meetings, contact log, tasks, change requests
  addAssociationDemo, // subscriptions, units and rules, memberships, committees, selections, contributions
  addSepaDemo, // creditor, mandates (one lapsed, one revoked, one amended)
  addBankDemo, // a statement: a batch credit, transfers, a partial payment, returns, two left to match by hand
];
