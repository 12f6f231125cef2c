import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { E2E_TODAY, E2E_TOKEN } from './fixtures';

/**
 * A web host of the spec's own on a new, EMPTY administration (made with `ledenbeheer new`),
 * for specs that need to know exactly what is in it; the shared host opens the full demo.
 * Its port is this run's E2E_PORT + `offset`. Call at the top of a spec file.
 */
export function ownEmptyHost(offset: number, name: string): { baseURL: string } {
  const port = Number(process.env.E2E_PORT ?? 4317) + offset;
  let host: ChildProcess | undefined;
  let dir = '';
  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-e2e-own-'));
    const file = path.join(dir, 'administratie.ledenbeheer');
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'new', '--db', file, '--name', name], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`ledenbeheer new failed: ${made.stderr}`);
    host = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/serve.ts', '--db', file, '--port', String(port), '--token', E2E_TOKEN, '--today', E2E_TODAY], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      host?.stdout?.on('data', (d: Buffer) => d.toString().includes('http://') && resolve());
      host?.on('exit', (code) => reject(new Error(`web host exited ${code}`)));
    });
  });
  test.afterAll(() => {
    host?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { baseURL: `http://127.0.0.1:${port}` };
}
