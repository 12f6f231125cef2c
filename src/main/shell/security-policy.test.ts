import { describe, expect, it } from 'vitest';
import { WINDOW_WEB_PREFERENCES, isAllowedExternalUrl, isAllowedNavigation, isRpcMethodName, isTrustedSenderUrl } from './security-policy';

describe('shell security policy', () => {
  it('trusts only the bundled app page as a sender', () => {
    expect(isTrustedSenderUrl('app://renderer/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://renderer/index.html#/relaties/1')).toBe(true);
    expect(isTrustedSenderUrl('https://renderer/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedSenderUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedSenderUrl('')).toBe(false);
    expect(isTrustedSenderUrl(null)).toBe(false);
  });

  it('opens the window isolated, sandboxed and without the spellchecker (it downloads dictionaries)', () => {
    expect(WINDOW_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, spellcheck: false });
  });

  it('keeps the window on the app', () => {
    expect(isAllowedNavigation('app://renderer/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.org')).toBe(false);
  });

  it('opens only plain web and mail links outside the app', () => {
    expect(isAllowedExternalUrl('https://www.vereniging.nl/leden')).toBe(true);
    expect(isAllowedExternalUrl('http://example.org')).toBe(true);
    expect(isAllowedExternalUrl('mailto:secretaris@vereniging.nl')).toBe(true);
    for (const bad of ['file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.org', 'not a url', 'mailto:']) {
      expect(isAllowedExternalUrl(bad), bad).toBe(false);
    }
  });

  it('accepts only well-formed method names', () => {
    expect(isRpcMethodName('relations.get')).toBe(true);
    expect(isRpcMethodName('__proto__')).toBe(false);
    expect(isRpcMethodName('relations.get/../x')).toBe(false);
    expect(isRpcMethodName(5)).toBe(false);
    expect(isRpcMethodName(null)).toBe(false);
    expect(isRpcMethodName({ method: 'relations.get' })).toBe(false);
  });
});
