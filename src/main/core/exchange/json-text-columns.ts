import { z } from 'zod';
import { condition, type Condition } from '../../../shared/contract';
import { id } from '../../../shared/contract/fields';
import { usesMemberships } from '../memberships/rule-conditions';

/**
 * Columns that hold JSON text (a condition, a list of ids) in the sections without
 * hand-written schemas, each with the contract's own schema for what the application itself
 * would store there. An import parses the text and checks it exactly as the API checks
 * input; "this is not json" in a rule is refused with the record and field named, instead of
 * breaking every later write that recomputes memberships.
 */
interface JsonTextColumn {
  schema: z.ZodType;
  /** The code when the JSON is not what the column holds. */
  code: string;
  /** Membership rules may not use the membership atom (they compute it). */
  rule?: boolean;
}

const RECIPIENTS = z.array(id).max(1000);
// A batch's payment blocks in file order (ISO 20022 PmtInfId: Max35Text); one block per collection date and sequence type.
const PMT_INF_IDS = z.array(z.string().min(1).max(35)).max(1000);

export const JSON_TEXT_COLUMNS: ReadonlyMap<string, JsonTextColumn> = new Map([
  ['groups.condition', { schema: condition, code: 'CONDITION_INVALID' }],
  ['selections.condition', { schema: condition, code: 'CONDITION_INVALID' }],
  ['membershipTypes.baseCondition', { schema: condition, code: 'CONDITION_INVALID', rule: true }],
  ['unitRules.condition', { schema: condition, code: 'CONDITION_INVALID', rule: true }],
  ['subscriptions.recipients', { schema: RECIPIENTS, code: 'RECIPIENTS_INVALID' }],
  ['sepaBatches.pmtInfIds', { schema: PMT_INF_IDS, code: 'PMT_INF_IDS_INVALID' }],
]);

const OWN_CODE = /^[A-Z][A-Z0-9_]*$/;

/** A string column holding JSON of `column.schema`, stored normalised as the application stores it. */
export function jsonTextSchema(column: JsonTextColumn): z.ZodType<string> {
  return z.string().transform((text, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'JSON_TEXT_INVALID' });
      return z.NEVER;
    }
    const parsed = column.schema.safeParse(value);
    if (!parsed.success) {
      // A refinement of the contract (AGE_NEEDS_BOUND, …) says more than the column's code.
      const own = parsed.error.issues.map((i) => i.message).find((m) => OWN_CODE.test(m));
      ctx.addIssue({ code: 'custom', message: own ?? column.code });
      return z.NEVER;
    }
    if (column.rule && usesMemberships(parsed.data as Condition)) {
      ctx.addIssue({ code: 'custom', message: 'MEMBERSHIP_ATOM_IN_RULE' });
      return z.NEVER;
    }
    return JSON.stringify(parsed.data);
  });
}
