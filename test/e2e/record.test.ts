import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wangJianpingHearing } from '../fixtures/hearings.js';
import { cast } from '../fixtures/people.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { confirmFinalize, verifyFile } from './support/record.js';
import { seedHeldToTheEnd, signEveryone } from './support/held.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** The README's pictures of this tab, taken only when asked for (npm run screenshots). */
const shoot = (page: Page, name: string) => captureForReadme(page, `record-${name}`);

/** What a print frame held when the app called print() on it. */
interface Printed {
  text: string;
  pages: number;
  /** Images drawn from data: or blob: URLs, loaded. */
  signatures: number;
}

/**
 * Clicks 打印 for one document and reads the print frame at the moment the app
 * calls print(). Holding swaps that print() for one that shows the frame on
 * screen and waits for releasePrint, so the sheets can be photographed; not
 * holding lets Chromium's print() run (headless, it returns at once).
 */
async function printFrom(page: Page, kind: string, { hold }: { hold: boolean }): Promise<Printed> {
  const printed = page.evaluate(
    (hold) =>
      new Promise<Printed>((resolve) => {
        const watcher = new MutationObserver((changes) => {
          const frame = changes.flatMap((change) => Array.from(change.addedNodes)).find((node) => node instanceof HTMLIFrameElement);
          const view = frame?.contentWindow;
          if (!frame || !view) return;
          watcher.disconnect();
          const print = view.print.bind(view);
          view.print = () => {
            const body = frame.contentDocument!.body;
            const images = Array.from(body.querySelectorAll('img')).filter((image) => /^(data|blob):/.test(image.src) && image.naturalWidth > 0);
            resolve({ text: body.innerText, pages: body.querySelectorAll(':scope > section').length, signatures: images.length });
            if (!hold) return print();
            Object.assign(frame.style, { left: '0', zIndex: '10000', boxShadow: '0 0 8px #888' });
            frame.style.height = `${frame.contentDocument!.documentElement.scrollHeight}px`;
          };
        });
        watcher.observe(document.body, { childList: true });
      }),
    hold,
  );
  await page
    .getByTestId(`document-${kind}`)
    .getByRole('button', { name: /打\s*印/ })
    .click();
  return printed;
}

/** Ends a held print as the dialog closing would. */
async function releasePrint(page: Page) {
  await page.getByTestId('print-frame').evaluate((frame: HTMLIFrameElement) => frame.contentWindow!.dispatchEvent(new Event('afterprint')));
}

