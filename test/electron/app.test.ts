import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.js';

const electronBinary = findElectronBinary();
const hasElectron = electronBinary !== undefined;
const repoRoot = resolve(import.meta.dirname, '../..');

if (!hasElectron) {
  console.warn(
    'Electron e2e skipped: no Electron binary on this machine (it is downloaded from the internet on first use, which this machine cannot reach). The same screens are covered against the browser host in test/e2e.',
  );
}

describe.skipIf(!hasElectron)('the Electron app', () => {
  let app: ElectronApplication | undefined;
  afterAll(async () => {
    await app?.close();
  });

  it('opens the hearing list in a sandboxed, isolated window without Node', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearing-desk-electron-'));
    app = await _electron.launch({ executablePath: electronBinary, args: [repoRoot, `--data=${dataDir}`] });
    const page = await app.firstWindow();
    await expect.poll(() => page.getByText('还没有听证').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { hearingDesk?: { invoke?: unknown } }).hearingDesk?.invoke)).toBe('function');
    const csp = await page.evaluate(() => fetch('app://hearing-desk/index.html').then((response) => response.headers.get('content-security-policy')));
    expect(csp).toContain("script-src 'self'");
    await page.evaluate(() => window.location.assign('https://example.com/'));
    expect(page.url()).toMatch(/^app:\/\/hearing-desk\//);
  });
});
