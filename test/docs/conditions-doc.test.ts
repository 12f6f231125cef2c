import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../support/test-core';
import { condition as conditionSchema, evaluationMoment, type Condition } from '../../src/shared/contract';

/**
 * Runs every example of docs/conditions.md: the doc's fixture is built with the real API, each
 * ```json example block is evaluated at its moment and must give exactly its names. The test
 * reads the doc itself, so the doc and the test cannot drift apart.
 */
const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/conditions.md'), 'utf8');
const blocks = (kind: string) => [...doc.matchAll(new RegExp('```json ' + kind + '\\n([\\s\\S]*?)```', 'g'))].map((m) => JSON.parse(m[1] ?? '') as unknown);

interface Period { validFrom?: string; validTo?: string }
interface Fixture {
  groups: { name: string; type: 'board' }[];
  tags: string[];
  subscriptionTypes: { code: string; name: string }[];
  people: (Record<string, unknown> & {
    firstName: string;
    lastName: string;
    address?: Record<string, unknown>;
    moves?: (Record<string, unknown> & { date: string })[];
    types?: (Period & { code: string })[];
    groups?: (Period & { group: string; role: string })[];
    tags?: string[];
    subscriptions?: { type: string; startDate: string }[];
    links?: (Period & { type: string; to: string })[];
  })[];
  organisations: { name: string; types?: (Period & { code: string })[] }[];
}
interface Example { condition: unknown; moment: unknown; expect: string[] }

const fixture = blocks('fixture')[0] as Fixture;
const examples = blocks('example') as Example[];
let core: ReturnType<typeof createTestCore>;
const names = new Map<string, string>(); // group and tag names → ids

async function build(): Promise<void> {
  const byCode = (rows: { code: string; id: string }[]) => new Map(rows.map((r) => [r.code, r.id]));
  const types = byCode((await core.call('relationTypes.list', {})).rows);
  const roles = byCode((await core.call('groupRoles.list', {})).rows);
  const links = byCode((await core.call('linkTypes.list', {})).rows);
  for (const g of fixture.groups) names.set(g.name, (await core.call('groups.create', g)).id);
  for (const t of fixture.tags) names.set(t, (await core.call('tags.create', { name: t })).id);
  const subscriptionTypes = new Map<string, string>();
  for (const s of fixture.subscriptionTypes) subscriptionTypes.set(s.code, (await core.call('subscriptionTypes.create', s)).id);
  const relation = new Map<string, string>();
  const addTypes = async (id: string, list: (Period & { code: string })[] = []) => {
    for (const t of list) await core.call('relations.addType', { relationId: id, typeId: types.get(t.code)!, validFrom: t.validFrom, validTo: t.validTo });
  };
  for (const o of fixture.organisations) {
    const { id } = await core.call('relations.create', { kind: 'organisation', fields: { name: o.name } });
    relation.set(o.name, id);
    await addTypes(id, o.types);
  }
  for (const p of fixture.people) {
    const { address, moves, types: ts, groups, tags, subscriptions, links: ls, ...fields } = p;
    const { id } = await core.call('relations.create', { kind: 'person', fields: fields as never, ...(address ? { address: address as never } : {}) });
    for (const { date, ...to } of moves ?? []) await core.call('addresses.move', { relationId: id, date, address: to as never });
    await addTypes(id, ts);
    for (const g of groups ?? []) {
      await core.call('groups.addMember', { groupId: names.get(g.group)!, relationId: id, member: { roleId: roles.get(g.role)!, validFrom: g.validFrom, validTo: g.validTo } });
    }
    if (tags) await core.call('relations.setTags', { relationId: id, tagIds: tags.map((t) => names.get(t)!) });
    for (const s of subscriptions ?? []) await core.call('subscriptions.add', { relationId: id, subscription: { typeId: subscriptionTypes.get(s.type)!, startDate: s.startDate } });
    for (const l of ls ?? []) {
      await core.call('links.add', { linkTypeId: links.get(l.type)!, fromRelationId: id, toRelationId: relation.get(l.to)!, link: { validFrom: l.validFrom, validTo: l.validTo } });
    }
  }
}

/** The doc writes group and tag ids as names. */
function withIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withIds);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'groupId' || k === 'selectionId' ? (names.get(v as string) ?? v) : k === 'tagIds' ? (v as string[]).map((n) => names.get(n) ?? n) : withIds(v);
  }
  return out;
}

beforeAll(async () => {
  core = createTestCore();
  await build();
});
afterAll(() => core.close());

describe('docs/conditions.md', () => {
  it('has a fixture and examples', () => {
    expect(fixture.people.length).toBeGreaterThan(0);
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });

  it.each(examples.map((e, i) => [i + 1, JSON.stringify(e.condition).slice(0, 80), e] as const))('example %i (%s) gives its names', async (_i, _text, e) => {
    const condition = conditionSchema.parse(withIds(e.condition)) as Condition;
    const moment = evaluationMoment.parse(e.moment);
    const result = await core.call('conditions.evaluate', { condition, moment, limit: 500 });
    expect(result.rows.map((r) => r.displayName).sort()).toEqual([...e.expect].sort());
  });
});
