import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

describe('the office backs up to a folder it chooses', () => {
  it('sets the folder on the screen, backs up now and lists the snapshot with what it holds', async () => {
    const started = await session.host();
    await seedReadyHearing(started.url);
    // Asking for the fingerprint makes the key, so the backup has one to name.
    const { fingerprint } = await invoke(started.url, 'installation.key', {});
    // The host runs as this user: a temp folder stands in for the USB disk.
    const folder = mkdtempSync(join(tmpdir(), 'hearing-desk-backups-'));

    const page = await session.open(started.url);
    await page.getByRole('link', { name: '备份', exact: true }).click();
    await expect.poll(() => page.getByText('尚未设置备份文件夹').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /立即备份/ }).isDisabled()).toBe(true);

    const path = page.getByLabel('备份文件夹路径');
    await path.fill('听证备份');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText('请输入文件夹的完整路径').isVisible()).toBe(true);

    await path.fill(folder);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('backup-folder-current').textContent()).toBe(folder);

    await page.getByRole('button', { name: /立即备份/ }).click();
    const made = page.getByTestId('backup-made');
    await expect.poll(() => made.isVisible(), { timeout: 20_000 }).toBe(true);
    // The check-ins of the seeded hearing are entries of its record: the count is the core's own.
    const [snapshot] = (await invoke(started.url, 'backup.list', {})).snapshots;
    const counts = `1 场听证（0 场已定稿），${snapshot?.summary?.counts.minuteEntries} 条笔录，0 个证据文件`;
    expect(snapshot?.summary?.counts.minuteEntries).toBeGreaterThan(0);
    expect(await made.innerText()).toContain(counts);

    const row = page.getByRole('row', { name: /hearing-desk-backup-\d{8}-\d{6}\.zip/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    const text = await row.innerText();
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
    expect(text).toContain(counts);
    expect(text).toContain(fingerprint);
    expect(text).toMatch(/\d+\.\d (KB|MB)/);

    const fileName = /hearing-desk-backup-\d{8}-\d{6}\.zip/.exec(text)?.[0] ?? '';
    expect(readdirSync(folder)).toEqual([fileName]);
    expect(existsSync(join(folder, fileName))).toBe(true);
    await captureForReadme(page, 'backup');
  });
});
