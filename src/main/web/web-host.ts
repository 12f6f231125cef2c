import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { CoreService } from '../../shared/rpc';
import { isRpcMethodName } from '../shell/security-policy';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

export interface WebHostOptions {
  /** The core on its worker thread (or in-process in tests): requests in, events out. */
  core: CoreService;
  /** The built renderer (vite build output). */
  staticDir: string;
  token: string;
  port: number;
  /** Largest accepted request body; imports of large files arrive as bytes. */
  maxBodyBytes?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The core and the built renderer over HTTP, for tests and development. It listens on
 * 127.0.0.1 only and every API call needs the per-run token; the Host and Origin checks stop
 * a web page elsewhere from reaching it through DNS rebinding or a cross-site request.
 */
export function startWebHost(opts: WebHostOptions): Promise<{ url: string; server: http.Server; close: () => Promise<void> }> {
  const maxBody = opts.maxBodyBytes ?? 200 * 1024 * 1024;
  const root = path.resolve(opts.staticDir);
  const clients = new Set<http.ServerResponse>();
  const unsubscribe = opts.core.onEvent((event) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of clients) res.write(data);
  });

  const server = http.createServer((req, res) => {
    // One guard around every handler: a request can fail, the host never does.
    try {
      handle(req, res);
    } catch (error) {
      fail(res, error);
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    // Null once the server is closing: a request still arriving then is refused as misdirected.
    const port = (server.address() as { port: number } | null)?.port ?? -1;
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'Misdirected request');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) return send(res, 403, 'text/plain', 'Forbidden origin');
    const pathname = requestPath(req.url);
    if (pathname === null) return send(res, 400, 'text/plain', 'Bad path');

    // POST /rpc/<method> with the parameters as the JSON body: the body goes to the core as
    // bytes and its answer comes back as bytes, so a large import never costs this thread a parse.
    if (pathname.startsWith('/rpc/') && req.method === 'POST') {
      if (!hasBearer(req, opts.token)) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED' } });
      const method = pathname.slice('/rpc/'.length);
      if (!isRpcMethodName(method)) return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION_FAILED', details: { reason: 'BAD_REQUEST' } } });
      return void readBody(req, maxBody).then(
        async (body) => {
          if (body === null) {
            return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION_FAILED', details: { reason: 'BODY_TOO_LARGE' } } }, { Connection: 'close' });
          }
          const answer = await opts.core.dispatchBytes(method, body);
          res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
          res.end(answer);
        },
      ).catch((error: unknown) => fail(res, error));
    }

    if (pathname === '/events' && req.method === 'GET') {
      if (!hasBearer(req, opts.token)) return send(res, 401, 'text/plain', 'Unauthorized');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    return serveStatic(root, pathname, res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/#token=${opts.token}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const c of clients) c.end();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * The decoded path of a request, or null when it is malformed: not a path, bad percent
 * encoding, or a NUL or other control character (fs refuses those by throwing).
 */
export function requestPath(raw: string | undefined): string | null {
  if (!raw?.startsWith('/')) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(raw, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
  return /[\u0000-\u001f\u007f]/.test(pathname) ? null : pathname;
}

/** The token is accepted only as `Authorization: Bearer`, never in a URL (logs, history, Referer). */
function hasBearer(req: http.IncomingMessage, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  return sameToken(match?.[1], token);
}

function serveStatic(root: string, rel: string, res: http.ServerResponse): void {
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  // path.resolve collapses '..': anything outside root is refused, not served.
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'text/plain', 'Forbidden');
  fs.readFile(file, (err, data) => {
    if (err) {
      // Client-side routes fall back to the app; missing assets are a plain 404.
      if (!path.extname(file)) return serveStatic(root, '/index.html', res);
      return send(res, 404, 'text/plain', 'Not found');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
    res.end(data);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

/** A handler that threw: logged, answered with 500 when the answer has not started, never fatal. */
function fail(res: http.ServerResponse, error: unknown): void {
  console.error('[web] request failed', error);
  if (res.headersSent) res.destroy();
  else sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', details: { reason: 'REQUEST_FAILED' } } }, { Connection: 'close' });
}

/**
 * The body's bytes, or null as soon as it is larger than `max`. The rest of an oversized
 * body is drained, not kept, and the socket is not destroyed, so the client gets the 413.
 * With a Content-Length (every fetch of a buffer sends one) the bytes are copied into one
 * buffer as they arrive, so an 18 MB import file never costs this thread one long copy at
 * the end; the buffer is its own, ready to be transferred to the core worker.
 */
function readBody(req: http.IncomingMessage, max: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    if (declared !== null && declared > max) {
      req.resume();
      return resolve(null);
    }
    const whole = declared !== null && Number.isSafeInteger(declared) && declared > 0 ? new Uint8Array(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      const before = size;
      size += c.length;
      if (size > max) {
        if (before <= max) resolve(null);
        chunks.length = 0;
      } else if (whole) whole.set(c, before);
      else chunks.push(c);
    });
    req.on('end', () => {
      if (size > max) return resolve(null);
      // Node's parser ends the body at the declared length, so `whole` is full here.
      if (whole) return resolve(whole);
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
