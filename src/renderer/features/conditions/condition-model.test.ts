import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../shared/contract';
import { allowedChoices, asGroup, choiceOf, isComplete, newAtom, rowProblem, toggleNot, typeOfChoice } from './condition-model';
import { fromDurationForm, toDurationForm } from './duration-form';

describe('condition builder model', () => {
  it('starts every row incomplete where the user must choose, and complete where a default makes sense', () => {
    expect(rowProblem(newAtom('relationType'))).toBe('CHOOSE_VALUE');
    expect(rowProblem(newAtom('age'))).toBe('AGE_NEEDS_BOUND');
    expect(rowProblem(newAtom('postcodeRanges'))).toBe('CHOOSE_VALUE');
    expect(rowProblem(newAtom('kind'))).toBeNull();
    expect(rowProblem(newAtom('alive'))).toBeNull();
    expect(rowProblem(newAtom('membership'))).toBeNull();
  });

  it('passes the contract codes through for rows that are filled in wrongly', () => {
    expect(rowProblem({ type: 'age', min: 67, max: 18 })).toBe('AGE_RANGE_INVALID');
    expect(rowProblem({ type: 'address', postcodeRanges: [{ from: 3513, to: 3511 }] })).toBe('POSTCODE_RANGE_INVALID');
    expect(rowProblem({ type: 'duration', item: { type: 'alive' } })).toBe('DURATION_NEEDS_BOUND');
    expect(rowProblem({ type: 'customField', code: 'kleur', op: 'eq', value: ' ' })).toBe('CHOOSE_VALUE');
    expect(rowProblem({ type: 'customField', code: 'kleur', op: 'empty' })).toBeNull();
  });

  it('judges a row by itself, and the whole tree with its nested rows', () => {
    const link: Condition = { type: 'link', linkTypeCodes: ['director'], direction: 'from', target: { type: 'and', items: [{ type: 'relationType', codes: [] }] } };
    expect(rowProblem(link)).toBeNull();
    expect(isComplete(link)).toBe(false);
    const fixed: Condition = { ...link, target: { type: 'and', items: [{ type: 'relationType', codes: ['lid'] }] } };
    expect(isComplete(fixed)).toBe(true);
    expect(isComplete(null)).toBe(false);
  });

  it('toggles NIET by wrapping and unwrapping, and shows the row by its inner atom', () => {
    const atom: Condition = { type: 'alive' };
    const negated = toggleNot(atom);
    expect(negated).toEqual({ type: 'not', item: atom });
    expect(toggleNot(negated)).toBe(atom);
    expect(choiceOf(negated)).toBe('alive');
  });

  it('tells address rows apart by the field they test', () => {
    expect(choiceOf({ type: 'address', provinces: ['Utrecht'] })).toBe('provinces');
    expect(choiceOf({ type: 'address', postcodeRanges: [{ from: 3511, to: 3513 }] })).toBe('postcodeRanges');
    expect(typeOfChoice('cities')).toBe('address');
  });

  it('leaves out excluded atoms, e.g. for membership rules', () => {
    const choices = allowedChoices(['membership', 'selection', 'groupMember']);
    expect(choices).not.toContain('membership');
    expect(choices).not.toContain('selection');
    expect(choices).not.toContain('groupMember');
    expect(choices).toContain('provinces');
  });

  it('shows any condition as a group', () => {
    expect(asGroup(null)).toEqual({ type: 'and', items: [] });
    expect(asGroup({ type: 'alive' })).toEqual({ type: 'and', items: [{ type: 'alive' }] });
    const or: Condition = { type: 'or', items: [] };
    expect(asGroup(or)).toBe(or);
  });
});

describe('duration in words', () => {
  it('counts the first day of "new in the last N days" as day 1', () => {
    expect(fromDurationForm('newDays', 30)).toEqual({ minDays: undefined, maxDays: 29 });
    expect(toDurationForm({ type: 'duration', item: { type: 'alive' }, maxDays: 29 })).toEqual({ mode: 'newDays', amount: 30 });
  });

  it('reads years back as years', () => {
    const stored = fromDurationForm('atLeastYears', 25);
    expect(stored.minDays).toBe(9131);
    expect(toDurationForm({ type: 'duration', item: { type: 'alive' }, ...stored })).toEqual({ mode: 'atLeastYears', amount: 25 });
    expect(toDurationForm({ type: 'duration', item: { type: 'alive' }, minDays: 100 })).toEqual({ mode: 'atLeastDays', amount: 100 });
  });
});
