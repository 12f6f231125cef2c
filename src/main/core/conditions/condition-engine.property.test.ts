import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { naiveEvaluator } from '../../../../test/support/naive-condition';
import type { Condition } from '../../../shared/contract';
import { evaluateCondition } from './condition-engine';
import { contains, fromDay, toDay } from './interval-set';

/** A tiny seeded PRNG so a failing seed reproduces the same history. */
function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const DAYS = ['2020-01-01', '2020-03-01', '2020-06-15', '2021-01-01', '2021-02-28', '2021-07-01', '2022-01-01', '2022-09-30', '2023-01-01'];
const POSTCODES = ['3511 AB', '3584 CS', '6211 CK', '1012 AB', '9711 AA'];

async function randomHistory(seed: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const maybe = (p: number) => rnd() < p;
  const period = () => {
    const [a, b] = [pick(DAYS), pick(DAYS)].sort();
    return { validFrom: maybe(0.2) ? null : a!, validTo: maybe(0.3) || a === b ? null : b! };
  };
  const core = createTestCore();
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const kind = i < 6 ? 'person' : 'organisation';
    const fields = kind === 'person'
      ? { firstName: `P${i}`, lastName: 'X', gender: maybe(0.3) ? null : pick(['m', 'v', 'x'] as const), birthDate: maybe(0.2) ? null : pick(['1990-02-28', '2004-02-29', '2005-06-30', '1960-01-01']), deathDate: maybe(0.15) ? '2021-07-01' : null }
      : { name: `Org ${i}` };
    const { id } = await core.call('relations.create', { kind, fields: fields as never });
    ids.push(id);
    for (let k = 0; k < Math.floor(rnd() * 3); k++) {
      await core.call('addresses.add', { relationId: id, address: { type: pick(['home', 'postal'] as const), street: 'S', houseNumber: 1, postcode: pick(POSTCODES), ...period() } });
    }
  }
  const types = (await core.call('relationTypes.list', {})).rows.filter((t) => ['lid', 'donateur', 'sponsor'].includes(t.code));
  for (const id of ids) for (let k = 0; k < Math.floor(rnd() * 3); k++) {
    const p = period();
    await core.call('relations.addType', { relationId: id, typeId: pick(types).id, validFrom: p.validFrom, validTo: p.validTo });
  }
  const linkTypes = (await core.call('linkTypes.list', {})).rows.filter((t) => t.code === 'partner' || t.code === 'employment');
  for (let k = 0; k < 5; k++) {
    const lt = pick(linkTypes);
    const from = ids[Math.floor(rnd() * 6)]!;
    const to = lt.code === 'employment' ? ids[6 + Math.floor(rnd() * 2)]! : ids[Math.floor(rnd() * 6)]!;
    if (from !== to) await core.call('links.add', { linkTypeId: lt.id, fromRelationId: from, toRelationId: to, link: period() });
  }
  const roles = (await core.call('groupRoles.list', {})).rows;
  const board = await core.call('groups.create', { name: 'Bestuur', type: 'board' });
  const smart = await core.call('groups.create', { name: 'Slim', type: 'committee', condition: { type: 'relationType', codes: ['donateur'] } });
  for (const g of [board, smart]) for (let k = 0; k < 4; k++) {
    const relationId = ids[Math.floor(rnd() * 6)]!;
    if (maybe(0.25)) await core.call('groups.exclude', { groupId: g.id, relationId, ...period() });
    else await core.call('groups.addMember', { groupId: g.id, relationId, member: { roleId: maybe(0.5) ? pick(roles).id : null, ...period() } });
  }
  // Sometimes one relation is in the trash: it is never listed, and links to it never count.
  if (maybe(0.5)) await core.call('relations.delete', { id: pick(ids) });
  return { core, groupIds: [board.id, smart.id] };
}

