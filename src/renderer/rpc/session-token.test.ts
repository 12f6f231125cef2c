import { describe, expect, it } from 'vitest';
import { takeSessionToken } from './session-token';

function fakes(href: string) {
  const url = new URL(href);
  const store = new Map<string, string>();
  const replaced: string[] = [];
  return {
    loc: { hash: url.hash, search: url.search, href },
    storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
    history: { state: null, replaceState: (_s: unknown, _t: string, u?: string | URL | null) => void replaced.push(String(u)) },
    replaced,
  };
}

describe('session token', () => {
  it('takes the token from the hash, keeps it and removes it from the URL', () => {
    const f = fakes('http://127.0.0.1:4310/#token=abc');
    expect(takeSessionToken(f.loc, f.storage, f.history)).toBe('abc');
    expect(f.replaced).toEqual(['/']);
    const after = { ...f.loc, hash: '', href: 'http://127.0.0.1:4310/' };
    expect(takeSessionToken(after, f.storage, f.history)).toBe('abc');
  });

  it('does not touch the URL without a token', () => {
    const f = fakes('http://127.0.0.1:4310/index.html');
    expect(takeSessionToken(f.loc, f.storage, f.history)).toBeNull();
    expect(f.replaced).toEqual([]);
  });
});
