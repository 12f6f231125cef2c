import type { FeeSchedule, PaymentFrequency, PaymentMethod } from '../../../shared/contract/fee-schedule';

/** One membership type a relation holds during the period, with what the engine needs to price it. */
export interface MemberFact {
  relationId: string;
  number: number;
  name: string;
  birthDate: string | null;
  typeCode: string;
  typeName: string;
  /** Earliest start and latest (exclusive) end of the type's memberships that touch the period. */
  start: string | null;
  end: string | null;
}

export interface PaymentSetting {
  method: PaymentMethod;
  frequency: PaymentFrequency;
  payerRelationId: string | null;
  exempt: boolean;
  exemptReason: string | null;
  overrideCents: number | null;
  overrideReason: string | null;
}

/** A relation that may be billed: whether it can receive an invoice by post or by debit. */
export interface PayerFact {
  relationId: string;
  number: number;
  name: string;
  deleted: boolean;
  hasAddress: boolean;
  hasIban: boolean;
}

export interface RunFacts {
  schedule: FeeSchedule;
  invoiceDate: string;
  termDays: number;
  members: MemberFact[];
  settings: Map<string, PaymentSetting>;
  payers: Map<string, PayerFact>;
  /** Household key per relation (same home address, or linked as household). */
  households: Map<string, string>;
  /** `${relation}/${type}` already billed for this period by an earlier run. */
  billed: Set<string>;
  /** `${relation}/${chargeCode}` one-off charges ever billed. */
  charged: Set<string>;
}

export type LineKind = 'contribution' | 'surcharge' | 'one_off';

export interface RunLine {
  kind: LineKind;
  memberRelationId: string | null;
  memberName: string | null;
  membershipTypeCode: string | null;
  chargeCode: string | null;
  description: string;
  amountCents: number;
}

export interface RunInvoice {
  payerRelationId: string;
  payerNumber: number;
  payerName: string;
  method: PaymentMethod;
  frequency: PaymentFrequency;
  lines: RunLine[];
  totalCents: number;
  instalments: { dueDate: string; amountCents: number }[];
}

export type RunProblemCode =
  | 'INVOICE_WITHOUT_ADDRESS'
  | 'DEBIT_WITHOUT_IBAN'
  | 'NEGATIVE_TOTAL'
  | 'PAYER_NOT_FOUND'
  | 'PAYER_CYCLE'
  | 'NO_FEE_FOR_AGE'
  | 'BIRTH_DATE_MISSING';

export interface RunProblem {
  code: RunProblemCode;
  relationId: string;
  name: string;
  detail: string | null;
}

export interface RunOutcome {
  invoices: RunInvoice[];
  problems: RunProblem[];
  exempt: { relationId: string; name: string; reason: string }[];
  alreadyBilled: number;
  totalCents: number;
}
