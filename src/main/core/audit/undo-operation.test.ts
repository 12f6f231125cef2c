import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import { tempDir } from '../../../../test/support/test-core';
import { runCli } from '../../cli/run-cli';
import { DomainError } from '../../../shared/errors';

/** Undo works from the audit log alone: a file closed and opened again can still undo its imports. */
const dirs: { cleanup: () => void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) d.cleanup();
});

function open(file: string): Core {
  const core = createCore({ file, actor: 'secretaris' });
  cores.push(core);
  return core;
}

function reopen(core: Core): Core {
  const file = core.ctx.file;
  core.close();
  cores.splice(cores.indexOf(core), 1);
  return open(file);
}

const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function setup() {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir.dir, 'vereniging.sqlite');
  const core = open(file);
  const r = await core.call('io.commitImport', { file: csv('Lidnr;Voornaam;Achternaam;Woonplaats', '1;Jan;Jansen;Utrecht', '2;Els;Bos;Zeist'), fileName: 'leden.csv' });
  return { file, core, importId: r.operationId };
}

describe('undoing an operation after a restart', () => {
  it('is offered in History for an import, and undoes it in a new session', async () => {
    const { core: first, importId } = await setup();
    const core = reopen(first);
    const { rows } = await core.call('audit.undoStatus', { operationIds: [importId] });
    expect(rows).toEqual([{ operationId: importId, kind: 'io.import', state: 'undoable', undoneBy: null, conflicts: [] }]);
    const undone = await core.call('audit.undo', { operationId: importId });
    expect((await core.call('relations.list', {})).total).toBe(0);
    const after = reopen(core);
    expect((await after.call('audit.undoStatus', { operationIds: [importId] })).rows[0]).toMatchObject({ state: 'undone', undoneBy: undone.operationId });
    // Operations that are not undoable as a whole are left out.
    expect((await after.call('audit.undoStatus', { operationIds: [undone.operationId] })).rows).toEqual([]);
  });

  it('names the later operations in the way, and undoes once they are undone themselves', async () => {
    const { core: first, importId } = await setup();
    const core = reopen(first);
    const jan = (await core.call('relations.search', { query: 'jansen' })).rows[0]!;
    await core.call('relations.update', { id: jan.id, fields: { firstName: 'Johan', lastName: 'Jansen' } });
    const second = await core.call('io.commitImport', { file: csv('Lidnr;Woonplaats', '2;Amersfoort'), fileName: 'verhuisd.csv' });
    const status = (await core.call('audit.undoStatus', { operationIds: [importId] })).rows[0];
    expect(status?.state).toBe('conflict');
    expect(status?.conflicts.map((c) => [c.kind, c.actor])).toEqual([
      ['relations.update', 'secretaris'],
      ['io.import', 'secretaris'],
    ]);
    const e = await core.call('audit.undo', { operationId: importId }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).details).toMatchObject({ reason: 'CHANGED_LATER', operations: [expect.objectContaining({ kind: 'relations.update' }), expect.objectContaining({ operationId: second.operationId })] });

    // The second import undone: only the hand edit is still in the way.
    await core.call('audit.undo', { operationId: second.operationId });
    expect((await core.call('audit.undoStatus', { operationIds: [importId] })).rows[0]?.conflicts.map((c) => c.kind)).toEqual(['relations.update']);
  });

  it('from the CLI: undo --db F --operation ID, in Dutch or as JSON, naming what is in the way', async () => {
    const { file, core, importId } = await setup();
    const jan = (await core.call('relations.search', { query: 'jansen' })).rows[0]!;
    await core.call('relations.update', { id: jan.id, fields: { firstName: 'Johan', lastName: 'Jansen' } });
    core.close();
    cores.splice(cores.indexOf(core), 1);

    const blocked = await cli('undo', '--db', file, '--operation', importId);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/^ledenbeheer: fout: bewerking .* kan niet meer ongedaan worden gemaakt: 1 latere bewerking/);
    expect(blocked.stderr).toMatch(/gegevens gewijzigd, .* door secretaris \(1 wijziging\(en\)\)/);
    const asJson = await cli('undo', '--db', file, '--operation', importId, '--json');
    expect(JSON.parse(asJson.stdout)).toMatchObject({ undone: false, reason: 'CHANGED_LATER', conflicts: [{ kind: 'relations.update', actor: 'secretaris' }] });

    const again = open(file);
    const second = await again.call('io.commitImport', { file: csv('Lidnr;Voornaam;Achternaam', '3;Piet;Smit'), fileName: 'nieuw.csv' });
    again.close();
    cores.splice(cores.indexOf(again), 1);
    const ok = await cli('undo', '--db', file, '--operation', second.operationId, '--json');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ undone: true, operationId: second.operationId, reverted: expect.any(Number) });
    const twice = await cli('undo', '--db', file, '--operation', second.operationId);
    expect(twice.stderr).toMatch(/is al ongedaan gemaakt/);
    const unknown = await cli('undo', '--db', file, '--operation', 'geen-id');
    expect(unknown.stderr).toMatch(/geen bewerking geen-id/);
  });
});
