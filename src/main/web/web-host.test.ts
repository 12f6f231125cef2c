import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
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

/** A call as the web transport makes it: POST /rpc/<method>, the parameters as the JSON body. */
const rpc = (token: string | null, call: { method: string; params?: unknown }, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/rpc/${call.method}`,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(call.params === undefined ? {} : { body: JSON.stringify(call.params) }),
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
    const badBody = { ok: false, error: { code: 'VALIDATION_FAILED', details: { reason: 'BAD_REQUEST_BODY' } } };
    const garbage = await request({ method: 'POST', path: '/rpc/relations.list', headers: { authorization: 'Bearer tok-123' }, body: '{nope' });
    expect(JSON.parse(garbage.body)).toEqual(badBody);
    const notUtf8 = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/rpc/relations.list', headers: { host: `127.0.0.1:${port}`, authorization: 'Bearer tok-123' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    });
    expect(JSON.parse(notUtf8)).toEqual(badBody);
    for (const bad of ['/rpc/constructor', '/rpc/__proto__', '/rpc/relations.list.x', '/rpc/']) {
      const res = await request({ method: 'POST', path: bad, headers: { authorization: 'Bearer tok-123' }, body: '{}' });
      expect(res.status, bad).toBe(400);
    }
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
      http.get({ host: '127.0.0.1', port, path: '/events', headers: { host: `127.0.0.1:${port}`, authorization: 'Bearer tok-123' } }, (res) => {
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

describe('web host under hostile requests (sent without a token)', () => {
  it('answers 400 for malformed paths and keeps serving', async () => {
    for (const bad of ['/%00', '/%00.js', '/a%0a.html', '/%E0%A4%A', '/%ff']) {
      const res = await request({ path: bad });
      expect(res.status, bad).toBe(400);
    }
    expect((await request({ path: '/' })).status).toBe(200);
  });

  it('answers 400 for a request line that is not a path', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(`GET * HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await request({ path: '/' })).status).toBe(200);
  });

  it('assembles a body with a declared length from many pieces, in order', async () => {
    // The meaningful bytes come last, after 300 KB of JSON whitespace: a piece copied to the
    // wrong place or dropped makes the body unreadable or the answer wrong.
    const body = Buffer.from(`${' '.repeat(300_000)}{"query":"zzz-geen-treffer","limit":1}`);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/rpc/relations.search', headers: { host: `127.0.0.1:${port}`, authorization: 'Bearer tok-123', 'content-length': String(body.length) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      const piece = 7_001;
      const write = (at: number): void => {
        if (at >= body.length) return void req.end();
        req.write(body.subarray(at, at + piece));
        setImmediate(() => write(at + piece));
      };
      write(0);
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, result: { rows: [] } });
  });

  it('delivers 413 for an oversized body, declared or streamed', async () => {
    await host.close();
    host = await startWebHost({ core, staticDir: path.join(tmp.dir, 'www'), token: 'tok-123', port: 0, maxBodyBytes: 1000 });
    port = (host.server.address() as { port: number }).port;
    const big = 'x'.repeat(50_000);
    const declared = await rpc('tok-123', { method: 'relations.list', params: { pad: big } });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { details: { reason: 'BODY_TOO_LARGE' } } });
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/rpc/relations.list', headers: { host: `127.0.0.1:${port}`, authorization: 'Bearer tok-123', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(big);
      req.end();
    });
    expect(streamed).toBe(413);
    expect((await rpc('tok-123', { method: 'relations.list', params: {} })).status).toBe(200);
  });

  it('accepts the token only as Authorization: Bearer', async () => {
    expect((await request({ method: 'POST', path: '/rpc/relations.list?token=tok-123', body: '{}' })).status).toBe(401);
    expect((await rpc(null, { method: 'relations.list' }, { authorization: 'tok-123' })).status).toBe(401);
    expect((await rpc(null, { method: 'relations.list' }, { authorization: 'Basic tok-123' })).status).toBe(401);
    expect((await request({ path: '/events?token=tok-123' })).status).toBe(401);
  });
});
