import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finalization, Hearing, Result } from '../../electron/core/contract/index.js';
import { packageDir } from '../../electron/core/finalize/service.js';
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
    // A fresh data folder: the first-run screen comes before anything else.
    await expect.poll(() => page.getByText('首次使用：创建管理员').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByLabel('用户名').fill('wangfang');
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('密码', { exact: true }).fill('tingzheng-2026');
    await page.getByLabel('再次输入密码').fill('tingzheng-2026');
    await page.getByRole('button', { name: '创建管理员并登录' }).click();
    await expect.poll(() => page.getByText('还没有听证').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { hearingDesk?: { invoke?: unknown } }).hearingDesk?.invoke)).toBe('function');
    const csp = await page.evaluate(() => fetch('app://hearing-desk/index.html').then((response) => response.headers.get('content-security-policy')));
    expect(csp).toContain("script-src 'self'");
    await page.evaluate(() => window.location.assign('https://example.com/'));
    expect(page.url()).toMatch(/^app:\/\/hearing-desk\//);
  });

  it('seals the sample with a PDF of each document printed by printToPDF from the hidden print window', async () => {
    await app?.close();
    const dataDir = mkdtempSync(join(tmpdir(), 'hearing-desk-electron-'));
    app = await _electron.launch({ executablePath: electronBinary, args: [repoRoot, `--data=${dataDir}`] });
    const page = await app.firstWindow();
    const { hearingId, packageName } = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { hearingDesk: { invoke(method: string, input: unknown, session: string | null): Promise<Result<unknown>> } })
        .hearingDesk;
      const setup = (await bridge.invoke('auth.setup', { username: 'wangfang', displayName: '王芳', password: 'tingzheng-2026' }, null)) as Result<{
        token: string;
      }>;
      if (!setup.ok) throw new Error(setup.error.code);
      const invoke = (method: string, input: unknown) => bridge.invoke(method, input, setup.value.token);
      const sample = (await invoke('sample.create', {})) as Result<Hearing>;
      if (!sample.ok) throw new Error(sample.error.code);
      const finalization = (await invoke('record.finalization', { hearingId: sample.value.id })) as Result<Finalization | null>;
      if (!finalization.ok || !finalization.value) throw new Error('not finalized');
      return { hearingId: sample.value.id, packageName: finalization.value.packageName };
    });
    const files = unzipSync(new Uint8Array(readFileSync(join(packageDir(dataDir, hearingId), packageName))));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { pdf: { renderer: string | null; detail: string } };
    expect(manifest.pdf).toEqual({ renderer: 'Electron (printToPDF)', detail: '' });
    const pdfs = Object.keys(files).filter((name) => name.startsWith('pdf/'));
    expect(pdfs.length).toBe(Object.keys(files).filter((name) => name.startsWith('documents/')).length);
    for (const name of pdfs) expect(strFromU8(files[name]!.subarray(0, 5)), name).toBe('%PDF-');
  }, 180_000);
});
