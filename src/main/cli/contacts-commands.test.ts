import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { runCli } from './run-cli';

/** requests, log and tasks on a real administration file, as a script would use them. */
const dir = tempDir();
const db = path.join(dir.dir, 'vereniging.sqlite');
afterAll(() => dir.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  await core.call('relations.create', { kind: 'person', number: 10, fields: { firstName: 'Jan', lastName: 'Jansen', email: 'jan@example.nl' } });
  await core.call('relations.create', { kind: 'person', number: 11, fields: { firstName: 'Els', lastName: 'Bos' } });
  core.close();
  fs.writeFileSync(path.join(dir.dir, 'formulier.csv'), 'Lidnummer;Mobiel\n10;06-12345678\n11;06-87654321\n');
});

describe('requests, log and tasks commands', () => {
  it('loads a file once, lists the open pile, approves one and rejects the other', async () => {
    const file = path.join(dir.dir, 'formulier.csv');
    const loaded = JSON.parse((await run('requests', 'load', '--db', db, file, '--json')).stdout) as { created: string[] };
    expect(loaded.created).toHaveLength(2);
    expect(JSON.parse((await run('requests', 'load', '--db', db, file, '--json')).stdout)).toMatchObject({ created: [], alreadyLoaded: 2 });
    const open = JSON.parse((await run('requests', '--db', db, '--open', '--json')).stdout) as { requests: { id: string; relationNumber: number }[] };
    expect(open.requests.map((r) => r.relationNumber)).toEqual([10, 11]);
    const approved = JSON.parse((await run('requests', 'approve', '--db', db, '--id', open.requests[0]!.id, '--json')).stdout) as { status: string };
    expect(approved.status).toBe('approved');
    const noReason = await run('requests', 'reject', '--db', db, '--id', open.requests[1]!.id);
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toContain('reden');
    expect((await run('requests', 'reject', '--db', db, '--id', open.requests[1]!.id, '--reason', 'Onleesbaar')).code).toBe(0);
    expect(JSON.parse((await run('requests', '--db', db, '--open', '--json')).stdout)).toEqual({ requests: [] });
  });

  it('writes a change form as PDF', async () => {
    const out = path.join(dir.dir, 'form.pdf');
    expect((await run('requests', 'form', '--db', db, '--relation', '10', '--out', out)).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('logs a call for two relations and finds it', async () => {
    const r = await run('log', 'add', '--db', db, '--relation', '10', '--relation', '11', '--kind', 'telefoon', '--subject', 'Carpoolen naar de ALV', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { relations: unknown[] }).relations).toHaveLength(2);
    const found = JSON.parse((await run('log', '--db', db, '--search', 'carpool', '--json')).stdout) as { total: number };
    expect(found.total).toBe(1);
  });

  it('lists due tasks and closes one', async () => {
    const t = JSON.parse((await run('tasks', 'add', '--db', db, '--title', 'Contributie nabellen', '--date', '1-1-2020', '--relation', '11', '--json')).stdout) as { id: string };
    const due = JSON.parse((await run('tasks', '--db', db, '--due', '--json')).stdout) as { overdue: { id: string }[] };
    expect(due.overdue.map((x) => x.id)).toContain(t.id);
    expect((await run('tasks', 'done', '--db', db, '--id', t.id)).code).toBe(0);
    const after = JSON.parse((await run('tasks', '--db', db, '--due', '--json')).stdout) as { overdue: { id: string }[] };
    expect(after.overdue.map((x) => x.id)).not.toContain(t.id);
  });
});
