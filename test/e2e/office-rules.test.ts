import { describe, expect, it } from 'vitest';
import { wangJianpingHearing } from '../fixtures/hearings.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

describe('the office adjusts its calendar and one hearing’s numbers', () => {
  it('counts an office holiday in the working-day deadline shown for a hearing', async () => {
    const host = await session.host();
    const hearing = await invoke(host.url, 'hearing.create', { ...wangJianpingHearing, applicationDate: '2026-11-16' });
    const page = await session.open(`${host.url}#/hearings/${hearing.id}`);
    await expect.poll(() => page.getByText('2026年11月23日').isVisible()).toBe(true);

    await page.getByRole('link', { name: '办公日历' }).click();
    const date = page.getByLabel('日期');
    await date.fill('2026-11-20');
    await date.press('Enter');
    await page.getByLabel('名称').fill('市级调休');
    await page.getByRole('button', { name: /添\s*加/ }).click();
    await expect.poll(() => page.getByRole('row', { name: /2026年11月20日/ }).isVisible()).toBe(true);
    await captureForReadme(page, 'office-calendar');

    await page.goto(`${host.url}#/hearings/${hearing.id}`);
    await expect.poll(() => page.getByText('2026年11月24日').isVisible()).toBe(true);
  });

  it('changes the speaking time and the representatives’ limit for one hearing only', async () => {
    const host = await session.host();
    const hearing = await invoke(host.url, 'hearing.create', wangJianpingHearing);
    const other = await invoke(host.url, 'hearing.create', { ...wangJianpingHearing, matterNo: '青信访〔2026〕第0318号' });
    const page = await session.open(`${host.url}#/hearings/${hearing.id}`);
    await page.getByRole('button', { name: /调\s*整/ }).click();
    await page.getByLabel('信访人代表最多人数').fill('3');
    await page.getByLabel('每次发言时限').fill('5');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText('5 分钟').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/信访人代表 0–3 人/).isVisible()).toBe(true);

    const rules = await invoke(host.url, 'hearing.rules', { hearingId: other.id });
    expect(rules.effective.speakingMinutes).toBe(3);
  });
});
