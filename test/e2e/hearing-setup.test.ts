import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cast, requestsOfWang } from '../fixtures/people.js';
import { captureForReadme } from './support/browser.js';
import { chooseOption } from './support/select.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** The roster a clerk would prepare in Excel and save as CSV: everyone but the agent, whom the form adds. */
function rosterCsv(dir: string): string {
  const roleWords: Record<string, string> = { chair: '主持人', panel: '听证员', clerk: '记录员', party: '信访人', representative: '代表', agency: '办理机关' };
  const people = [cast.chair, ...cast.panel, cast.clerk, cast.petitioner, ...cast.representatives, ...cast.agencyStaff];
  const lines = ['姓名,角色,性别,身份证号,联系电话,工作单位,职务'];
  for (const person of people) {
    const gender = person.gender === 'male' ? '男' : person.gender === 'female' ? '女' : '';
    lines.push(
      [person.name, roleWords[person.role], gender, person.idNumber ?? '', person.phone ?? '', person.organization ?? '', person.post ?? ''].join(','),
    );
  }
  const file = join(dir, '王建平听证参加人名单.csv');
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

describe('a clerk sets up the 王建平 hearing and checks everyone in', () => {
  it('keeps the requests, the 14 people, their attendance and a refused recusal across a restart', async () => {
    const first = await session.host();
    const { dataDir } = first;
    const page = await session.open(first.url);

    // 1–2: type and case
    await page.getByRole('button', { name: '新建听证' }).first().click();
    await page.getByRole('radio', { name: /信访听证/ }).check();
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByLabel('信访事项编号').fill('青信访〔2026〕第0317号');
    await page.getByLabel('事由').fill('王建平不服东城街道房屋征收补偿决定信访事项');
    const when = page.getByLabel('听证时间');
    await when.fill('2026-12-08 09:30');
    await when.press('Tab');
    const applied = page.getByLabel('申请日期');
    await applied.fill('2026-11-16');
    await applied.press('Tab');
    await page.getByLabel('听证地点').fill('青秀区信访局三楼听证室');
    await page.getByLabel('听证机关').fill('南宁市青秀区信访局');
    await page.getByLabel('办理机关').fill('青秀区住房和城乡建设局');
    await page.getByRole('button', { name: '创建并继续' }).click();

    // 3: requests, each added with Ctrl+Enter
    const newRequest = page.getByLabel('新诉求');
    for (const text of requestsOfWang) {
      await newRequest.fill(text);
      await newRequest.press('Control+Enter');
      await expect.poll(() => page.getByText(text).isVisible()).toBe(true);
    }
    await expect.poll(() => page.getByText('诉求3', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: /下一步/ }).click();

    // 4: participants from a roster, then the agent by hand
    await page.getByRole('button', { name: '导入名单' }).click();
    await page.locator('input[type=file]').setInputFiles(rosterCsv(dataDir));
    await expect.poll(() => page.getByRole('button', { name: '导入 13 人' }).isEnabled()).toBe(true);
    await captureForReadme(page, 'roster-import');
    await page.getByRole('button', { name: '导入 13 人' }).click();
    await expect.poll(() => page.getByText('已导入 13 人。').isVisible()).toBe(true);

    await page.getByRole('button', { name: '添加参加人' }).click();
    const drawer = page.getByRole('dialog');
    await chooseOption(page, drawer.getByLabel('角色'), /^委托代理人$/);
    await drawer.getByLabel('姓名').fill(cast.agent.name);
    await chooseOption(page, drawer.getByLabel('被代理人'), '王建平（信访人）');
    await drawer.getByText('特别授权').click();
    await drawer.getByLabel('工作单位').fill(cast.agent.organization ?? '');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('row', { name: /张志强/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('参加人配置尚不符合').count()).toBe(0);
    await captureForReadme(page, 'participants');
    await page.getByRole('button', { name: /完\s*成/ }).click();

    // On the day: everyone checks in, keyboard only
    await openTab(page, '签到');
    const grid = page.getByRole('grid', { name: '参加人签到名单' });
    await expect.poll(() => grid.getByRole('row', { name: /张志强/ }).isVisible()).toBe(true);
    await grid.focus();
    for (let i = 0; i < 14; i += 1) {
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await grid.getByText(/已到 \d\d:\d\d/).count()) >= i + 1).toBe(true);
    }
    await expect.poll(() => grid.getByText(/已到 \d\d:\d\d/).count()).toBe(14);
    await expect.poll(() => page.getByText('可能视为放弃听证').count()).toBe(0);

    // A refused recusal
    await openTab(page, '回避');
    await chooseOption(page, page.getByLabel('申请人'), /^王建平/);
    await chooseOption(page, page.getByLabel('申请回避的人员'), /^韦建国/);
    await page.getByLabel('申请理由').fill('韦建国律师曾担任东城街道的法律顾问，可能影响公正听证。');
    await page.getByRole('button', { name: '登记申请' }).click();
    await page
      .getByRole('button', { name: /作出决定/ })
      .first()
      .click();
    await page.getByText('驳回申请', { exact: true }).last().click();
    await page.getByLabel('决定理由').fill('经核实，韦建国未曾担任东城街道法律顾问，申请理由不成立。');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => page.getByRole('row', { name: /韦建国/ }).innerText()).toContain('驳回申请');

    // Restart: everything is still there
    await first.stop();
    const second = await session.host(dataDir);
    const again = await session.open(second.url);
    await again.getByRole('row', { name: /青信访〔2026〕第0317号/ }).click();
    await openTab(again, '诉求');
    for (const text of requestsOfWang) await expect.poll(() => again.getByText(text).isVisible()).toBe(true);
    await openTab(again, '参加人');
    await expect.poll(() => again.getByText('全部 14').isVisible()).toBe(true);
    await expect.poll(() => again.locator('tbody tr').filter({ hasText: '已到' }).count()).toBe(14);
    expect(await again.locator('body').innerText()).not.toContain(cast.petitioner.idNumber);
    await openTab(again, '回避');
    await expect.poll(() => again.getByRole('row', { name: /韦建国/ }).innerText()).toContain('驳回申请');
  });
});
