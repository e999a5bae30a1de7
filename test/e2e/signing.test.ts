import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureForReadme } from './support/browser.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signingGroups } from '../../electron/core/contract/index.js';
import { invoke } from './support/api.js';
import { seedHeldToTheEnd } from './support/held.js';
import { confirmFinalize, verifyFile } from './support/record.js';
import { chooseOption } from './support/select.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** antd spaces out a two-character label ("拒 签"), after the icon's name: match its end, with or without. */
const spaced = (label: string) => new RegExp(`${[...label].join('\\s*')}$`);
const refusal = '认为笔录未记录其关于装修价值的全部陈述，拒绝签字';

/** A name written across the pad with the mouse, in two strokes, as a hand would. */
async function drawSignature(page: Page, wobble: number) {
  const pad = page.getByTestId('signature-pad');
  // The mouse acts on the viewport: below the fold the strokes would land elsewhere.
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const strokes = [
    { from: 0.12, to: 0.5, height: 0.55 },
    { from: 0.45, to: 0.85, height: 0.45 },
  ];
  for (const stroke of strokes) {
    const points = Array.from({ length: 14 }, (_, index) => {
      const share = stroke.from + ((stroke.to - stroke.from) * index) / 13;
      return { x: box.x + box.width * share, y: box.y + box.height * (stroke.height + Math.sin(index / 2 + wobble) * 0.15) };
    });
    const [first, ...rest] = points;
    if (!first) continue;
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.mouse.up();
  }
}

