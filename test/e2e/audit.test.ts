import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../electron/core/paths.js';
import { liXiuyingHearing, wangJianpingHearing } from '../fixtures/hearings.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { seedReadyHearing } from './support/seed.js';
import { chooseOption } from './support/select.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** The rows on screen, newest first, as the columns read: 序号, 时间, 操作人, 操作, 听证, 变更字段. */
async function rows(page: Page): Promise<Array<{ seq: number; at: string; actor: string; action: string; hearing: string }>> {
  const cells = await page
    .getByTestId('audit-table')
    .locator('tbody tr.ant-table-row')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  return cells.map(([seq = '', at = '', actor = '', action = '', hearing = '']) => ({ seq: Number(seq), at, actor, action, hearing }));
}

/** Holidays of one year, enough with the seeding to fill more than one page of 100. */
const holidays = Array.from({ length: 80 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));

describe('the audit log screen', () => {
  it('lists every change newest first, filters by hearing and shows where the chain breaks', async () => {
    const host = await session.host();
    const { hearing: wang } = await seedReadyHearing(host.url);
    await invoke(host.url, 'procedure.start', { hearingId: wang.id });
    const { templateId: _template, ...facts } = wangJianpingHearing;
    await invoke(host.url, 'hearing.update', { ...facts, agency: wang.agency, hearingId: wang.id, venue: '青秀区信访局一楼大厅' });
    for (const date of holidays) await invoke(host.url, 'calendar.set', { date, kind: 'holiday', name: '' });
    const li = await invoke(host.url, 'hearing.create', liXiuyingHearing);
    const status = await invoke(host.url, 'audit.status', {});
    expect(status.intact).toBe(true);
    const total = status.entries;

    const page = await session.open(`${host.url}#/audit`);
    const banner = page.getByTestId('audit-status');
    await expect.poll(() => banner.innerText()).toContain(`校验通过：共 ${total} 条，链条完整`);
    await expect.poll(async () => (await rows(page)).length).toBe(100);

    const [newest, ...older] = await rows(page);
    expect(newest).toMatchObject({ seq: total, actor: '王芳（wangfang）', action: '创建听证', hearing: liXiuyingHearing.title });
    expect(newest?.at).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}:\d{2}$/);
    expect(older[0]).toMatchObject({ seq: total - 1, action: '登记节假日或调休', hearing: '全局设置' });

    // The next page from the keyboard.
    const loadMore = page.getByRole('button', { name: '加载更多' });
    await loadMore.focus();
    await loadMore.press('Enter');
    await expect.poll(async () => (await rows(page)).length).toBe(total);
    expect((await rows(page)).map((row) => row.seq)).toEqual(Array.from({ length: total }, (_, i) => total - i));
    // The oldest: the first run's administrator, then the hearing the seeding began with.
    expect((await rows(page)).slice(-2)).toMatchObject([
      { seq: 2, action: '创建听证', hearing: wang.title },
      { seq: 1, actor: '王芳（wangfang）', action: '创建管理员（首次使用）', hearing: '全局设置' },
    ]);
    await expect.poll(() => page.getByText('已显示全部记录').isVisible()).toBe(true);

    await chooseOption(page, page.getByLabel('限定听证'), wang.title);
    await expect.poll(async () => (await rows(page)).length).toBe(total - holidays.length - 2);
    const wangRows = await rows(page);
    expect(new Set(wangRows.map((row) => row.hearing))).toEqual(new Set([wang.title]));
    expect(wangRows.slice(0, 3).map((row) => row.action)).toEqual(['修改案件信息', '开始听证', '签到']);
    expect(wangRows.map((row) => row.action)).toEqual(expect.arrayContaining(['添加诉求', '添加参加人', '创建听证']));
    // The one mutation that names its fields: the venue, changed after the hearing had started.
    const fields = page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().locator('td').last();
    expect(await fields.innerText()).toMatch(/听证地点\s+开始后修改/);
    await captureForReadme(page, 'audit-log');
    expect(await page.getByRole('link', { name: wang.title }).first().getAttribute('href')).toBe(`#/hearings/${wang.id}`);
    await chooseOption(page, page.getByLabel('限定听证'), li.title);
    await expect.poll(async () => (await rows(page)).map((row) => row.action)).toEqual(['创建听证']);

    // Someone edits an entry in the database file behind the running app.
    const db = new Database(join(host.dataDir, databaseFileName));
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 7").run();
    db.close();
    await page.reload();
    await expect.poll(() => banner.innerText()).toContain('链条在第 7 条断开：此后的记录可能被篡改');
  }, 60_000);
});
