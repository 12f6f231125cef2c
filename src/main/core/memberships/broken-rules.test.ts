import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir, type TestClock } from '../../../../test/support/test-core';
import type { Core } from '../create-core';
import { runCli } from '../../cli/run-cli';

/**
 * A stored rule that cannot be evaluated (an older file, a hand edit in SQLite) never blocks
 * unrelated work: writes succeed, the rule is reported by name, and the memberships that depend
 * on it stay as they were until it is repaired.
 */
let core: Core & { clock: TestClock };
afterEach(() => core?.close());

const postcodes = (from: number, to: number) => ({ type: 'address' as const, postcodeRanges: [{ from, to }] });

async function setup(file?: string) {
  core = createTestCore(file ? { file } : {});
  await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' });
  const sub = (await core.call('subscriptionTypes.list', {})).rows[0]!;
  const type = await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['lidmaatschap'] } });
  const root = await core.call('units.create', { unit: { name: 'Vereniging', startDate: '2000-01-01' }, parentId: null });
  const utrecht = await core.call('units.create', { unit: { name: 'Afdeling Utrecht', startDate: '2000-01-01' }, parentId: root.id, generalRule: postcodes(3500, 3599) });
  const zeist = await core.call('units.create', { unit: { name: 'Afdeling Zeist', startDate: '2000-01-01' }, parentId: root.id, generalRule: postcodes(3700, 3709) });
  const person = async (firstName: string, postcode: string) => {
    const { id } = await core.call('relations.create', { kind: 'person', fields: { firstName, lastName: 'Lid' }, address: { street: 'Straat', houseNumber: 1, postcode, validFrom: '2010-01-01' } });
    await core.call('subscriptions.add', { relationId: id, subscription: { typeId: sub.id, startDate: '2010-01-01' } });
    return id;
  };
  const jan = await person('Jan', '3511 AB');
  const els = await person('Els', '3701 AA');
  return { typeId: type.id!, root: root.id!, utrecht: utrecht.id!, zeist: zeist.id!, jan, els };
}

/** A write straight into SQLite, as a hand edit or an older program would leave it (audited, like every write). */
function handEdit(sql: string, ...params: unknown[]) {
  core.ctx.write('test.handEdit', null, () => core.ctx.sqlite.prepare(sql).run(...params));
}

const unitsOf = async (relationId: string) => (await core.call('memberships.ofRelation', { relationId })).rows.map((m) => m.unitName).sort();

