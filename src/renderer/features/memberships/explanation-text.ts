import { brokenReasonText } from './broken-rule-text';
import type { TFunction } from 'i18next';
import type { Condition, ExplanationFacts, ExplanationNode, UnitRuleDto } from '../../../shared/contract';
import { periodText, showDate } from '../../lib/dates';
import { atomText, conditionText, type AtomCondition, type ConditionNames } from './condition-text';

export interface ExplainLine {
  text: string;
  holds: boolean;
  children: ExplainLine[];
}

export interface ExplainContext {
  t: TFunction;
  names: ConditionNames;
  /** The type's base rule: the core folds a one-atom base rule into its BASE_RULE node. */
  baseCondition?: Condition | undefined;
  /** The rule version of a unit (by name) in force then; for the same reason as above. */
  ruleOf?: ((unitName: string, general: boolean, validFrom: string | null) => Condition | null | undefined) | undefined;
}

const COMBINATORS = new Set(['and', 'or', 'not', 'duration']);
const ATOMS = new Set<string>([
  'kind', 'relationType', 'age', 'birthDate', 'gender', 'alive', 'address', 'groupMember',
  'link', 'tag', 'customField', 'selection', 'subscription', 'membership',
]);

function parseDetail(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const v: unknown = JSON.parse(detail);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The folded condition, in words, when the node lost its single atom child. */
function foldedText(ctx: ExplainContext, node: ExplanationNode, condition: Condition | null | undefined): string | null {
  if (node.children.length > 0 || condition === undefined) return null;
  return withFacts(ctx.t, conditionText(ctx.t, condition, ctx.names), node.facts);
}

function withCondition(head: string, folded: string | null): string {
  return folded ? `${head}: ${folded}` : head;
}

function lineText(ctx: ExplainContext, node: ExplanationNode, unitName: string | null): string {
  const { t } = ctx;
  switch (node.label) {
    case 'MEMBERSHIP':
      return t('memberships.explain.node.MEMBERSHIP', { type: node.detail ?? '' });
    case 'BASE_RULE':
      return withCondition(t('memberships.explain.node.BASE_RULE', { type: node.detail ?? '' }), foldedText(ctx, node, ctx.baseCondition));
    case 'UNIT':
      return t('memberships.explain.node.UNIT', { unit: node.detail ?? '' });
    case 'UNIT_ACTIVE': {
      const [from = '', to = ''] = (node.detail ?? '').split('/');
      const words = {
        from: (date: string) => t('common.period.from', { date }),
        until: (date: string) => t('common.period.until', { date }),
        between: (a: string, b: string) => t('common.period.between', { from: a, until: b }),
      };
      const period = periodText(from || null, to || null, words) || t('memberships.explain.always');
      return t(node.holds ? 'memberships.explain.node.UNIT_ACTIVE' : 'memberships.explain.node.UNIT_INACTIVE', { period });
    }
    case 'RULE_GENERAL':
    case 'RULE_FOR_TYPE': {
      const general = node.label === 'RULE_GENERAL';
      const from = node.detail ? showDate(node.detail) : '';
      const head = t(`memberships.explain.node.${node.label}${from ? '_FROM' : ''}`, { date: from });
      const rule = unitName && ctx.ruleOf ? ctx.ruleOf(unitName, general, node.detail || null) : undefined;
      return withCondition(head, foldedText(ctx, node, rule));
    }
    case 'EXCEPTION':
      return t('memberships.explain.node.EXCEPTION', { unit: node.detail ?? '' });
    case 'RULE_BROKEN':
      return t('memberships.explain.node.RULE_BROKEN', { reason: brokenReasonText(t, node.detail ?? '') });
    case 'and':
    case 'or':
    case 'not':
      return t(`memberships.explain.node.${node.label}`);
    case 'duration':
      return t('memberships.explain.node.duration');
    default:
      // An atom: its type is the label, its fields are the JSON detail. A newer atom this
      // version does not know is shown by its code rather than hidden.
      if (!ATOMS.has(node.label)) return `${node.label} ${node.detail ?? ''}`.trim();
      return withFacts(t, atomText(t, { ...parseDetail(node.detail), type: node.label } as AtomCondition, ctx.names), node.facts);
  }
}

/** "Is minstens 18 jaar oud — is op die dag 17 jaar": the rule, then what the relation has. */
function withFacts(t: TFunction, text: string, facts: ExplanationFacts | undefined): string {
  if (!facts) return text;
  const parts: string[] = [];
  if (facts.age !== undefined) parts.push(facts.age === null ? t('memberships.explain.fact.noBirthDate') : t('memberships.explain.fact.age', { age: facts.age }));
  if (facts.has) parts.push(facts.has.length ? t('memberships.explain.fact.has', { names: facts.has.join(', ') }) : t('memberships.explain.fact.hasNone'));
  if (facts.addresses) parts.push(facts.addresses.length ? t('memberships.explain.fact.addresses', { names: facts.addresses.join('; ') }) : t('memberships.explain.fact.noAddress'));
  return parts.length ? `${text} — ${parts.join('; ')}` : text;
}

/**
 * Everything the sentences need besides the tree: the card and the CLI both build it here, so
 * they say the same. `path` is the unit and its ancestors on the day; `rules` their versions.
 */
export function explainContext(opts: {
  t: TFunction;
  names: ConditionNames;
  baseCondition: Condition | undefined;
  typeId: string | null;
  path: { id: string; name: string }[];
  rules: Map<string, UnitRuleDto[]>;
}): ExplainContext {
  const ruleOf = (name: string, general: boolean, validFrom: string | null) => {
    const unit = opts.path.find((u) => u.name === name);
    const list = unit ? opts.rules.get(unit.id) : undefined;
    return list?.find((r) => r.membershipTypeId === (general ? null : opts.typeId) && r.validFrom === validFrom)?.condition;
  };
  return { t: opts.t, names: opts.names, baseCondition: opts.baseCondition, ruleOf };
}

/** "Op 1-3-2026 is deze relatie (geen) lid van Afdeling Utrecht." */
export function verdictText(t: TFunction, member: boolean, v: { type: string; unit: string; date: string }): string {
  return member ? t('memberships.explain.yes', v) : t('memberships.explain.no', v);
}

/**
 * The engine's explanation tree in words, one line per node with ✓/✗. Combinator nodes
 * (and/or/not) keep their children; unit nodes pass their name down for rule lookups.
 */
export function explainLines(ctx: ExplainContext, node: ExplanationNode, unitName: string | null = null): ExplainLine {
  const here = node.label === 'UNIT' ? node.detail : unitName;
  let text: string;
  try {
    text = lineText(ctx, node, here);
  } catch {
    text = COMBINATORS.has(node.label) ? node.label : `${node.label} ${node.detail ?? ''}`.trim();
  }
  return { text, holds: node.holds, children: node.children.map((c) => explainLines(ctx, c, here)) };
}
