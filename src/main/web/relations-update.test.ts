import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../test/support/test-core';
import { withAdministration } from '../cli/open-administration';
import { startWebHost } from './web-host';
import { createCore } from '../core/create-core';

/*
 * relations.update is a patch: the fields given over the stored ones, checked as one whole
 * record. Through the web host's HTTP API (what the renderer and scripts use) and through the
 * CLI's door to an administration file (withAdministration, in-process core.call).
 */
let tmp: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  tmp?.cleanup();
  tmp = null;
});

const jan = { kind: 'person' as const, fields: { firstName: 'Jan', infix: 'de', lastName: 'Vries', exactName: true, phone: '0612345678', birthDate: '1961-07-03', socialLinks: ['https://example.nl/jan'] } };

describe('relations.update patches', () => {
  it('through the HTTP API: an e-mail alone keeps every other field, History shows that one change, and the whole is still checked', async () => {
    tmp = tempDir();
    fs.mkdirSync(path.join(tmp.dir, 'www'));
    const core = createTestCore();
    const host = await startWebHost({ core, staticDir: path.join(tmp.dir, 'www'), token: 'tok', port: 0 });
    const port = (host.server.address() as { port: number }).port;
    const rpc = async (method: string, params: unknown) => {
      const r = await fetch(`http://127.0.0.1:${port}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer tok' }, body: JSON.stringify(params) });
      return (await r.json()) as { ok: boolean; result?: { fields: Record<string, unknown> }; error?: { code: string; issues?: { field: string; code: string }[] } };
    };
    try {
      const { id } = await core.call('relations.create', jan);
      const before = (await core.call('relations.get', { id })).fields;
      const r = await rpc('relations.update', { id, fields: { email: ' Jan@Example.NL ' } });
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      expect(r.result?.fields).toEqual({ ...before, email: 'jan@example.nl' });
      const { rows } = await core.call('audit.forRelation', { relationId: id });
      expect(rows.filter((x) => x.action === 'update').map((x) => [x.field, x.oldValue, x.newValue])).toEqual([['email', null, 'jan@example.nl']]);

      // The rules across fields see the stored ones: a death before the stored birth, or no name and no e-mail left.
      expect(await rpc('relations.update', { id, fields: { deathDate: '1950-01-01' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ field: 'fields.deathDate', code: 'DEATH_BEFORE_BIRTH' }] } });
      expect(await rpc('relations.update', { id, fields: { firstName: null, lastName: '', email: null } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ field: 'lastName', code: 'PERSON_NEEDS_NAME_OR_EMAIL' }] } });
      // Each given field is checked by its own schema at the door.
      expect(await rpc('relations.update', { id, fields: { email: 'kapot' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ field: 'fields.email', code: 'EMAIL_INVALID' }] } });
      expect((await core.call('relations.get', { id })).fields).toEqual({ ...before, email: 'jan@example.nl' });
      // Clearing is explicit: null.
      expect((await rpc('relations.update', { id, fields: { phone: null } })).result?.fields).toMatchObject({ phone: null, lastName: 'Vries', email: 'jan@example.nl' });
    } finally {
      await host.close();
      core.close();
    }
  });

  it('through the CLI door on a file: an organisation gets an e-mail without its name, and a new IBAN drops the old BIC', async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'vereniging.sqlite');
    createCore({ file, actor: 'test' }).close();
    const { id } = await withAdministration(file, (core) => core.call('relations.create', { kind: 'organisation', fields: { name: 'Bakkerij Brood', kvkNumber: '12345678', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' } }));
    const fields = await withAdministration(file, async (core) => (await core.call('relations.update', { id, fields: { email: 'info@bakkerijbrood.nl' } })).fields);
    expect(fields).toMatchObject({ name: 'Bakkerij Brood', kvkNumber: '12345678', email: 'info@bakkerijbrood.nl', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
    const moved = await withAdministration(file, async (core) => (await core.call('relations.update', { id, fields: { iban: 'NL20INGB0001234567' } })).fields);
    expect(moved).toMatchObject({ name: 'Bakkerij Brood', iban: 'NL20INGB0001234567', bic: null });
  });
});