describe('the clerk finalizes the record and anyone can verify the package', () => {
  it('downloads the record, seals the package, and the verify screen tells an intact package from a tampered one', async () => {
    const host = await session.host();
    const { hearing } = await seedHeldToTheEnd(host.url);
    await signEveryone(host.url, hearing.id);
    const page = await session.open(`${host.url}#/hearings/${hearing.id}/record`);

    // The checklist is complete, so 归档 is open.
    await page.getByTestId('record-complete').waitFor();
    expect(await page.getByTestId('record-check').innerText()).toContain('笔录已完整，可以归档。');
    const finalize = page.getByTestId('record-finalize').getByRole('button', { name: /归\s*档/ });
    expect(await finalize.isEnabled()).toBe(true);
    expect(await page.getByTestId('document-deliberationRecord').innerText()).toContain('仅供听证员');
    await shoot(page, 'before');

    // The 听证笔录 as Word, named after the hearing.
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('document-record')
        .getByRole('button', { name: /下载（Word）/ })
        .click(),
    ]);
    expect(word.suggestedFilename()).toBe(`${wangJianpingHearing.title}-听证笔录.docx`);

    // The office's layout is set once for every hearing's documents.
    await page.getByTestId('document-layout').click();
    const layout = page.getByRole('dialog', { name: '文书版式（全局设置）' });
    await layout.getByLabel('机关名称').fill('南宁市青秀区人民政府信访局');
    await layout.getByRole('switch').click();
    await layout.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(async () => (await invoke(host.url, 'settings.get', {})).officeName).toBe('南宁市青秀区人民政府信访局');
    expect((await invoke(host.url, 'settings.get', {})).boldHeadings).toBe(true);

    // 打印 renders the record's .docx in a print frame: its header, the party's drawn signature in every page's footer, 第 X 页 共 Y 页.
    const record = await printFrom(page, 'record', { hold: true });
    const frame = page.getByTestId('print-frame');
    await captureForReadme(page, 'record-print');
    expect(record.text).toContain('听证笔录');
    expect(record.text).toContain('我对补偿金额有异议');
    expect(record.text).toMatch(/第 1 页 共 \d+ 页/);
    expect(record.pages).toBeGreaterThan(0);
    expect(record.signatures).toBeGreaterThanOrEqual(record.pages);
    await releasePrint(page);
    await expect.poll(() => frame.count()).toBe(0);

    // Every other kind prints the same way, here through Chromium's own print() (headless, it fires no afterprint, so the frame stays until the next print).
    const notice = await printFrom(page, 'notice', { hold: false });
    expect(notice.text).toContain('听证通知书');
    expect(notice.text).toContain(cast.petitioner.name);
    expect(await frame.count()).toBe(1);

    // 归档, confirmed: the package card takes the checklist's place, with this installation's key.
    await finalize.click();
    await confirmFinalize(page);
    const { fingerprint } = await invoke(host.url, 'installation.key', {});
    const card = page.getByTestId('record-package');
    expect(await card.getByTestId('package-fingerprint').innerText()).toBe(fingerprint);
    const finalization = await invoke(host.url, 'record.finalization', { hearingId: hearing.id });
    expect(await card.getByTestId('package-manifest').innerText()).toBe(finalization?.manifestSha256);
    expect(await card.innerText()).toMatch(/归档时间\s+\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
    await shoot(page, 'after');

    const [sealed] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: /下载案卷/ }).click()]);
    expect(sealed.suggestedFilename()).toBe(finalization?.packageName);
    const dir = mkdtempSync(join(tmpdir(), 'hearing-desk-record-'));
    const packagePath = join(dir, sealed.suggestedFilename());
    await sealed.saveAs(packagePath);

    // A 补正 after finalizing: both fields required, then sealed on its own and listed with its download.
    await page
      .getByTestId('record-addenda')
      .getByRole('button', { name: /新增补正/ })
      .click();
    const amend = page.getByTestId('amend-form');
    await amend.getByRole('textbox', { name: '补正内容' }).fill('第3页第2行“18万元”应为“16万元”。');
    await amend.getByRole('button', { name: '制作补正' }).click();
    await amend.getByText('请填写补正理由。').waitFor();
    await amend.getByRole('textbox', { name: '补正理由' }).fill('信访人阅读归档笔录后提出，经核对录音属实。');
    await amend.getByRole('button', { name: '制作补正' }).click();
    const addendum = page.getByTestId('addendum');
    await addendum.waitFor();
    expect(await addendum.innerText()).toContain('补正1');
    expect(await addendum.getByRole('link', { name: /下\s*载/ }).getAttribute('href')).toBe(`packages/${hearing.id}/addenda/1`);
    await shoot(page, 'addendum');

    // The locked hearing refuses new minutes.
    await expect(
      invoke(host.url, 'minutes.append', {
        hearingId: hearing.id,
        clientId: randomUUID(),
        kind: 'speech',
        speakerId: null,
        text: '归档后补充',
        startedAt: new Date().toISOString(),
      }),
    ).rejects.toThrow(/hearing\/locked/);

    // The verify screen, from the header: the intact package, under the same key.
    await page.locator('.ant-layout-header').getByRole('link', { name: '核验案卷' }).click();
    await verifyFile(page, packagePath);
    const valid = page.getByTestId('verdict-valid');
    await valid.waitFor();
    const validText = await valid.innerText();
    expect(validText).toContain(`案卷完好，由密钥 ${fingerprint} 于`);
    expect(validText).toContain(`听证：${wangJianpingHearing.title}`);
    await shoot(page, 'valid');

    // One byte flipped in the middle: the verdict names the file that no longer matches.
    const bytes = readFileSync(packagePath);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    const tamperedPath = join(dir, 'tampered.zip');
    writeFileSync(tamperedPath, bytes);
    await verifyFile(page, tamperedPath);
    const invalid = page.getByTestId('verdict-invalid');
    await invalid.waitFor();
    const invalidText = await invalid.innerText();
    expect(invalidText).toContain('案卷未通过核验');
    expect(invalidText).toMatch(/问题所在：\S+/);
    expect(await page.getByTestId('verdict-valid').count()).toBe(0);
    await shoot(page, 'invalid');
  });
});
