import { closeSync, mkdtempSync, openSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { startHost, type HostProcess } from './support/host.js';
import { signInAsAdmin } from './support/operators.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** What a failing disk sector or a stray write does to the first page: SQLite no longer recognizes the file. */
function damageHeader(dataDir: string): void {
  const handle = openSync(join(dataDir, 'hearing-desk.sqlite'), 'r+');
  writeSync(handle, Buffer.alloc(100, 0x5a), 0, 100, 0);
  closeSync(handle);
}

/**
 * The host on a damaged data folder: started bare, since no one can sign in
 * to a database that cannot be read; stopped by the test itself.
 */
async function withRecoveringHost(dataDir: string, test: (host: HostProcess) => Promise<void>): Promise<void> {
  const host = await startHost(dataDir, { signIn: false });
  try {
    await test(host);
  } finally {
    await host.stop();
  }
}

describe('a damaged database at start', () => {
  it('offers the latest good backup, and restoring it reloads the app with the hearing there', async () => {
    const first = await session.host();
    const { hearing } = await seedReadyHearing(first.url);
    const folder = mkdtempSync(join(tmpdir(), 'hearing-desk-backups-'));
    await invoke(first.url, 'settings.setBackupFolder', { folder });
    const made = await invoke(first.url, 'backup.create', {});
    await first.stop();
    damageHeader(first.dataDir);

    await withRecoveringHost(first.dataDir, async (host) => {
      const page = await session.open(host.url);
      await expect.poll(() => page.getByRole('heading', { name: '数据库损坏' }).isVisible(), { timeout: 20_000 }).toBe(true);
      const latest = page.getByTestId('recovery-latest');
      const offered = await latest.innerText();
      expect(offered).toContain(made.fileName);
      expect(offered).toContain(`1 场（0 场已定稿），${made.summary.counts.minuteEntries} 条笔录`);
      expect(offered).toContain(folder);
      expect(await page.getByText(first.dataDir, { exact: true }).isVisible()).toBe(true);
      await page.screenshot({ path: join(tmpdir(), 'hearing-desk-recovery.png'), fullPage: true });
      await captureForReadme(page, 'recovery');

      await page.getByRole('button', { name: '恢复此备份' }).click();
      const dialog = page.getByRole('dialog', { name: '恢复备份' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.innerText()).toContain('损坏的数据文件夹改名为');
      await dialog.getByRole('button', { name: '确认恢复' }).click();

      // Reloaded into the normal app: the recovery screen is gone; the office signs in again to the restored data.
      await expect.poll(() => page.getByRole('heading', { name: '数据库损坏' }).count(), { timeout: 30_000 }).toBe(0);
      await signInAsAdmin(host.url);
      const after = await session.open(host.url);
      await expect.poll(() => after.getByText(hearing.title).first().isVisible(), { timeout: 20_000 }).toBe(true);
      // The damaged folder is kept whole beside the restored one.
      expect(readdirSync(dirname(first.dataDir)).filter((name) => name.startsWith(`${basename(first.dataDir)}.before-restore-`))).toHaveLength(1);
    });
  });

  it('says so, with the command and whom to call, when no backup folder was ever chosen', async () => {
    const first = await session.host();
    await seedReadyHearing(first.url);
    await first.stop();
    damageHeader(first.dataDir);

    await withRecoveringHost(first.dataDir, async (host) => {
      const page = await session.open(host.url);
      await expect.poll(() => page.getByRole('heading', { name: '数据库损坏' }).isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await page.getByTestId('recovery-nothing').innerText()).toContain('本机从未设置备份文件夹');
      const text = await page.locator('body').innerText();
      expect(text).toContain(`hearing-desk restore --data "${first.dataDir}"`);
      expect(text).toContain('请联系本单位信息技术人员');
      expect(text).not.toMatch(/at \w+ \(|Error:/);
      await page.screenshot({ path: join(tmpdir(), 'hearing-desk-recovery-none.png'), fullPage: true });
    });
  });
});