function conditionArb(groupIds: string[]): fc.Arbitrary<Condition> {
  const atom: fc.Arbitrary<Condition> = fc.oneof(
    fc.constantFrom<Condition>(
      { type: 'kind', kind: 'person' },
      { type: 'alive' },
      { type: 'gender', values: ['v', 'unknown'] },
      { type: 'age', min: 18 },
      { type: 'age', min: 15, max: 17 },
      { type: 'relationType', codes: ['lid'] },
      { type: 'relationType', codes: ['donateur', 'sponsor'] },
      { type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }] },
      { type: 'address', postcodeRanges: [{ from: 1000, to: 1099 }, { from: 6200, to: 6229 }] },
      { type: 'address', addressTypes: ['home'], municipalities: ['Maastricht', 'Groningen'] },
      { type: 'link', linkTypeCodes: ['partner'], direction: 'either' },
      { type: 'link', linkTypeCodes: ['employment'], direction: 'from', target: { type: 'relationType', codes: ['lid'] } },
    ),
    fc.constantFrom(...groupIds).chain((groupId) =>
      fc.constantFrom<Condition>({ type: 'groupMember', groupId }, { type: 'groupMember', groupId, roleCodes: ['voorzitter', 'lid'] }),
    ),
  );
  const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items): Condition => ({ type: 'and', items })),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items): Condition => ({ type: 'or', items })),
      tie('tree').map((item): Condition => ({ type: 'not', item })),
      fc.tuple(tie('tree'), fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined })).map(
        ([item, minDays, extra]): Condition => ({ type: 'duration', item, minDays, maxDays: extra === undefined ? undefined : minDays + extra }),
      ),
    ),
  }));
  return tree;
}

describe('condition engine against a day-by-day oracle', () => {
  it('gives the same answer on every day that matters, for random histories and conditions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const { core, groupIds } = await randomHistory(seed);
        try {
          const naive = naiveEvaluator(core.ctx.sqlite);
          const conditions = fc.sample(conditionArb(groupIds), { numRuns: 6, seed });
          const rnd = prng(seed * 7 + 1);
          const randomDays = Array.from({ length: 25 }, () => fromDay(toDay('2019-01-01') + Math.floor(rnd() * 5 * 365)));
          for (const condition of conditions) {
            const engine = evaluateCondition(core.ctx, condition, 'always');
            // Every boundary in the data and in the engine's answer (durations and birthdays
            // move boundaries), the day before each, random days, and the far past and future.
            const boundaries = [...engine.values()].flatMap((set) => set.flatMap((i) => [i.from, i.to])).filter(Number.isFinite);
            const days = [...new Set([...DAYS.map(toDay), ...boundaries].flatMap((d) => [d, d - 1]).map(fromDay))]
              .concat(randomDays, ['1999-01-01', '2030-05-05']);
            // A one-day moment is evaluated with set operations on ids (and durations read on
            // the day): on the days the answer changes, and the day before each, it finds exactly
            // the relations the history holds on it.
            const changeDays = [...new Set(boundaries.flatMap((d) => [d, d - 1]))].map(fromDay);
            for (const day of changeDays) {
              const onDay = [...evaluateCondition(core.ctx, condition, { on: day }).keys()].sort();
              const fromHistory = [...engine].filter(([, set]) => contains(set, toDay(day))).map(([id]) => id).sort();
              if (onDay.join() !== fromHistory.join()) {
                throw new Error(`seed ${seed} ${day}: on the day ${onDay.join()}, from the history ${fromHistory.join()} for ${JSON.stringify(condition)}`);
              }
            }
            for (const id of naive.relationIds) {
              for (const day of days) {
                const expected = naive.holds(condition, id, day);
                const actual = contains(engine.get(id) ?? [], toDay(day));
                if (actual !== expected) {
                  throw new Error(`seed ${seed} ${day} ${id}: engine ${actual}, naive ${expected} for ${JSON.stringify(condition)}`);
                }
              }
            }
          }
        } finally {
          core.close();
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
