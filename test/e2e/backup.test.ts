import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { liXiuyingHearing } from '../fixtures/hearings.js';
import { signInAsAdmin } from './support/operators.js';
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

describe('restoring a backup from the screen', () => {
  it('previews what a backup holds, then restores it: a safety backup first, the data as backed up, the window reloaded', async () => {
    const started = await session.host();
    const { hearing } = await seedReadyHearing(started.url);
    const folder = mkdtempSync(join(tmpdir(), 'hearing-desk-backups-'));
    await invoke(started.url, 'settings.setBackupFolder', { folder });
    const made = await invoke(started.url, 'backup.create', {});
    // Entered after the backup: the restore takes it away, the safety backup keeps it.
    await invoke(started.url, 'hearing.create', liXiuyingHearing);

    const page = await session.open(`${started.url}#/backup`);
    const row = page.getByRole('row', { name: new RegExp(made.fileName.replace(/\./g, '\\.')) });
    await expect.poll(() => row.isVisible()).toBe(true);
    await row.getByRole('button', { name: /预\s*览/ }).click();
    const preview = page.getByRole('dialog', { name: '备份内容预览' });
    await expect.poll(() => preview.isVisible()).toBe(true);
    const previewText = await preview.innerText();
    expect(previewText).toContain(made.fileName);
    expect(previewText).toContain(`1 场（0 场已定稿），${made.summary.counts.minuteEntries} 条笔录`);
    expect(previewText).toMatch(/听证台 \d+\.\d+\.\d+，数据结构版本 \d+/);
    await page.keyboard.press('Escape');
    await expect.poll(() => preview.isVisible()).toBe(false);

    await row.getByRole('button', { name: /恢\s*复/ }).click();
    const dialog = page.getByRole('dialog', { name: '恢复备份' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('先将当前数据另做一份安全备份');
    // After the modal's opening animation, so the screenshot shows it whole.
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(tmpdir(), 'hearing-desk-restore-dialog.png') });
    await dialog.getByRole('button', { name: '确认恢复' }).click();

    // The window reloads on the restore: the restored core knows no session, so the office signs in again.
    await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(false);
    await signInAsAdmin(started.url);
    expect((await invoke(started.url, 'hearing.list', {})).map((each) => each.id)).toEqual([hearing.id]);
    const snapshots = (await invoke(started.url, 'backup.list', {})).snapshots;
    expect(snapshots).toHaveLength(2);
    expect(snapshots.find((snapshot) => snapshot.fileName !== made.fileName)?.summary?.counts.hearings).toBe(2);
    expect(readdirSync(dirname(started.dataDir)).filter((name) => name.startsWith(`${basename(started.dataDir)}.before-restore-`))).toHaveLength(1);

    const after = await session.open(`${started.url}#/backup`);
    await expect.poll(() => after.getByRole('row').filter({ hasText: 'hearing-desk-backup-' }).count()).toBe(2);
  });
});
