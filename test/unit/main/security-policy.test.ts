import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/core/security.js';
import {
  acceptsIpcFrom,
  allowedPermissions,
  allowsNavigation,
  appWindowOptions,
  printWindowOptions,
  childWindowKind,
  isAppPage,
  isAppUrl,
} from '../../../electron/main/security-policy.js';

const hearingId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const evidenceFile = `app://hearing-desk/files/${'ab'.repeat(32)}`;

/** Addresses no app page may be: the web, the disk, the browser host, Chromium's and extensions' own pages, script and data URLs. */
const foreignUrls = [
  'https://example.com/',
  'http://127.0.0.1:5173/index.html',
  'file:///etc/passwd',
  'file:///opt/hearing-desk/resources/app/build/renderer/index.html',
  'devtools://devtools/bundled/devtools_app.html',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
  'chrome://settings',
  'about:blank',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  'app://other/index.html',
];

describe('Electron window hardening', () => {
  const { webPreferences } = appWindowOptions('/app/build/electron/preload/index.cjs');

  it('keeps the hidden PDF printing window as isolated as the app window, never shown', () => {
    const print = printWindowOptions('/app/build/electron/preload/index.cjs');
    expect(print.show).toBe(false);
    expect(print.webPreferences).toEqual({ ...webPreferences, backgroundThrottling: false });
  });

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

  it('grants no permission: the app records hearings, it needs no camera, microphone, location or notifications', () => {
    expect([...allowedPermissions]).toEqual([]);
    // Electron's permission names (session.setPermissionRequestHandler); each is refused by both handlers.
    for (const permission of [
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'geolocation',
      'idle-detection',
      'media',
      'mediaKeySystem',
      'midi',
      'midiSysex',
      'notifications',
      'openExternal',
      'pointerLock',
      'keyboardLock',
      'speaker-selection',
      'storage-access',
      'top-level-storage-access',
      'window-management',
      'fileSystem',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      expect(allowedPermissions.has(permission), permission).toBe(false);
    }
  });

  it('trusts only the app origin, never file:// or the web', () => {
    expect(isAppUrl('app://hearing-desk/index.html#/hearings')).toBe(true);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://hearing-desk/')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('counts only the renderer page as the app, not the evidence files and packages served beside it', () => {
    expect(isAppPage('app://hearing-desk/index.html#/hearings')).toBe(true);
    expect(isAppPage('app://hearing-desk/')).toBe(true);
    expect(isAppPage(evidenceFile)).toBe(false);
    expect(isAppPage(`app://hearing-desk/packages/${hearingId}`)).toBe(false);
    for (const url of foreignUrls) expect(isAppPage(url), url).toBe(false);
  });

  it('lets a page navigate nowhere but to the app page itself (a reload): screens change by hash, which is no navigation', () => {
    expect(allowsNavigation('app://hearing-desk/index.html')).toBe(true);
    expect(allowsNavigation(evidenceFile)).toBe(false);
    expect(allowsNavigation(`app://hearing-desk/packages/${hearingId}`)).toBe(false);
    for (const url of foreignUrls) expect(allowsNavigation(url), url).toBe(false);
  });

  it('lets a page open only the chair view, the public display, the read-back and the rating screen of the app', () => {
    const id = hearingId;
    expect(childWindowKind(`app://hearing-desk/index.html#/display/${id}`)).toBe('display');
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}/chair`)).toBe('chair');
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}/readback`)).toBe('readBack');
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}/satisfaction`)).toBe('satisfaction');
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}/minutes`)).toBeNull();
    expect(childWindowKind(`app://hearing-desk/index.html#/hearings/${id}`)).toBeNull();
    expect(childWindowKind(`https://example.com/#/display/${id}`)).toBeNull();
    expect(childWindowKind('file:///etc/passwd')).toBeNull();
    // An evidence file cannot pass for a display window by borrowing its hash.
    expect(childWindowKind(`${evidenceFile}#/display/${id}`)).toBeNull();
    expect(childWindowKind(`app://hearing-desk/index.html#/display/${id}/../../settings`)).toBeNull();
    for (const url of foreignUrls) {
      expect(childWindowKind(url), url).toBeNull();
      expect(childWindowKind(`${url}#/display/${id}`), url).toBeNull();
    }
  });

  it('runs under a CSP without inline or remote scripts', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });
});

describe('IPC sender check', () => {
  /** Frames as Electron's WebFrameMain presents them: compared by identity, judged by URL. */
  const frame = (url: string) => ({ url });
  const mainFrame = frame(`app://hearing-desk/index.html#/hearings/${hearingId}`);

  it('answers the main frame of the app page, whichever screen it shows', () => {
    expect(acceptsIpcFrom(mainFrame, mainFrame)).toBe(true);
    const display = frame(`app://hearing-desk/index.html#/display/${hearingId}`);
    expect(acceptsIpcFrom(display, display)).toBe(true);
  });

  it('refuses a subframe of the app, even one showing the app page', () => {
    expect(acceptsIpcFrom(frame('app://hearing-desk/index.html'), mainFrame)).toBe(false);
    expect(acceptsIpcFrom(frame('https://example.com/'), mainFrame)).toBe(false);
  });

  it('refuses a main frame that is not the app page: another origin, file://, devtools, an extension, an evidence file', () => {
    for (const url of [...foreignUrls, evidenceFile]) {
      const foreign = frame(url);
      expect(acceptsIpcFrom(foreign, foreign), url).toBe(false);
    }
  });

  it('refuses a sender whose frame is gone (null) or unknown', () => {
    expect(acceptsIpcFrom(null, mainFrame)).toBe(false);
    expect(acceptsIpcFrom(undefined, mainFrame)).toBe(false);
  });
});
