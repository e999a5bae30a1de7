import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sessionHeader, type Result } from '../../electron/core/contract/index.js';
import { invoke } from './support/api.js';
import { captureForReadme, openPage } from './support/browser.js';
import { seedHeldToTheEnd, signEveryone } from './support/held.js';
import { startHost } from './support/host.js';
import { officeAdmin, tokenFor } from './support/operators.js';
import { confirmFinalize } from './support/record.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

const clerk = { username: 'zhaomin', displayName: '赵敏', password: 'jilu-zhaomin-2026' };
const chair = { username: 'liumingyuan', displayName: '刘明远', password: 'zhuchi-liu-2026' };

async function signIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

async function userMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** A call from inside the page, with whatever session the window holds: what a tampered renderer could send. */
function callFromPage(page: Page, method: string, input: unknown): Promise<Result<unknown>> {
  return page.evaluate(
    async ({ method, input, header }) => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: sessionStorage.getItem('hearing-desk-session') ?? '' },
        body: JSON.stringify({ method, input }),
      });
      return (await response.json()) as Result<unknown>;
    },
    { method, input, header: sessionHeader },
  );
}

describe('operator accounts', () => {
  it('creates the administrator on first run, who adds a clerk and a presiding officer', async () => {
    const host = await startHost(undefined, { signIn: false });
    // Started bare, outside the session's hosts: stopped here, or it would outlive the run.
    onTestFinished(() => host.stop());
    const page = await openPage(session.browser(), host.url);
    await page.getByText('首次使用：创建管理员').waitFor();
    expect(await invoke(host.url, 'hearing.list', {}).catch((error: Error) => error.message)).toContain('auth/signedOut');
    await captureForReadme(page, 'first-run');
    await page.getByLabel('用户名').fill(officeAdmin.username);
    await page.getByLabel('姓名').fill(officeAdmin.displayName);
    await page.getByLabel('密码', { exact: true }).fill(officeAdmin.password);
    await page.getByLabel('再次输入密码').fill('not the same');
    await page.getByRole('button', { name: '创建管理员并登录' }).click();
    await page.getByText('两次输入的密码不一致。').waitFor();
    await page.getByLabel('再次输入密码').fill(officeAdmin.password);
    await page.getByRole('button', { name: '创建管理员并登录' }).click();
    await expect.poll(() => page.getByTestId('user-menu').innerText()).toContain('王芳');

    await userMenu(page, '用户管理');
    for (const [who, role] of [
      [clerk, '记录员'],
      [chair, '主持人'],
    ] as const) {
      await page.getByRole('button', { name: '添加用户' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('用户名').fill(who.username);
      await dialog.getByLabel('姓名').fill(who.displayName);
      await dialog.getByLabel('密码', { exact: true }).fill(who.password);
      await dialog.getByLabel('再次输入密码').fill(who.password);
      await dialog.getByRole('checkbox', { name: '记录员' }).setChecked(role === '记录员');
      await dialog.getByRole('checkbox', { name: role }).check();
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByRole('cell', { name: who.displayName, exact: true }).waitFor();
    }
    await captureForReadme(page, 'users');
    const users = await callFromPage(page, 'users.list', {});
    expect(users.ok && (users.value as Array<{ displayName: string; roles: string[] }>).map(({ displayName, roles }) => ({ displayName, roles }))).toEqual([
      { displayName: '刘明远', roles: ['presiding'] },
      { displayName: '王芳', roles: ['clerk', 'presiding', 'admin'] },
      { displayName: '赵敏', roles: ['clerk'] },
    ]);
  });
});

describe('a clerk and a presiding officer share the laptop', () => {
  it('lets the clerk find a hearing by a phrase and export the ledger, refuses the clerk the finalizing, and lets the presiding officer finalize', async () => {
    const host = await session.host();
    expect(tokenFor(host.url)).toBeTruthy();
    await invoke(host.url, 'users.create', { ...clerk, roles: ['clerk'] });
    await invoke(host.url, 'users.create', { ...chair, roles: ['presiding'] });
    const { hearing } = await seedHeldToTheEnd(host.url);
    await signEveryone(host.url, hearing.id);

    const page = await openPage(session.browser(), host.url);
    await page.getByText('登录听证台').waitFor();
    await page.getByLabel('用户名').fill(clerk.username);
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByText('用户名或密码不正确。').waitFor();
    await captureForReadme(page, 'sign-in');
    await signIn(page, clerk);
    expect(await page.getByTestId('user-menu').innerText()).toContain('赵敏');

    // A phrase the petitioner said in the minutes leads to that entry.
    const spoken = (await invoke(host.url, 'minutes.list', { hearingId: hearing.id })).entries.find((entry) => entry.text.includes('没有考虑装修价值'));
    await page.locator('body').press('/');
    await page.keyboard.type('装修价值');
    await page.keyboard.press('Enter');
    const hit = page.getByTestId('search-hit');
    await expect.poll(() => hit.count()).toBe(1);
    await hit.click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/hearings/${hearing.id}/minutes/${spoken?.id}$`));

    await page.goto(`${host.url}#/statistics`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出台账/ }).click();
    const ledger = await download;
    expect(ledger.suggestedFilename()).toMatch(/台账.*\.xlsx$/);

    // The office's settings are shown to a clerk, with why they cannot change them.
    await page.goto(`${host.url}#/backup`);
    await page.getByTestId('admin-only').waitFor();
    expect(await page.getByTestId('admin-only').innerText()).toContain('只有管理员可以更改本单位的设置');

    await page.goto(`${host.url}#/hearings/${hearing.id}/record`);
    await page.getByTestId('finalize-forbidden').waitFor();
    expect(await page.getByTestId('document-layout').count()).toBe(0);
    expect(await page.getByTestId('finalize-forbidden').innerText()).toBe('定稿须由主持人或管理员进行。当前登录的是 赵敏（记录员）。');
    expect(
      await page
        .getByTestId('record-finalize')
        .getByRole('button', { name: /归\s*档/ })
        .isDisabled(),
    ).toBe(true);
    expect(await callFromPage(page, 'record.finalize', { hearingId: hearing.id })).toEqual({
      ok: false,
      error: { code: 'auth/forbidden', params: { method: 'record.finalize' } },
    });
    await captureForReadme(page, 'finalize-refused');

    await userMenu(page, '退出登录');
    await signIn(page, chair);
    await page.goto(`${host.url}#/hearings/${hearing.id}/record`);
    await page
      .getByTestId('record-finalize')
      .getByRole('button', { name: /归\s*档/ })
      .click();
    await confirmFinalize(page);
    const finalized = await invoke(host.url, 'record.finalization', { hearingId: hearing.id });
    expect(finalized).toMatchObject({ finalizedBy: '刘明远（liumingyuan）' });
    const audit = await invoke(host.url, 'audit.list', { hearingId: hearing.id });
    expect(JSON.stringify(audit)).toContain('刘明远（liumingyuan）');
  });

  it('locks after the operator steps away, and keeps what the clerk was typing', async () => {
    const host = await session.host();
    await invoke(host.url, 'users.create', { ...clerk, roles: ['clerk'] });
    const { hearing } = await seedReadyHearing(host.url);
    await invoke(host.url, 'procedure.start', { hearingId: hearing.id });
    const page = await openPage(session.browser(), `${host.url}#/hearings/${hearing.id}/minutes`);
    await signIn(page, clerk);
    const composer = page.getByRole('textbox', { name: '笔录输入' });
    await composer.click();
    await page.keyboard.type('信访人：评估时没有入户，装修部分');
    await userMenu(page, '锁定屏幕');
    await page.getByText('屏幕已锁定').waitFor();
    await captureForReadme(page, 'locked');
    await page.getByRole('dialog').getByLabel('密码').fill('not-her-password');
    await page.getByRole('button', { name: /^解\s*锁$/ }).click();
    await page.getByText('用户名或密码不正确。').waitFor();
    await page.getByRole('dialog').getByLabel('密码').fill(clerk.password);
    await page.getByRole('button', { name: /^解\s*锁$/ }).click();
    await expect.poll(() => page.getByText('屏幕已锁定').count()).toBe(0);
    expect(await composer.inputValue()).toBe('信访人：评估时没有入户，装修部分');
  });
});
