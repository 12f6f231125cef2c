import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../test/support/test-core';
import { startWebHost } from './web-host';

let host: Awaited<ReturnType<typeof startWebHost>>;
let core: ReturnType<typeof createTestCore>;
let tmp: ReturnType<typeof tempDir>;
let port: number;

beforeEach(async () => {
  tmp = tempDir();
  fs.mkdirSync(path.join(tmp.dir, 'www'));
  fs.writeFileSync(path.join(tmp.dir, 'www', 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'geheim');
  core = createTestCore();
  host = await startWebHost({ core, staticDir: path.join(tmp.dir, 'www'), token: 'tok-123', port: 0 });
  port = (host.server.address() as { port: number }).port;
});
afterEach(async () => {
  await host.close();
  core.close();
  tmp.cleanup();
});

/** Raw request, so Host and Origin can be set the way an attacker's browser would. */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const rpc = (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: '/rpc',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });

describe('web host', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${port}/#token=tok-123`);
  });

  it('answers API calls with the right token only', async () => {
    const ok = await rpc('tok-123', { method: 'relations.list', params: {} });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { total: 0 } });
    expect((await rpc(null, { method: 'relations.list', params: {} })).status).toBe(401);
    expect((await rpc('tok-124', { method: 'relations.list', params: {} })).status).toBe(401);
  });

  it('refuses other hosts and cross-site origins (DNS rebinding, CSRF)', async () => {
    expect((await rpc('tok-123', { method: 'relations.list' }, { host: 'evil.example:80' })).status).toBe(421);
    expect((await rpc('tok-123', { method: 'relations.list' }, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('turns bad requests into error envelopes, not crashes', async () => {
    const unknown = JSON.parse((await rpc('tok-123', { method: 'relations.dropAll', params: {} })).body);
    expect(unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', details: { method: 'relations.dropAll' } } });
    const invalid = JSON.parse((await rpc('tok-123', { method: 'relations.get', params: { id: 5 } })).body);
    expect(invalid.error.code).toBe('VALIDATION_FAILED');
    expect(invalid.error.issues[0].field).toBe('id');
    const garbage = await request({ method: 'POST', path: '/rpc', headers: { authorization: 'Bearer tok-123' }, body: '{nope' });
    expect(garbage.status).toBe(400);
  });

  it('serves the app with a strict CSP and never a file outside its folder', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await request({ path: attempt });
      expect(res.body, attempt).not.toContain('geheim');
      expect([403, 404], attempt).toContain(res.status);
    }
  });

  it('pushes events after a commit to subscribed clients', async () => {
    const received = new Promise<string>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/events?token=tok-123', headers: { host: `127.0.0.1:${port}` } }, (res) => {
        res.on('data', (c: Buffer) => {
          const text = c.toString();
          if (text.includes('relations.changed')) resolve(text);
        });
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    await rpc('tok-123', { method: 'relations.create', params: { kind: 'organisation', fields: { name: 'Stichting Test' } } });
    expect(await received).toContain('"name":"relations.changed"');
  });
});
