import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../../electron/core/contract/index.js';
import { wangJianpingHearing } from '../fixtures/hearings.js';
import { cast } from '../fixtures/people.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** The 王建平 hearing with a chair, three panel members, the clerk, the petitioner and one official of the agency. */
async function seedHearing(url: string): Promise<{ hearingId: string; people: Record<string, string> }> {
  const hearing = await invoke(url, 'hearing.create', wangJianpingHearing);
  const roster = [cast.chair, ...cast.panel.slice(0, 3), cast.clerk, cast.petitioner, cast.agencyStaff[0]!];
  const people: Record<string, string> = {};
  for (const person of roster) {
    const added = await invoke(url, 'participant.add', { hearingId: hearing.id, ...person });
    people[added.name] = added.id;
  }
  return { hearingId: hearing.id, people };
}

/** The UI answers through the host and its event stream: on a busy two-core machine that can take longer than vitest's default second. */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

/** Toasts fade after a few seconds; a README picture should not show one half gone. */
async function withoutToasts(page: Page): Promise<void> {
  await poll(() => page.locator('.ant-message-notice').count()).toBe(0);
}

async function pollText(locator: Locator): Promise<string> {
  return (await locator.count()) === 0 ? '' : locator.first().innerText();
}

describe('the clerk takes attendance and records a recusal on the morning of the hearing', () => {
  it('uses identity numbers that are valid 居民身份证号码', () => {
    expect(cast.petitioner.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(isValidIdNumber(cast.petitioner.idNumber ?? '')).toBe(true);
  });

  it('checks people in with the keyboard alone and reports the attendance', async () => {
    const started = await session.host();
    const { hearingId } = await seedHearing(started.url);
    const page: Page = await session.open(`${started.url}#/hearings/${hearingId}/checkIn`);

    const grid = page.getByRole('grid', { name: '参加人签到名单' });
    const row = (name: string) => grid.getByRole('row', { name: new RegExp(name) });
    const current = () => pollText(grid.getByRole('row', { selected: true }));
    const focusedRole = () => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);

    await poll(() => row('陈立新').isVisible()).toBe(true);
    await poll(focusedRole).toBe('grid');
    await poll(current).toContain('刘明远');
    expect(await row('王建平').innerText()).toContain('4501**********');
    expect(await row('王建平').innerText()).not.toContain('450103197203150');
    expect(await page.getByText('缺席且无正当理由，可能视为放弃听证').count()).toBe(0);

    // The checker field: defaults to the clerk's title, shortcuts are ignored while typing in it, the name is remembered.
    const checker = page.getByLabel('核验人');
    expect(await checker.inputValue()).toBe('记录员');
    await checker.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('p');
    expect(await checker.inputValue()).toBe('记录员p');
    await checker.fill('赵敏');
    await page.keyboard.press('Enter');
    await poll(focusedRole).toBe('grid');
    expect(await row('刘明远').innerText()).toContain('待签到');

    // Enter and p check in and move on to the next person still expected.
    await page.keyboard.press('Enter');
    await poll(() => pollText(row('刘明远'))).toMatch(/已到 \d\d:\d\d/);
    await poll(current).toContain('黄志刚');
    await poll(() => pollText(page.getByRole('status').filter({ hasText: '已签到' }))).toContain('刘明远 已签到');
    await page.keyboard.press('p');
    await poll(current).toContain('梁秀英');
    await page.keyboard.press('l');
    await poll(() => pollText(row('梁秀英'))).toMatch(/迟到 \d\d:\d\d/);
    await poll(current).toContain('韦建国');
    await page.keyboard.press('p');
    await page.keyboard.press('Enter');
    await poll(current).toContain('王建平');
    expect(await row('韦建国').innerText()).toContain('已到');
    await poll(() => pollText(row('赵敏'))).toContain('已到');

    // a: absence with a reason, typed and confirmed with Enter.
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: /登记缺席：王建平/ });
    await poll(() => dialog.isVisible()).toBe(true);
    await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.type('电话通知两次，本人称不愿到场，未说明理由');
    await page.keyboard.press('Enter');
    await poll(() => dialog.isVisible()).toBe(false);
    await poll(() => pollText(row('王建平'))).toContain('缺席');
    expect(await row('王建平').innerText()).toContain('电话通知两次，本人称不愿到场，未说明理由');
    expect(await row('王建平').innerText()).toContain('无正当理由');
    await poll(focusedRole).toBe('grid');

    // i: identity checked by the name in the checker field (and, for someone not yet there, checked in).
    await page.keyboard.press('j');
    await poll(current).toContain('陈立新');
    await page.keyboard.press('i');
    await poll(() => pollText(row('陈立新'))).toContain('✓ 赵敏');
    expect(await row('陈立新').innerText()).toContain('已到');
    await page.keyboard.press('Home');
    await poll(current).toContain('刘明远');
    await page.keyboard.press('i');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('i');
    await poll(() => pollText(row('黄志刚'))).toContain('✓ 赵敏');
    await poll(() => pollText(row('刘明远'))).toContain('✓ 赵敏');

    // u undoes a check-in entered by mistake; e records someone leaving early, with the time.
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await poll(current).toContain('刘明远');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await poll(current).toContain('韦建国');
    await page.keyboard.press('u');
    await poll(() => pollText(row('韦建国'))).toContain('待签到');
    await page.keyboard.press('p');
    await poll(() => pollText(row('韦建国'))).toContain('已到');

    // The summary: by role, the waiver warning and the identities still to check.
    const byRole = page.getByRole('list', { name: '各角色到场情况' });
    const roleItem = (role: string) => byRole.getByRole('listitem').filter({ hasText: role });
    await poll(() => pollText(roleItem('听证员'))).toContain('3 / 3');
    expect(await roleItem('听证员').innerText()).toContain('迟到 1');
    expect(await roleItem('信访人').innerText()).toContain('0 / 1');
    expect(await roleItem('信访人').innerText()).toContain('缺席 1');
    expect(await roleItem('办理机关').innerText()).toContain('全部到场');
    const waiver = page.getByRole('alert').filter({ hasText: '缺席且无正当理由，可能视为放弃听证' });
    await poll(() => pollText(waiver)).toContain('王建平（信访人）');
    const unchecked = page.getByRole('alert').filter({ hasText: '已签到但尚未核验身份' });
    await poll(() => pollText(unchecked)).toContain('（3 人）');
    for (const name of ['梁秀英', '韦建国', '赵敏']) expect(await unchecked.innerText()).toContain(name);
    expect(await unchecked.innerText()).not.toContain('刘明远');

    await withoutToasts(page);
    await captureForReadme(page, 'check-in');

    await page.keyboard.press('End');
    await poll(current).toContain('陈立新');
    await page.keyboard.press('e');
    await poll(() => pollText(row('陈立新'))).toMatch(/早退 \d\d:\d\d/);

    // The checker's name survives a reload; the list takes the focus again.
    await page.reload();
    await poll(() => row('陈立新').isVisible()).toBe(true);
    expect(await page.getByLabel('核验人').inputValue()).toBe('赵敏');
    await poll(focusedRole).toBe('grid');
  });

  it('records an application for recusal and its refusal', async () => {
    const started = await session.host();
    const { hearingId, people } = await seedHearing(started.url);
    const page = await session.open(`${started.url}#/hearings/${hearingId}/recusals`);

    const submit = page.getByRole('button', { name: '登记申请' });
    await poll(() => submit.isVisible()).toBe(true);
    await poll(() => page.getByText('尚无回避申请', { exact: false }).isVisible()).toBe(true);

    // Nothing chosen: the core's field errors appear beside the fields.
    await submit.click();
    await poll(() => page.getByText('请选择申请人。').isVisible()).toBe(true);
    await poll(() => page.getByText('请选择申请回避的人员。').isVisible()).toBe(true);
    await poll(() => page.getByText('此项为必填项。').isVisible()).toBe(true);

    const applicant = page.getByRole('combobox', { name: '申请人' });
    await applicant.click();
    // Only those who may apply are offered: no panel member among the applicants.
    await poll(() => page.getByRole('option', { name: /王建平/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('option', { name: /黄志刚/ }).count()).toBe(0);
    await applicant.fill('王建平');
    await page.keyboard.press('Enter');
    const against = page.getByRole('combobox', { name: '申请回避的人员' });
    await against.click();
    await against.fill('梁秀英');
    await page.keyboard.press('Enter');
    await page.getByLabel('申请理由').fill('梁秀英委员曾在东城街道征收办公室任职，参与过本案征收补偿方案的制定，与本信访事项有利害关系。');
    await submit.click();

    const application = page.getByRole('row', { name: /梁秀英（听证员）/ });
    await poll(() => pollText(application)).toContain('待决定');
    expect(await application.innerText()).toContain('王建平（信访人）');
    expect(await application.innerText()).toContain('梁秀英委员曾在东城街道征收办公室任职');

    await application.getByRole('button', { name: /作出决定/ }).click();
    const dialog = page.getByRole('dialog', { name: '对回避申请作出决定' });
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('决定人').inputValue()).toBe('刘明远');
    await dialog.getByText('驳回申请', { exact: true }).click();
    await dialog.getByLabel('决定理由').fill('经核实，梁秀英委员未在东城街道征收办公室任职，亦未参与本案征收补偿方案的制定，申请理由不能成立。');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await poll(() => dialog.isVisible()).toBe(false);

    await poll(() => pollText(application)).toContain('驳回申请');
    expect(await application.innerText()).toContain('刘明远');
    expect(await application.innerText()).toContain('申请理由不能成立');
    expect(await application.getByRole('button', { name: /作出决定/ }).count()).toBe(0);

    // A second application, still pending, as another window might enter it.
    await invoke(started.url, 'recusal.apply', {
      hearingId,
      applicantId: people['陈立新']!,
      againstId: people['韦建国']!,
      grounds: '韦建国律师所在的广西邕江律师事务所曾代理王建平的相关诉讼。',
    });
    const second = page.getByRole('row', { name: /韦建国（听证员）/ });
    await poll(() => pollText(second)).toContain('待决定');
    await withoutToasts(page);
    await captureForReadme(page, 'recusals');
  });
});
