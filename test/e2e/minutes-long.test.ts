import { describe, expect, it } from 'vitest';
import type { MinuteEntry, ParticipantDetail } from '../../electron/core/contract/index.js';
import { invoke } from './support/api.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** More than the screen opens on and more than one of the parts the older entries follow in. */
const entryCount = 1150;

describe('a four-hour record on the clerk’s screen', () => {
  it('opens at the newest entry with the whole count, brings the older entries in behind it, and shows a row’s buttons under the pointer', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    const hearingId = hearing.id;
    await invoke(host.url, 'procedure.start', { hearingId });
    const voices = [people['刘明远'], people['王建平'], people['陈立新']] as ParticipantDetail[];
    const start = new Date('2026-12-08T09:30:00+08:00').getTime();
    const written: MinuteEntry[] = [];
    for (let n = 0; n < entryCount; n += 1) {
      written.push(
        await invoke(host.url, 'minutes.append', {
          hearingId,
          clientId: crypto.randomUUID(),
          kind: 'speech',
          speakerId: (voices[n % voices.length] as ParticipantDetail).id,
          text: `第${n + 1}段：关于评估时点、房屋面积和装修补偿的意见。`,
          startedAt: new Date(start + n * 12_000).toISOString(),
          offRecord: false,
        }),
      );
    }
    // Corrected while the record was being kept: its history must still open from the row.
    const corrected = written[0] as MinuteEntry;
    await invoke(host.url, 'minutes.edit', {
      entryId: corrected.id,
      expectedVersion: 1,
      kind: 'speech',
      speakerId: corrected.speakerId,
      text: '第1段：关于评估时点、房屋面积和装修附属物补偿的意见。',
      offRecord: false,
    });
    const { entries: whole } = await invoke(host.url, 'minutes.list', { hearingId });

    // As on a slow laptop: the hearing's header is held back until the record shows (the record does not wait for it),
    // the older part until the clerk has scrolled up to read.
    const page = await session.open(`${host.url}#/`);
    let releaseHeader = () => {};
    const headerHeld = new Promise<void>((resolve) => (releaseHeader = resolve));
    let releaseOlder = () => {};
    const olderHeld = new Promise<void>((resolve) => (releaseOlder = resolve));
    await page.route('**/api/invoke', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('"method":"hearing.get"')) await headerHeld;
      if (body.includes('beforeEntryId')) await olderHeld;
      await route.continue();
    });
    await page.goto(`${host.url}#/hearings/${hearingId}/minutes`);
    const list = page.getByTestId('minutes-list');
    const newest = list.locator(`[data-entry-id="${(written.at(-1) as MinuteEntry).id}"]`);
    await newest.waitFor({ timeout: 15_000 });
    releaseHeader();
    await page.getByRole('heading', { name: hearing.title }).waitFor();
    expect(await newest.innerText()).toContain(`第${entryCount}段`);
    expect(await newest.isVisible()).toBe(true);
    // The count is the record's, even before its older part is on the screen.
    expect(await page.getByTestId('minutes-save-status').innerText()).toContain(`已保存 ${whole.length} 条`);
    // Virtualized: a screenful of rows, not the record.
    expect(await list.locator('[data-entry-id]').count()).toBeLessThan(60);
    // Nothing under the pointer yet: no row has made its buttons.
    expect(await list.getByRole('button', { name: '修改记录' }).count()).toBe(0);

    // The clerk scrolls to the top while the older part is on its way: the list says it is coming,
    // and when it comes, the rows being read stay put.
    await list.evaluate((node) => node.scrollTo({ top: 0 }));
    const coming = page.getByRole('status').filter({ hasText: '正在载入更早的' });
    await expect.poll(() => coming.innerText()).toContain(`正在载入更早的 ${whole.length - 100} 条记录…`);
    const readingRow = () =>
      list.evaluate((node) => {
        const top = node.getBoundingClientRect().top;
        const row = Array.from(node.querySelectorAll('[data-entry-id]')).find((each) => each.getBoundingClientRect().top >= top);
        return row ? { id: row.getAttribute('data-entry-id'), offset: row.getBoundingClientRect().top - top } : undefined;
      });
    // Read once the rows have been laid out and measured, as the clerk would see them.
    let before = await readingRow();
    await expect
      .poll(async () => {
        const now = await readingRow();
        const settled = JSON.stringify(now) === JSON.stringify(before);
        before = now;
        return settled;
      })
      .toBe(true);
    // The first of the newest 100, the oldest entry the screen has so far.
    expect(before?.id).toBe(String((whole[whole.length - 100] as MinuteEntry).id));
    releaseOlder();
    await expect.poll(() => list.evaluate((node) => node.scrollHeight)).toBeGreaterThan(whole.length * 36);
    expect(await readingRow()).toEqual(before);
    expect(await coming.count()).toBe(0);
    const toLatest = page.getByRole('button', { name: '回到最新' });
    expect(await toLatest.count()).toBe(0);

    // A new entry from another window while the clerk reads further up: offered, not forced on the clerk.
    const latest = await invoke(host.url, 'minutes.append', {
      hearingId,
      clientId: crypto.randomUUID(),
      kind: 'speech',
      speakerId: (voices[0] as ParticipantDetail).id,
      text: '请双方围绕评估时点继续发表意见。',
      startedAt: new Date(start + entryCount * 12_000).toISOString(),
      offRecord: false,
    });
    await toLatest.waitFor();
    expect(await readingRow()).toEqual(before);
    await toLatest.click();
    await list.locator(`[data-entry-id="${latest.id}"]`).waitFor();
    expect(await toLatest.count()).toBe(0);

    // The oldest entries come in behind the newest: scrolled to the top, the record starts where it started.
    const first = list.locator(`[data-entry-id="${(whole[0] as MinuteEntry).id}"]`);
    await expect
      .poll(async () => {
        await list.evaluate((node) => node.scrollTo({ top: 0 }));
        return first.count();
      })
      .toBe(1);
    // 09:30 is when the clerk's first entry began: the jump finds it among the older entries.
    const time = page.getByRole('textbox', { name: '跳到时间' });
    await time.fill('09:30');
    await time.press('Enter');
    const opening = list.locator(`[data-entry-id="${corrected.id}"]`);
    await expect.poll(() => opening.getAttribute('class')).toContain('minutes-row-highlight');
    expect(await opening.innerText()).toContain('装修附属物补偿');

    await opening.hover();
    const history = opening.getByRole('button', { name: '修改记录' });
    await history.waitFor();
    expect(await list.getByRole('button', { name: '修改记录' }).count()).toBe(1);
    await history.click();
    const drawer = page.getByRole('dialog', { name: /修改记录/ });
    // The versions load after the drawer opens.
    await expect.poll(() => drawer.innerText()).toContain('关于评估时点、房屋面积和装修补偿的意见。');
  });
});
