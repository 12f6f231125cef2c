import { condition as conditionSchema, type Condition } from '../../../shared/contract/conditions';

/*
 * The builder edits the condition tree itself, drafts included: a row the user has just
 * added may still lack its values ("Relatietype is …" with nothing chosen). The contract's
 * own zod schema decides what is complete, so the builder and the core agree exactly.
 */

export type GroupCondition = Extract<Condition, { type: 'and' | 'or' }>;
export type AddressField = 'provinces' | 'postcodeRanges' | 'cities' | 'municipalities' | 'countries';

/** What a row can be, in the words of the row picker. Address atoms split by the field they test. */
export const ATOM_CHOICES = [
  'relationType',
  'kind',
  'age',
  'birthDate',
  'gender',
  'alive',
  'provinces',
  'postcodeRanges',
  'cities',
  'municipalities',
  'countries',
  'groupMember',
  'link',
  'tag',
  'customField',
  'selection',
  'duration',
  'subscription',
  'membership',
  'paymentMethod',
  'openInvoices',
  'contributionAmount',
  'birthday',
  'dataSignal',
  'group',
] as const;
export type AtomChoice = (typeof ATOM_CHOICES)[number];

const ADDRESS_FIELDS: readonly AddressField[] = ['provinces', 'postcodeRanges', 'cities', 'municipalities', 'countries'];

/** The row picker's sections, in display order. */
export const CHOICE_SECTIONS: { key: string; choices: AtomChoice[] }[] = [
  { key: 'person', choices: ['relationType', 'kind', 'age', 'birthDate', 'gender', 'alive'] },
  { key: 'address', choices: ['provinces', 'municipalities', 'cities', 'postcodeRanges', 'countries'] },
  { key: 'relations', choices: ['groupMember', 'link', 'tag', 'customField', 'selection'] },
  { key: 'memberships', choices: ['subscription', 'membership', 'duration', 'birthday'] },
  { key: 'contributions', choices: ['paymentMethod', 'openInvoices', 'contributionAmount'] },
  { key: 'quality', choices: ['dataSignal'] },
  { key: 'structure', choices: ['group'] },
];

export function isGroup(c: Condition): c is GroupCondition {
  return c.type === 'and' || c.type === 'or';
}

/** The condition type a choice produces (what `exclude` is expressed in). */
export function typeOfChoice(choice: AtomChoice): Condition['type'] {
  if (choice === 'group') return 'and';
  if ((ADDRESS_FIELDS as readonly string[]).includes(choice)) return 'address';
  return choice as Condition['type'];
}

export function allowedChoices(exclude: readonly Condition['type'][]): AtomChoice[] {
  return ATOM_CHOICES.filter((c) => !exclude.includes(typeOfChoice(c)));
}

/** The picker entry that shows this condition. */
export function choiceOf(c: Condition): AtomChoice {
  if (isGroup(c)) return 'group';
  if (c.type === 'not') return choiceOf(c.item);
  if (c.type === 'address') return ADDRESS_FIELDS.find((f) => c[f] !== undefined) ?? 'cities';
  return c.type as AtomChoice;
}

/** A fresh row for a choice; deliberately incomplete where the user must pick something. */
export function newAtom(choice: AtomChoice): Condition {
  switch (choice) {
    case 'group':
      return { type: 'and', items: [] };
    case 'relationType':
      return { type: 'relationType', codes: [] };
    case 'kind':
      return { type: 'kind', kind: 'person' };
    case 'age':
      return { type: 'age' };
    case 'birthDate':
      return { type: 'birthDate' };
    case 'gender':
      return { type: 'gender', values: [] };
    case 'alive':
      return { type: 'alive' };
    case 'postcodeRanges':
      return { type: 'address', postcodeRanges: [{ from: 0, to: 0 }] };
    case 'provinces':
    case 'cities':
    case 'municipalities':
      return { type: 'address', [choice]: [] };
    case 'countries':
      return { type: 'address', countries: [] };
    case 'groupMember':
      return { type: 'groupMember', groupId: '' };
    case 'link':
      return { type: 'link', linkTypeCodes: [], direction: 'from' };
    case 'tag':
      return { type: 'tag', tagIds: [], includeDescendants: true };
    case 'customField':
      return { type: 'customField', code: '', op: 'eq', value: '' };
    case 'selection':
      return { type: 'selection', selectionId: '' };
    case 'duration':
      return { type: 'duration', item: { type: 'and', items: [] }, maxDays: 179 };
    case 'subscription':
      return { type: 'subscription', typeCodes: [] };
    case 'membership':
      return { type: 'membership', includeSubunits: true };
    case 'paymentMethod':
      return { type: 'paymentMethod', methods: [] };
    case 'openInvoices':
      return { type: 'openInvoices', olderThanDays: 30 };
    case 'contributionAmount':
      return { type: 'contributionAmount' };
    case 'birthday':
      return { type: 'birthday' };
    case 'dataSignal':
      return { type: 'dataSignal', signal: 'noEmail' };
  }
}

/** NIET on a row: wraps the row in `not`, or unwraps it. */
export function toggleNot(c: Condition): Condition {
  return c.type === 'not' ? c.item : { type: 'not', item: c };
}

/** Any condition shown as a group (the root and nested builders always show one). */
export function asGroup(c: Condition | null | undefined): GroupCondition {
  if (!c) return { type: 'and', items: [] };
  return isGroup(c) ? c : { type: 'and', items: [c] };
}

export function replaceItem(group: GroupCondition, index: number, item: Condition): GroupCondition {
  return { ...group, items: group.items.map((x, i) => (i === index ? item : x)) };
}

export function removeItem(group: GroupCondition, index: number): GroupCondition {
  return { ...group, items: group.items.filter((_, i) => i !== index) };
}

function children(c: Condition): Condition[] {
  switch (c.type) {
    case 'and':
    case 'or':
      return c.items;
    case 'not':
      return [c.item];
    case 'duration':
      return [c.item];
    case 'link':
      return c.target ? [c.target] : [];
    default:
      return [];
  }
}

/** The whole tree is what the core accepts, and no row still waits for a value. */
export function isComplete(c: Condition | null): c is Condition {
  if (c === null || !conditionSchema.safeParse(c).success) return false;
  const walk = (n: Condition): boolean => rowProblem(n) === null && children(n).every(walk);
  return walk(c);
}

/**
 * What is wrong with this row itself (its nested conditions are checked by their own rows):
 * a code for the Dutch message, or null. Contract codes (AGE_NEEDS_BOUND…) pass through;
 * zod's generic "too small"/"invalid" becomes CHOOSE_VALUE.
 */
export function rowProblem(c: Condition): string | null {
  if (isGroup(c)) return null;
  if (c.type === 'not') return rowProblem(c.item);
  const own: Condition =
    c.type === 'duration' ? { ...c, item: { type: 'alive' } } : c.type === 'link' ? { ...c, target: undefined } : c;
  // A comparison with nothing is valid to the core but never what the user meant.
  if (c.type === 'customField' && c.op !== 'empty' && c.op !== 'notEmpty' && !c.value?.trim()) return 'CHOOSE_VALUE';
  const r = conditionSchema.safeParse(own);
  if (r.success) return null;
  const custom = r.error.issues.find((i) => /^[A-Z_]+$/.test(i.message));
  return custom ? custom.message : 'CHOOSE_VALUE';
}
