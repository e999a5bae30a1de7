import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HearingCreateInput } from '../../electron/core/contract/index.js';
import { liXiuyingHearing } from '../fixtures/hearings.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { seedHeldToTheEnd } from './support/held.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** Applied for on 1 September and planned for 30 November: held too late, so the list marks it overdue. */
const procuratorate: HearingCreateInput = {
  matterNo: '青检听〔2026〕9号',
  title: '韦某某不服不起诉决定申诉案公开听证',
  templateId: 'procuratorate',
  plannedStart: '2026-11-30T14:30',
  venue: '青秀区人民检察院听证室',
  organizer: '南宁市青秀区人民检察院',
  stage: 'review',
  applicationDate: '2026-09-01',
  isPublic: true,
  nonPublicReason: '',
};

const pricing: HearingCreateInput = {
  matterNo: '南发改价听〔2026〕3号',
  title: '南宁市管道天然气居民用气价格调整听证会',
  templateId: 'pricing',
  plannedStart: '2027-01-12T09:00',
  venue: '南宁市发展和改革委员会第一会议室',
  organizer: '南宁市发展和改革委员会',
  isPublic: true,
  nonPublicReason: '',
};

/** Picks one more value of a multiple select; its list stays open for the next pick, so Escape closes it. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label });
  await field.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  await field.press('Escape');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** The 文号 of the rows on screen, top to bottom. */
async function listed(page: Page): Promise<string[]> {
  const cells = page.locator('.ant-table-tbody tr.ant-table-row td:first-child');
  return cells.allInnerTexts();
}

describe('the archive: filters, order and the minutes search', () => {
  it('narrows the hearings by status, dates and conclusion, sorts them, keeps the filter across a visit, and finds a hearing by what was said', async () => {
    const host = await session.host();
    const { hearing: wang } = await seedHeldToTheEnd(host.url);
    const li = await invoke(host.url, 'hearing.create', liXiuyingHearing);
    await invoke(host.url, 'hearing.create', procuratorate);
    await invoke(host.url, 'hearing.create', pricing);

    const page = await session.open(`${host.url}#/`);
    const count = page.getByTestId('archive-count');
    await expect.poll(() => count.innerText()).toBe('共 4 场听证');
    expect(await listed(page)).toEqual(['南发改价听〔2026〕3号', '青信访〔2026〕第0402号', '青信访〔2026〕第0317号', '青检听〔2026〕9号']);
    expect(await page.getByRole('row', { name: /青检听〔2026〕9号/ }).innerText()).toContain('举行逾期');
    expect(await page.getByRole('row', { name: /青信访〔2026〕第0317号/ }).innerText()).toContain('作出解释说明');
    await captureForReadme(page, 'archive');

    // By status: only the hearing that has sat.
    await pick(page, '状态', '已结束');
    await expect.poll(() => count.innerText()).toBe('符合条件的共 1 场听证');
    expect(await listed(page)).toEqual(['青信访〔2026〕第0317号']);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => count.innerText()).toBe('共 4 场听证');

    // By planned date, typed as a clerk would, then by conclusion on top of it.
    const from = page.getByPlaceholder('起始日期');
    await from.click();
    await from.fill('2026-12-01');
    await from.press('Enter');
    const to = page.getByPlaceholder('截止日期');
    await to.fill('2026-12-31');
    await to.press('Enter');
    await expect.poll(() => listed(page)).toEqual(['青信访〔2026〕第0402号', '青信访〔2026〕第0317号']);
    await pick(page, '评议结论', '作出解释说明');
    await expect.poll(() => listed(page)).toEqual(['青信访〔2026〕第0317号']);
    await captureForReadme(page, 'archive-filtered');

    // Nothing matches: the list says so and offers the way back.
    await page.getByRole('textbox', { name: '组织机关' }).fill('海关');
    await expect.poll(() => page.locator('.ant-table').innerText()).toContain('没有符合筛选条件的听证');
    await page.locator('.ant-table').getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => count.innerText()).toBe('共 4 场听证');
    expect(await page.getByRole('textbox', { name: '组织机关' }).inputValue()).toBe('');

    // Sorted by 文号 with a click on the header, then back the other way.
    const matterNo = page.getByRole('columnheader', { name: '信访事项编号' });
    await matterNo.click();
    await expect.poll(() => listed(page)).toEqual(['南发改价听〔2026〕3号', '青检听〔2026〕9号', '青信访〔2026〕第0317号', '青信访〔2026〕第0402号']);
    await matterNo.click();
    await expect.poll(() => listed(page)).toEqual(['青信访〔2026〕第0402号', '青信访〔2026〕第0317号', '青检听〔2026〕9号', '南发改价听〔2026〕3号']);
    await page.getByRole('columnheader', { name: '听证时间' }).click();
    await expect.poll(() => listed(page)).toEqual(['青检听〔2026〕9号', '青信访〔2026〕第0317号', '青信访〔2026〕第0402号', '南发改价听〔2026〕3号']);

    // The filter and the order survive opening a hearing and coming back.
    await page.getByRole('checkbox', { name: '只看逾期' }).check();
    await pick(page, '状态', '筹备中');
    await expect.poll(() => listed(page)).toEqual(['青检听〔2026〕9号']);
    await page.getByRole('checkbox', { name: '只看逾期' }).uncheck();
    await expect.poll(() => listed(page)).toEqual(['青检听〔2026〕9号', '青信访〔2026〕第0402号', '南发改价听〔2026〕3号']);
    await page.getByRole('link', { name: li.title }).click();
    await expect.poll(() => page.url()).toContain(`#/hearings/${li.id}`);
    await page.goBack();
    await expect.poll(() => listed(page)).toEqual(['青检听〔2026〕9号', '青信访〔2026〕第0402号', '南发改价听〔2026〕3号']);
    expect(await count.innerText()).toBe('符合条件的共 3 场听证');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => count.innerText()).toBe('共 4 场听证');

    // A phrase from the minutes, from the keyboard: `/` jumps to the search, Enter opens the results, the hit opens the entry.
    const spoken = (await invoke(host.url, 'minutes.list', { hearingId: wang.id })).entries.find((entry) => entry.text.includes('没有考虑装修价值'));
    await page.locator('body').press('/');
    await page.keyboard.type('装修价值');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/search$/);
    await expect.poll(() => page.getByRole('textbox', { name: '搜索关键词' }).inputValue()).toBe('装修价值');
    const hit = page.getByTestId('search-hit');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.innerText()).toContain(wang.title);
    await hit.click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/hearings/${wang.id}/minutes/${spoken?.id}$`));
  });
});