describe('a broken stored rule', () => {
  it('does not block a write: the rule is reported by name and its memberships are left stale', async () => {
    const u = await setup();
    expect(await unitsOf(u.els)).toEqual(['Afdeling Zeist', 'Vereniging']);
    handEdit(`UPDATE unit_rules SET condition = 'this is not json' WHERE unit_id = ?`, u.utrecht);

    // Before: every write touching a relation failed with an internal error here.
    await core.call('relations.update', { id: u.jan, fields: { firstName: 'Johan', lastName: 'Lid' } });
    await core.call('addresses.move', { relationId: u.els, date: '2026-01-01', address: { street: 'Oudegracht', houseNumber: 2, postcode: '3511 AC' } });
    // Els left Zeist (a sound rule: recomputed); Utrecht's memberships cannot be computed and stay as they were.
    const els = (await core.call('memberships.ofRelation', { relationId: u.els })).rows;
    expect(els.find((m) => m.unitName === 'Afdeling Zeist')?.endDate).toBe('2026-01-01');
    expect(els.some((m) => m.unitName === 'Afdeling Utrecht')).toBe(false);
    expect(await unitsOf(u.jan)).toEqual(['Afdeling Utrecht', 'Vereniging']);

    const { rows } = await core.call('memberships.brokenRules', {});
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'unitRule', unitName: 'Afdeling Utrecht', typeName: null, code: 'JSON_TEXT_INVALID', via: null, staleUnits: [{ id: u.utrecht, name: 'Afdeling Utrecht' }] }),
    ]);
    // The screens that show rules still open, with the broken version marked.
    const unit = await core.call('units.get', { id: u.utrecht });
    expect(unit.rules).toEqual([expect.objectContaining({ condition: null, broken: 'JSON_TEXT_INVALID' })]);
    const recompute = await core.call('memberships.recompute', { dryRun: true });
    expect(recompute.changes.broken.map((b) => b.unitName)).toEqual(['Afdeling Utrecht']);

    // Repaired through the application: the rule version is replaced, everyone is recomputed.
    await core.call('rules.setVersion', { unitId: u.utrecht, validFrom: '2000-01-01', condition: postcodes(3500, 3599) });
    expect((await core.call('memberships.brokenRules', {})).rows).toEqual([]);
    expect(await unitsOf(u.els)).toEqual(['Afdeling Utrecht', 'Afdeling Zeist', 'Vereniging']);
  });

  it('a broken base rule leaves every membership of its type as it was, and the type can still be listed and edited', async () => {
    const u = await setup();
    handEdit(`UPDATE membership_types SET base_condition = '{"type":"subscription"}' WHERE id = ?`, u.typeId);
    await core.call('subscriptions.add', { relationId: u.jan, subscription: { typeId: (await core.call('subscriptionTypes.list', {})).rows[0]!.id, startDate: '2020-01-01' } });
    expect(await unitsOf(u.jan)).toEqual(['Afdeling Utrecht', 'Vereniging']);
    const [broken] = (await core.call('memberships.brokenRules', {})).rows;
    expect(broken).toMatchObject({ kind: 'baseRule', typeName: 'Lid', code: 'CONDITION_INVALID' });
    expect(broken?.staleUnits.map((s) => s.name).sort()).toEqual(['Afdeling Utrecht', 'Afdeling Zeist', 'Vereniging']);
    const types = (await core.call('membershipTypes.list', {})).rows;
    expect(types).toEqual([expect.objectContaining({ code: 'lid', baseCondition: null, broken: 'CONDITION_INVALID' })]);
    const explained = await core.call('memberships.explain', { relationId: u.jan, unitId: u.utrecht, membershipTypeId: u.typeId, on: '2026-06-01' });
    expect(explained).toMatchObject({ member: true, tree: { children: expect.arrayContaining([expect.objectContaining({ label: 'RULE_BROKEN', detail: 'CONDITION_INVALID' })]) } });
  });

  it('a rule referring to a group whose condition is broken, or that no longer exists, is reported with that group', async () => {
    const u = await setup();
    const group = await core.call('groups.create', { name: 'Vrijwilligers', type: 'other', condition: { type: 'kind', kind: 'person' } });
    await core.call('rules.setVersion', { unitId: u.zeist, validFrom: '2020-01-01', condition: { type: 'groupMember', groupId: group.id } });
    handEdit(`UPDATE groups SET condition = '{"type":"and","items":[' WHERE id = ?`, group.id);
    await core.call('relations.update', { id: u.els, fields: { firstName: 'Elsa', lastName: 'Lid' } });
    expect((await core.call('memberships.brokenRules', {})).rows).toEqual([
      expect.objectContaining({ unitName: 'Afdeling Zeist', validFrom: '2020-01-01', code: 'CONDITION_BROKEN', via: { kind: 'group', id: group.id, name: 'Vrijwilligers' } }),
    ]);
    // Evaluating the group itself says what is wrong with it, in a code the UI names.
    const e = await core.call('groups.members', { groupId: group.id }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'condition', code: 'CONDITION_BROKEN' }] });
    // Lists of every group still work: the damaged one counts its hand-entered members and says why.
    expect((await core.call('groups.list', {})).rows).toEqual([expect.objectContaining({ name: 'Vrijwilligers', condition: null, broken: 'JSON_TEXT_INVALID', memberCount: 0 })]);
    expect((await core.call('groups.ofRelation', { relationId: u.els })).rows).toEqual([]);
    // So does a new selection that would build on it.
    const sel = await core.call('selections.create', { name: 'Vrijwilligers', condition: { type: 'groupMember', groupId: group.id } }).catch((x: unknown) => x);
    expect(sel).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'condition', code: 'CONDITION_BROKEN' }] });

    handEdit('DELETE FROM groups WHERE id = ?', group.id);
    await core.call('relations.update', { id: u.els, fields: { firstName: 'Els', lastName: 'Lid' } });
    expect((await core.call('memberships.brokenRules', {})).rows).toEqual([expect.objectContaining({ code: 'GROUP_UNKNOWN', via: { kind: 'group', id: group.id, name: null } })]);
  });
});

describe('a broken stored rule, from the CLI', () => {
  it('an import still commits and warns by name; memberships check lists it', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir.dir, 'vereniging.sqlite');
      const u = await setup(file);
      handEdit(`UPDATE unit_rules SET condition = 'this is not json' WHERE unit_id = ?`, u.utrecht);
      core.close();
      const run = async (...argv: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
        return { code, stdout: out.join('\n'), stderr: err.join('\n') };
      };
      const csvFile = path.join(dir.dir, 'nieuw.csv');
      fs.writeFileSync(csvFile, 'Voornaam;Achternaam;Postcode\r\nPiet;Smit;3512 AB\r\n');
      const imported = await run('import', '--db', file, csvFile);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/Geïmporteerd: nieuw\.csv — 1 rijen: 1 nieuw/);
      expect(imported.stderr).toMatch(/Let op: 1 regel\(s\) kunnen niet worden uitgerekend; de lidmaatschappen van Afdeling Utrecht zijn niet bijgewerkt/);
      expect(imported.stderr).toMatch(/de regel van 'Afdeling Utrecht' \(versie vanaf 2000-01-01\): de opgeslagen tekst is geen geldige JSON/);
      const check = await run('memberships', 'check', '--db', file);
      expect(check.stdout).toMatch(/1 regel\(s\) kunnen niet worden uitgerekend/);
      const json = JSON.parse((await run('memberships', 'check', '--db', file, '--json')).stdout) as { brokenRules: { code: string }[] };
      expect(json.brokenRules.map((b) => b.code)).toEqual(['JSON_TEXT_INVALID']);
    } finally {
      dir.cleanup();
    }
  });
});
