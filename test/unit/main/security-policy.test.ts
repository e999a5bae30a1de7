import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/core/security.js';
import { allowedPermissions, appWindowOptions, childWindowKind, isAppUrl } from '../../../electron/main/security-policy.js';

describe('Electron window hardening', () => {
  const { webPreferences } = appWindowOptions('/app/build/electron/preload/index.cjs');

  it('isolates the renderer: sandbox, context isolation, no Node anywhere', () => {
    expect(webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('grants no permission by default', () => {
    expect([...allowedPermissions]).toEqual([]);
  });

  it('trusts only the app origin, never file:// or the web', () => {
    expect(isAppUrl('app://hearing-desk/index.html#/hearings')).toBe(true);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://hearing-desk/')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('lets a page open only the chair view, the public display, the read-back and the rating screen of the app', () => {
    const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(childWindowKind(`app://hearing-desk/index.html#/display/${id}`)).toBe('display');
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}/chair`)).toBe('chair');
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}/readback`)).toBe('readBack');
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}/satisfaction`)).toBe('satisfaction');
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}/minutes`)).toBeNull();
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}`)).toBeNull();
    expect(childWindowKind(`https://example.com/#/display/${id}`)).toBeNull();
    expect(childWindowKind('file:///etc/passwd')).toBeNull();
  });

  it('runs under a CSP without inline or remote scripts', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });
});
