import { idTextSql } from '../db/audit-keys';
import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract/conditions';
import type { Operation } from '../audit/operation-writer';
import { directReferences, type Reference } from '../conditions/condition-references';
import { parseStoredCondition } from '../conditions/stored-condition';
import { tableCodeSql } from '../db/audit-codes';

/** The tables whose rows hold rules (audit_record_idx by their code). */
const RULE_TABLES = ['membership_types', 'unit_rules', 'groups', 'selections'];

/*
 * Membership rules may use the finance atoms (payment method, open invoices older than N
 * days, contribution amount). Their facts are not relation fields: they are invoices, their
 * lines and instalments, payments and their allocations, payment settings and fee schedules
 * (the default payment method). An operation that changes those facts touches the relations
 * they belong to, through the same mechanism every other fact uses (op.touch, then the
 * recompute before the commit), so such memberships never go stale. The relations are read
 * from the operation's own audit rows, so every writer is covered, whatever its path: the
 * screens, the CLI, a run, a bank import, a SEPA return, an undo.
 */

const FINANCE_ATOMS: ReadonlySet<Condition['type']> = new Set(['paymentMethod', 'openInvoices', 'contributionAmount']);
/** Tables whose rows are the finance atoms' facts. */
const FINANCE_TABLES = ['payment_settings', 'fee_schedules', 'invoices', 'invoice_lines', 'invoice_instalments', 'payments', 'payment_allocations'];

/** Whether a condition uses a finance atom, itself or through the groups and selections it refers to. */
function usesFinance(ctx: CoreContext, c: Condition, seen: Set<Reference>): boolean {
  const walk = (x: Condition): boolean => {
    if (FINANCE_ATOMS.has(x.type)) return true;
    switch (x.type) {
      case 'and':
      case 'or':
        return x.items.some(walk);
      case 'not':
      case 'duration':
        return walk(x.item);
      case 'link':
        return x.target ? walk(x.target) : false;
      default:
        return false;
    }
  };
  if (walk(c)) return true;
  for (const ref of directReferences(c)) {
    if (seen.has(ref) || ref.startsWith('unit:')) continue;
    seen.add(ref);
    const [kind, id] = ref.split(':') as ['group' | 'selection', string];
    const text = ctx.sqlite.prepare(`SELECT condition FROM ${kind === 'group' ? 'groups' : 'selections'} WHERE id = ?`).pluck().get(id) as string | null | undefined;
    const parsed = text ? parseStoredCondition(text) : null;
    if (parsed?.ok && usesFinance(ctx, parsed.condition, seen)) return true;
  }
  return false;
}

/** Whether any base rule or unit rule depends on finance facts. */
export function rulesUseFinance(ctx: CoreContext): boolean {
  // Quick test first (one look at the stored JSON, no parsing): no finance atom named anywhere in rules, groups or selections.
  const named = ctx.sqlite
    .prepare(
      `SELECT 1 FROM (SELECT base_condition AS c FROM membership_types UNION ALL SELECT condition FROM unit_rules
                      UNION ALL SELECT condition FROM groups UNION ALL SELECT condition FROM selections)
        WHERE c LIKE '%"paymentMethod"%' OR c LIKE '%"openInvoices"%' OR c LIKE '%"contributionAmount"%' LIMIT 1`,
    )
    .get();
  if (!named) return false;
  const texts = ctx.sqlite
    .prepare(`SELECT base_condition FROM membership_types UNION ALL SELECT condition FROM unit_rules WHERE condition IS NOT NULL`)
    .pluck()
    .all() as string[];
  const seen = new Set<Reference>();
  return texts.some((t) => {
    const parsed = parseStoredCondition(t);
    return parsed.ok && usesFinance(ctx, parsed.condition, seen);
  });
}

/**
 * Touches the relations whose finance facts this operation changed, when a rule depends on
 * them: the debtor of an invoice, instalment, payment or allocation (and the invoice's debtor
 * when someone else paid it), the member of an invoice line, the owner of a payment setting;
 * a new fee schedule can change everyone's default payment method.
 */
export function financeDependentsToucher(ctx: CoreContext): (op: Operation) => void {
  // Whether a rule uses a finance atom parses every rule text, so it is read once per rules
  // version: the operation (by its UUID, never reused, also not after a rolled-back dry run)
  // that last wrote a rule, a group or a selection, as the audit log shows (undo and imports
  // included). A few index steps instead of a parse per operation.
  const version = ctx.sqlite
    .prepare(
      `SELECT o.id FROM operations o WHERE o.seq = (SELECT operation FROM audit_log WHERE id = (
         SELECT max(id) FROM audit_log WHERE table_code IN (${RULE_TABLES.map(tableCodeSql).join(', ')})))`,
    )
    .pluck();
  let known: { version: string | undefined; uses: boolean } | null = null;
  const usesFinance = () => {
    const v = version.get() as string | undefined;
    const current = known !== null && known.version === v ? known : { version: v, uses: rulesUseFinance(ctx) };
    known = current;
    return current.uses;
  };
  return (op) => {
    if (op.touched === 'all' || !usesFinance()) return;
    touchFinanceDependents(ctx, op);
  };
}

function touchFinanceDependents(ctx: CoreContext, op: Operation): void {
  const tables = ctx.sqlite
    .prepare(`SELECT DISTINCT table_name FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = ?) AND table_name IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(op.id, JSON.stringify(FINANCE_TABLES)) as string[];
  if (tables.length === 0) return;
  if (tables.includes('fee_schedules')) {
    op.touch('all');
    return;
  }
  const ids = ctx.sqlite
    .prepare(
      // Compact history (docs/architecture.md): ids are stored as blobs, an insert row keeps no
      // image (the live row is the record as created, unless this operation changed it again),
      // a delete row the old image, an update row one field's values.
      `WITH a AS (SELECT action, table_name, field, old_value, new_value, ${idTextSql('record_id')} AS record_id, ${idTextSql('relation_id')} AS relation_id
                    FROM audit_log WHERE operation = (SELECT seq FROM operations WHERE id = @op))
       SELECT relation_id FROM a WHERE table_name IN (SELECT value FROM json_each(@tables)) AND relation_id IS NOT NULL
       UNION SELECT CASE a.action WHEN 'delete' THEN json_extract(a.old_value, '$.member_relation_id')
                    ELSE coalesce(json_extract(a.new_value, '$.member_relation_id'), l.member_relation_id) END
         FROM a LEFT JOIN invoice_lines l ON l.id = a.record_id WHERE a.table_name = 'invoice_lines'
       UNION SELECT old_value FROM a WHERE table_name = 'invoice_lines' AND action = 'update' AND field = 'member_relation_id'
       UNION SELECT i.relation_id FROM a LEFT JOIN payment_allocations p ON p.id = a.record_id
         JOIN invoices i ON i.id = CASE a.action WHEN 'delete' THEN json_extract(a.old_value, '$.invoice_id') ELSE coalesce(json_extract(a.new_value, '$.invoice_id'), p.invoice_id) END
        WHERE a.table_name = 'payment_allocations'`,
    )
    .pluck()
    .all({ op: op.id, tables: JSON.stringify(FINANCE_TABLES) }) as (string | null)[];
  op.touch(ids.filter((id): id is string => id !== null));
}
