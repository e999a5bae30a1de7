import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { captureForReadme } from './support/browser.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

async function fillNewHearing(page: Page, fields: { matterNo: string; title: string; when: string; venue: string; organizer: string }) {
  await page.getByRole('button', { name: '新建听证' }).first().click();
  await page.getByRole('radio', { name: /信访听证/ }).check();
  await page.getByRole('button', { name: /下一步/ }).click();
  await page.getByLabel('信访事项编号').fill(fields.matterNo);
  await page.getByLabel('事由').fill(fields.title);
  const when = page.getByLabel('听证时间');
  await when.click();
  await when.fill(fields.when);
  await when.press('Tab');
  await page.getByLabel('听证地点').fill(fields.venue);
  await page.getByLabel('听证机关').fill(fields.organizer);
}

describe('a clerk creates a hearing and finds it again', () => {
  it('keeps a hearing created in Chinese across a reload and a restart of the host', async () => {
    const first = await session.host();
    const { dataDir } = first;
    const page = await session.open(first.url);

    await expect.poll(() => page.getByText('还没有听证').isVisible()).toBe(true);
    await captureForReadme(page, 'hearing-list-empty');

    await fillNewHearing(page, {
      matterNo: '青信访〔2026〕第0317号',
      title: '王建平不服东城街道房屋征收补偿决定信访事项',
      when: '2026-12-08 09:30',
      venue: '青秀区信访局三楼听证室',
      organizer: '南宁市青秀区信访局',
    });
    await captureForReadme(page, 'new-hearing-form');
    await page.getByRole('button', { name: '创建并继续' }).click();
    await expect.poll(() => page.getByText('尚未登记诉求').isVisible()).toBe(true);
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByRole('button', { name: /完\s*成/ }).click();

    await expect.poll(() => page.getByRole('heading', { name: '王建平不服东城街道房屋征收补偿决定信访事项' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('2026年12月8日 9:30').isVisible()).toBe(true);
    await captureForReadme(page, 'hearing-overview');

    await page.getByRole('button', { name: '返回列表' }).click();
    const row = page.getByRole('row', { name: /青信访〔2026〕第0317号/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain('信访听证');
    expect(await row.innerText()).toContain('筹备中');
    await captureForReadme(page, 'hearing-list');

    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /青信访〔2026〕第0317号/ }).isVisible()).toBe(true);

    await first.stop();
    const second = await session.host(dataDir);
    const again = await session.open(second.url);
    await expect.poll(() => again.getByRole('row', { name: /青信访〔2026〕第0317号/ }).isVisible()).toBe(true);
  });

  it('shows localized errors beside the fields and stores nothing for bad input', async () => {
    const started = await session.host();
    const page = await session.open(started.url);
    await fillNewHearing(page, {
      matterNo: '青信访〔2026〕第0318号',
      title: '',
      when: '2026-12-09 14:00',
      venue: '青秀区信访局三楼听证室',
      organizer: '南宁市青秀区信访局',
    });
    await page.getByText('不公开听证', { exact: true }).click();
    await page.getByRole('button', { name: '创建并继续' }).click();

    await expect.poll(() => page.getByText('此项为必填项。').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('不公开听证必须说明理由。').isVisible()).toBe(true);
    await captureForReadme(page, 'new-hearing-errors');

    const stored = await page.evaluate(async () => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hearing-Desk-Session': sessionStorage.getItem('hearing-desk-session') ?? '' },
        body: JSON.stringify({ method: 'hearing.list', input: {} }),
      });
      return ((await response.json()) as { value: unknown[] }).value.length;
    });
    expect(stored).toBe(0);
  });

  it('switches to English and remembers the choice', async () => {
    const started = await session.host();
    const page = await session.open(started.url);
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByText('No hearings yet').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByText('No hearings yet').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
