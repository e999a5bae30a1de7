import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wangJianpingHearing } from '../fixtures/hearings.js';
import { cast } from '../fixtures/people.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();
const megabyte = 1024 * 1024;

/** A recording of the given size: an MP4 header, then bytes no other file shares. */
function recording(folder: string, name: string, megabytes: number): string {
  const path = join(folder, name);
  writeFileSync(path, Buffer.concat([Buffer.from('\u0000\u0000\u0000\u0018ftypmp42', 'latin1'), randomBytes(megabytes * megabyte - 12)]));
  return path;
}

/** What the clerk's line reads, 已上传 7.5 MB / 20.0 MB（37%）, as numbers. */
interface Reading {
  sent: number;
  total: number;
  percent: number;
}

function reading(text: string): Reading {
  const match = /^已上传 ([\d.]+) (KB|MB) \/ ([\d.]+) MB（(\d+)%）$/.exec(text.trim());
  if (!match) throw new Error(`not a progress line: ${text}`);
  const [, sent, unit, total, percent] = match as unknown as [string, string, string, string, string];
  return { sent: Number(sent) / (unit === 'KB' ? 1024 : 1), total: Number(total), percent: Number(percent) };
}

/** Holds the window's uploads to `bytesPerSecond` as a slow USB disk or a busy laptop would (-1: no limit). */
async function throttleUploads(cdp: CDPSession, bytesPerSecond: number): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}

/** Every file in the data folder's evidence store, temporary copies included. */
function storeContents(dataDir: string): string[] {
  const dir = join(dataDir, 'files');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const drawer = (page: Page): Locator => page.locator('.ant-drawer-content-wrapper:visible').last();

/** The progress line, read every 100 ms until it goes away with the upload. */
async function readUntilDone(page: Page, line: Locator): Promise<Reading[]> {
  const readings: Reading[] = [];
  for (;;) {
    const text = await line.innerText({ timeout: 1_000 }).catch(() => undefined);
    if (text === undefined) return readings;
    readings.push(reading(text));
    await page.waitForTimeout(100);
  }
}

const exhibitFiles = async (url: string, hearingId: string) => (await invoke(url, 'evidence.list', { hearingId }))[0]?.files ?? [];

describe('the clerk sees how far a large evidence file has got', () => {
  it('shows the bytes sent growing while a recording uploads, lets the clerk cancel one, and attaches the next', async () => {
    const host = await session.host();
    // Only what an exhibit needs: the hearing and the petitioner who submits it.
    const hearing = await invoke(host.url, 'hearing.create', wangJianpingHearing);
    const petitioner = await invoke(host.url, 'participant.add', { hearingId: hearing.id, ...cast.petitioner });
    await invoke(host.url, 'evidence.add', { hearingId: hearing.id, submitterId: petitioner.id, name: '入户调查现场录像', form: 'audiovisual' });
    const folder = mkdtempSync(join(tmpdir(), 'hearing-desk-upload-'));
    const video = recording(folder, '入户调查现场录像.mp4', 20);
    const second = recording(folder, '听证会现场录像.mp4', 16);

    const page = await session.open(`${host.url}#/hearings/${hearing.id}/evidence`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await throttleUploads(cdp, 10 * megabyte);
    await page.getByRole('button', { name: '查看信访人证据1' }).click();
    const detail = drawer(page);
    await detail.getByText('尚未添加文件。').waitFor();

    // 20 MB at 10 MB/s: about two seconds of 已上传 … growing.
    await detail.locator('input[type=file]').setInputFiles(video);
    const upload = detail.getByTestId('exhibit-upload');
    expect(await upload.getByText('正在保存“入户调查现场录像.mp4”（20.0 MB）…').isVisible()).toBe(true);
    const line = upload.getByTestId('upload-progress');
    await line.waitFor();
    await captureForReadme(page, 'evidence-upload-progress');
    const readings = await readUntilDone(page, line);
    const under = readings.filter((each) => each.sent < each.total);
    expect(new Set(under.map((each) => each.sent)).size, JSON.stringify(readings)).toBeGreaterThanOrEqual(3);
    for (const [index, each] of readings.entries()) {
      expect(each.total).toBe(20);
      // The line rounds the megabytes to one decimal; the share is taken, rounded down, from the exact bytes.
      expect(each.percent).toBeGreaterThanOrEqual(Math.floor(((each.sent - 0.05) * 100) / each.total));
      expect(each.percent).toBeLessThanOrEqual(Math.floor(((each.sent + 0.05) * 100) / each.total));
      if (index > 0) expect(each.sent).toBeGreaterThanOrEqual((readings[index - 1] as Reading).sent);
    }
    await detail.getByTestId('exhibit-file').filter({ hasText: '入户调查现场录像.mp4' }).waitFor();
    const [attached] = await exhibitFiles(host.url, hearing.id);
    expect(attached).toMatchObject({ originalName: '入户调查现场录像.mp4', size: 20 * megabyte, mediaType: 'video/mp4' });
    const storedBefore = storeContents(host.dataDir);

    // 取消 halfway through the second: nothing attached, nothing left in the store, not even a temporary copy.
    await detail.locator('input[type=file]').setInputFiles(second);
    await expect.poll(async () => reading(await line.innerText()).sent, { timeout: 10_000 }).toBeGreaterThan(2);
    await detail.getByRole('button', { name: '取消上传“听证会现场录像.mp4”' }).click();
    await page.getByText('已取消上传“听证会现场录像.mp4”，该文件未添加。').waitFor();
    expect(await upload.count()).toBe(0);
    expect(await detail.getByTestId('exhibit-file').count()).toBe(1);
    expect(await exhibitFiles(host.url, hearing.id)).toHaveLength(1);
    await expect.poll(() => storeContents(host.dataDir)).toEqual(storedBefore);

    // The clerk tries again, with the line no longer held back: the recording is attached whole.
    await throttleUploads(cdp, -1);
    await detail.locator('input[type=file]').setInputFiles(second);
    await detail.getByTestId('exhibit-file').filter({ hasText: '听证会现场录像.mp4' }).waitFor();
    const files = await exhibitFiles(host.url, hearing.id);
    expect(files.map((file) => [file.originalName, file.size])).toEqual([
      ['入户调查现场录像.mp4', 20 * megabyte],
      ['听证会现场录像.mp4', 16 * megabyte],
    ]);
    expect(storeContents(host.dataDir)).toHaveLength(storedBefore.length + 1);
  }, 40_000);
});