describe('the signing round at the end of the hearing', () => {
  it('enters a refusal through the clerk, has everyone else draw and confirm, then finalizes and verifies the sealed package in the app', async () => {
    const host = await session.host();
    const { hearing } = await seedHeldToTheEnd(host.url);
    const before = await invoke(host.url, 'signing.view', { hearingId: hearing.id });
    const [first, ...others] = before.signers;
    expect(first?.name).toBe('王建平');
    const groups = before.signers.map((signer) => signingGroups.indexOf(signer.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));

    const page = await session.open(`${host.url}#/hearings/${hearing.id}/signing`);
    const next = page.getByTestId('next-signer');
    await expect.poll(() => next.innerText()).toContain('王建平');
    expect(await page.getByTestId('signing-progress').innerText()).toBe(`已完成 0/${before.signers.length}`);
    for (const group of ['当事人一方', '听证员', '主持人', '记录员']) expect(await page.getByRole('region', { name: group }).count()).toBe(1);

    // 王建平 refuses; the clerk enters it with his reason.
    const petitioner = page.getByTestId('signer').filter({ hasText: '王建平' });
    await petitioner.getByRole('button', { name: spaced('拒签') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '拒签理由' }).fill(refusal);
    await chooseOption(page, dialog.getByRole('combobox', { name: '登记人' }), '赵敏（记录员）');
    await dialog.getByRole('button', { name: '登记拒签' }).click();
    await expect.poll(() => petitioner.getByTestId('signer-outcome').innerText()).toBe('拒签');
    expect(await petitioner.getByTestId('signer-reason').innerText()).toBe(`理由：${refusal}`);
    await expect.poll(() => next.innerText()).toContain(others[0]?.name ?? '');
    await captureForReadme(page, 'signing-list');

    // Everyone else in turn: the pad, the closing sentence as written by default, 确认签名, the hand-over.
    for (const [index, signer] of others.entries()) {
      await page.getByRole('button', { name: new RegExp(`请 ${signer.name} 签名`) }).click();
      const screen = page.getByTestId('signature-screen');
      await expect.poll(() => screen.getByTestId('signature-title').innerText()).toBe(`请 ${signer.name} 签名`);
      expect(await screen.getByRole('textbox', { name: '书写结束语' }).inputValue()).toBe(before.closingSentence['zh-CN']);
      const confirm = screen.getByRole('button', { name: /确认签名/ });
      expect(await confirm.isDisabled()).toBe(true);
      await drawSignature(page, index);
      await expect.poll(() => confirm.isEnabled()).toBe(true);
      if (index === 0) await captureForReadme(page, 'signing-screen');
      await confirm.click();
      const passOn = page.getByTestId('pass-on');
      await expect.poll(() => passOn.innerText()).toContain(`${signer.name}已签名`);
      const following = others[index + 1];
      if (following) expect(await passOn.innerText()).toContain(`请将电脑交给下一位签名人：${following.name}`);
      else expect(await passOn.innerText()).toContain('全部签名人均已完成');
    }
    await page.getByTestId('pass-on').getByRole('button', { name: '返回签名列表' }).click();

    // The finished round: 13 signatures with their thumbnails, one refusal with its reason, the way to the documents.
    await page.getByTestId('signing-complete').waitFor();
    expect(await page.getByTestId('signing-complete').innerText()).toContain('签名已全部完成');
    expect(await page.getByTestId('signing-progress').innerText()).toBe(`已完成 ${before.signers.length}/${before.signers.length}`);
    const signed = page.locator('[data-testid="signer"][data-outcome="signed"]');
    expect(await signed.count()).toBe(others.length);
    expect(await signed.getByTestId('signature-thumbnail').count()).toBe(others.length);
    expect(await signed.getByTestId('signer-outcome').allInnerTexts()).toEqual(others.map(() => '已签'));
    expect(await page.getByTestId('signer-stale').count()).toBe(0);
    expect(await petitioner.getByTestId('signer-reason').innerText()).toBe(`理由：${refusal}`);
    await captureForReadme(page, 'signing-round');

    const after = await invoke(host.url, 'signing.view', { hearingId: hearing.id });
    expect(after.nextSignerId).toBeNull();
    expect(after.signers.find((signer) => signer.name === '王建平')).toMatchObject({ outcome: 'refused', reason: refusal, stale: false });
    for (const signer of after.signers.filter((candidate) => candidate.name !== '王建平')) {
      expect(signer).toMatchObject({ outcome: 'signed', stale: false, closingSentence: before.closingSentence['zh-CN'] });
      expect(signer.imageBase64).toMatch(/^iVBORw0KGgo/);
    }
    const completeness = await invoke(host.url, 'record.completeness', { hearingId: hearing.id });
    expect(completeness.missing).toEqual([]);
    expect(completeness.complete).toBe(true);

    await page.getByRole('button', { name: '前往文书与归档' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/hearings/${hearing.id}/record`);

    // The same record, finalized: the sealed package downloaded and checked on the 核验案卷 screen.
    await page.getByTestId('record-complete').waitFor();
    await page
      .getByTestId('record-finalize')
      .getByRole('button', { name: /归\s*档/ })
      .click();
    await confirmFinalize(page);
    const [sealed] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('record-package')
        .getByRole('link', { name: /下载案卷/ })
        .click(),
    ]);
    const packagePath = join(mkdtempSync(join(tmpdir(), 'hearing-desk-signed-')), sealed.suggestedFilename());
    await sealed.saveAs(packagePath);
    await page.locator('.ant-layout-header').getByRole('link', { name: '核验案卷' }).click();
    await verifyFile(page, packagePath);
    const { fingerprint } = await invoke(host.url, 'installation.key', {});
    await expect.poll(() => page.getByTestId('verdict-valid').innerText()).toContain(`案卷完好，由密钥 ${fingerprint} 于`);
  });

  it('says to start the hearing first when there is nothing to sign yet', async () => {
    const host = await session.host();
    const { hearing } = await seedReadyHearing(host.url);
    const page = await session.open(`${host.url}#/hearings/${hearing.id}/signing`);
    const empty = page.getByTestId('signing-not-open');
    await expect.poll(() => empty.innerText()).toContain('听证尚未开始');
    await empty.getByRole('button', { name: '前往听证进程' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/hearings/${hearing.id}/procedure`);
  });
});
