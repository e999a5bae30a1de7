import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { freshDataDir } from './support/host.js';
import { verifyFile } from './support/record.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();
const cli = resolve(import.meta.dirname, '../../bin/hearing-desk.js');

/** The sample hearing, sealed on "another laptop": its own data folder, through the command line. */
async function sealedElsewhere(): Promise<{ hearingId: string; packagePath: string }> {
  const dataDir = freshDataDir();
  const { stdout } = await promisify(execFile)(process.execPath, [cli, 'sample', '--data', dataDir]);
  const hearingId = stdout.split('\t')[0]!.trim();
  const folder = join(dataDir, 'packages', hearingId);
  const [name] = readdirSync(folder).filter((file) => file.endsWith('.zip'));
  return { hearingId, packagePath: join(folder, name!) };
}

describe('the archive laptop receives a case package handed over from another laptop', () => {
  it('refuses a tampered package with the reason, then receives the intact one as a read-only hearing marked with its origin', async () => {
    const { hearingId, packagePath } = await sealedElsewhere();
    const started = await session.host();
    const page = await session.open(`${started.url}#/verify`);

    const tampered = readFileSync(packagePath);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] as number) ^ 0xff;
    const tamperedPath = join(freshDataDir(), '示例-听证案卷-改动.zip');
    writeFileSync(tamperedPath, tampered);
    await verifyFile(page, tamperedPath);
    const invalid = page.getByTestId('verdict-invalid');
    await invalid.waitFor();
    expect(await invalid.innerText()).toMatch(/问题所在：\S+/);
    expect(await page.getByTestId('receive-handover').count()).toBe(0);

    await verifyFile(page, packagePath);
    await page.getByTestId('verdict-valid').waitFor();
    const receive = page.getByTestId('receive-handover');
    const dialog = page.getByRole('dialog').filter({ hasText: '接收移交案卷？' });

    // Reading the package in can be stopped while it is copied: nothing is received (the upload is held back here, as a slow USB disk would).
    await page.route('**/api/files*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await route.continue().catch(() => undefined);
    });
    await receive.getByRole('button', { name: '接收移交案卷' }).click();
    await dialog.getByRole('button', { name: /接\s*收/ }).click();
    await page
      .getByTestId('receive-progress')
      .getByRole('button', { name: /停\s*止/ })
      .click();
    await page.getByText('已停止接收，未做任何更改。').waitFor();
    expect(await invoke(started.url, 'handover.list', {})).toEqual([]);
    await page.unroute('**/api/files*');

    await receive.getByRole('button', { name: '接收移交案卷' }).click();
    expect(await dialog.innerText()).toContain('孙玉兰反映幸福里小区改造施工致房屋渗水及补偿问题信访事项（示例）');
    await captureForReadme(page, 'handover-confirm');
    await dialog.getByRole('button', { name: /接\s*收/ }).click();

    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain(`#/hearings/${hearingId}`);
    const banner = page.getByTestId('handover-banner');
    await banner.waitFor();
    const bannerText = await banner.innerText();
    expect(bannerText).toContain('移交接收 · 来自临江市江北区信访局');
    expect(bannerText).toContain('本机只读');
    const [received] = await invoke(started.url, 'handover.list', {});
    expect(bannerText).toContain(received!.origin.fingerprint);
    expect(await page.getByRole('heading', { name: '孙玉兰反映幸福里小区改造施工致房屋渗水及补偿问题信访事项（示例）' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '修改案件信息' }).count()).toBe(0);
    await captureForReadme(page, 'handover-received');
    await page.goto(`${started.url}#/`);
    await expect.poll(() => page.getByTestId('received-tag').innerText()).toBe('移交接收 · 来自临江市江北区信访局');

    // Received once: the same package again is refused, naming the matter.
    await page.goto(`${started.url}#/verify`);
    await verifyFile(page, packagePath);
    await page.getByTestId('receive-handover').getByRole('button', { name: '接收移交案卷' }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: '接收移交案卷？' })
      .getByRole('button', { name: /接\s*收/ })
      .click();
    await expect
      .poll(() => page.getByTestId('receive-handover').innerText(), { timeout: 30_000 })
      .toContain('本机已有该听证（案号 示例〔2026〕第0001号），不再重复接收。');
  }, 180_000);
});
