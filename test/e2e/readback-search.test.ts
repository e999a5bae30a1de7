import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MinuteEntry, ParticipantDetail, ParticipantInput } from '../../electron/core/contract/index.js';
import { liXiuyingHearing } from '../fixtures/hearings.js';
import { idNumber } from '../fixtures/people.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { e2eNow } from './support/clock.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

type Say = (
  speaker: ParticipantDetail | null,
  text: string,
  options?: { kind?: 'speech' | 'question' | 'answer' | 'note'; offRecord?: boolean },
) => Promise<MinuteEntry>;

/** The clerk commits entries, as the editor does on Enter. */
function clerkOf(url: string, hearingId: string): Say {
  return (speaker, text, options = {}) =>
    invoke(url, 'minutes.append', {
      hearingId,
      clientId: randomUUID(),
      kind: options.kind ?? 'speech',
      speakerId: speaker?.id ?? null,
      text,
      startedAt: e2eNow().toISOString(),
      offRecord: options.offRecord ?? false,
    });
}

/** Selects `passage` inside an entry's text as a mouse would, across whatever marks split the text. */
async function selectPassage(page: Page, entryId: number, passage: string): Promise<void> {
  await page.evaluate(
    ({ entryId, passage }) => {
      const holder = document.querySelector(`[data-entry-text="${entryId}"]`);
      if (!holder) throw new Error(`entry ${entryId} is not on screen`);
      const nodes: Array<{ node: Text; at: number }> = [];
      let text = '';
      const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        nodes.push({ node, at: text.length });
        text += node.data;
      }
      const start = text.indexOf(passage);
      if (start < 0) throw new Error(`"${passage}" is not in entry ${entryId}`);
      const locate = (offset: number, atEnd: boolean) => {
        const found = nodes.find(({ node, at }) => (atEnd ? offset > at && offset <= at + node.data.length : offset >= at && offset < at + node.data.length));
        if (!found) throw new Error(`offset ${offset} outside entry ${entryId}`);
        return { node: found.node, offset: offset - found.at };
      };
      const from = locate(start, false);
      const to = locate(start + passage.length, true);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    { entryId, passage },
  );
}

async function markPassage(page: Page, entryId: number, passage: string, request: { proposed: string; reason: string }) {
  await selectPassage(page, entryId, passage);
  await page.getByRole('button', { name: '标记异议' }).click();
  const dialog = page.getByRole('dialog', { name: '标记异议，申请补正' });
  await expect.poll(() => dialog.getByTestId('marked-passage').innerText()).toBe(passage);
  const requester = dialog.getByLabel('提出人');
  await requester.click();
  await requester.fill('王建平');
  await requester.press('Enter');
  await dialog.getByLabel('应更正为').fill(request.proposed);
  await dialog.getByLabel('理由').fill(request.reason);
  await dialog.getByRole('button', { name: '提交补正申请' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('read-back (宣读) and 补正', () => {
  it('shows the record in large type for the parties; a marked passage is corrected on acceptance, a refusal is written into the record', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    await invoke(host.url, 'procedure.start', { hearingId: hearing.id });
    const say = clerkOf(host.url, hearing.id);
    const wang = people['王建平'] as ParticipantDetail;
    await say(people['刘明远'] as ParticipantDetail, '请信访人陈述信访事项、事实和理由。');
    const disputed = await say(wang, '我家房屋面积是一百二十平方米，评估只算了九十平方米，补偿款明显偏低。');
    await say(people['刘明远'] as ParticipantDetail, '这句话不记入笔录。', { offRecord: true });
    await say(people['陈立新'] as ParticipantDetail, '我局依据评估报告作出补偿决定，程序合法。');
    await say(null, '你是否收到补偿决定书？', { kind: 'question' });
    await say(null, '收到了。', { kind: 'answer' });

    const page = await session.open(`${host.url}#/hearings/${hearing.id}/readback`);
    const record = page.getByTestId('readback-record');
    // The top of the record: the check-in, before the sitting opened, as procedural events.
    await expect.poll(() => record.innerText()).toContain('信访人王建平到场。');
    expect(await record.innerText()).toContain('听证开始前');
    expect(await page.locator('[data-kind="event"]').count()).toBeGreaterThan(5);
    expect(await page.locator('header h1').innerText()).toBe(hearing.title);
    const { entries } = await invoke(host.url, 'minutes.list', { hearingId: hearing.id });
    expect(await page.getByTestId('readback-count').innerText()).toBe(`共 ${entries.length - 1} 条`);
    // The end of it: the speeches with their tags, the off-record aside left out. Rows are measured as they show, so the end moves while it is reached: scrolled again until the last entry shows, as a reader would.
    await expect
      .poll(async () => {
        await record.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
        return record.innerText();
      })
      .toContain('答：收到了。');
    const text = await record.innerText();
    expect(text).toContain('信访人王建平：');
    expect(text).toContain('办理机关（青秀区住房和城乡建设局 陈立新）：');
    expect(text).toContain('问：你是否收到补偿决定书？');
    expect(text).toContain('答：收到了。');
    expect(text).not.toContain('这句话不记入笔录');
    const bodySize = await page
      .locator(`[data-entry-id="${disputed.id}"] p`)
      .evaluate((element) => Number.parseFloat(window.getComputedStyle(element).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(22);

    // 一百二十 disputed, and the correction accepted: the entry now says 一百三十.
    await markPassage(page, disputed.id, '一百二十', { proposed: '一百三十', reason: '房产证记载为一百三十平方米' });
    const corrections = page.getByRole('list', { name: '补正申请' });
    await expect.poll(() => corrections.innerText()).toContain('待处理');
    await expect.poll(() => page.locator(`[data-entry-text="${disputed.id}"] mark[data-correction="pending"]`).innerText()).toBe('一百二十');
    await corrections.getByRole('button', { name: /采\s*纳/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^采\s*纳$/ })
      .click();
    const entryText = page.locator(`[data-entry-text="${disputed.id}"]`);
    await expect.poll(() => entryText.innerText()).toBe('我家房屋面积是一百三十平方米，评估只算了九十平方米，补偿款明显偏低。');
    await expect.poll(() => entryText.locator('mark[data-correction="accepted"]').innerText()).toBe('一百三十');
    await expect.poll(() => corrections.innerText()).toContain('已采纳');

    // 九十 disputed (after the accepted mark, so the offset runs across it), and refused with a reason.
    await markPassage(page, disputed.id, '九十', { proposed: '八十', reason: '' });
    await corrections.getByRole('button', { name: '不予更正' }).click();
    const refuse = page.getByRole('dialog', { name: '不予更正' });
    await refuse.getByLabel('不予更正的理由').waitFor();
    // A click that lands while the dialog is still opening is lost on a loaded machine; an empty reason only ever shows the message.
    await expect
      .poll(async () => {
        await refuse.getByRole('button', { name: '不予更正并记入笔录' }).click();
        return refuse.innerText();
      })
      .toContain('请填写不予更正的理由');
    await refuse.getByLabel('不予更正的理由').fill('与当事人当场陈述一致，记录无误');
    await refuse.getByRole('button', { name: '不予更正并记入笔录' }).click();
    await refuse.waitFor({ state: 'hidden' });
    const sentence = '信访人王建平要求将笔录中“九十”更正为“八十”。经审核不予更正，理由：与当事人当场陈述一致，记录无误。';
    await expect.poll(() => record.innerText()).toContain(sentence);
    await expect.poll(() => page.locator('[data-kind="event"]').filter({ hasText: sentence }).innerText()).toContain('补正记录');
    expect(await entryText.innerText()).toContain('九十平方米');
    await expect.poll(() => entryText.locator('mark[data-correction="refused"]').innerText()).toBe('九十');
    const stored = await invoke(host.url, 'minutes.corrections', { hearingId: hearing.id });
    expect(stored.map((each) => [each.passage, each.start, each.status])).toEqual([
      ['一百二十', 7, 'accepted'],
      ['九十', 20, 'refused'],
    ]);

    // One more still pending, for the picture of all three states.
    const later = await say(people['张志强'] as ParticipantDetail, '评估机构未到现场勘察，评估报告不应作为补偿依据。');
    await invoke(host.url, 'minutes.requestCorrection', {
      entryId: later.id,
      requestedBy: wang.id,
      start: later.text.indexOf('未到现场勘察'),
      passage: '未到现场勘察',
      proposedText: '未入户勘察',
      reason: '代理人原话为“未入户”',
    });
    await expect.poll(() => page.getByTestId('corrections-pending').innerText()).toContain('1');
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await record.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await captureForReadme(page, 'read-back');
  });

  it('finds words within the hearing and jumps to them in a long record, and exports the minutes as a UTF-8 text file', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    await invoke(host.url, 'procedure.start', { hearingId: hearing.id });
    const say = clerkOf(host.url, hearing.id);
    const wang = people['王建平'] as ParticipantDetail;
    const chen = people['陈立新'] as ParticipantDetail;
    const target = await say(wang, '搬迁至今已经十四个月，临时安置费只发了六个月。');
    for (let n = 1; n <= 240; n += 1) await say(n % 2 ? chen : wang, `第${n}轮陈述：关于房屋面积和评估时点的意见，详见书面材料第${n}页。`);

    const page = await session.open(`${host.url}#/hearings/${hearing.id}/readback`);
    await expect.poll(() => page.getByTestId('readback-count').innerText()).toMatch(/共 2\d\d 条/);
    // Virtualized: a few dozen rows on the page, not hundreds.
    expect(await page.locator('[data-entry-id]').count()).toBeLessThan(80);
    await page.getByTestId('readback-record').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => page.locator(`[data-entry-id="${target.id}"]`).count()).toBe(0);

    const box = page.getByRole('combobox', { name: '在本场笔录中搜索' });
    await box.fill('临时安置费');
    const hit = page.getByTestId('minutes-search-hit');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.locator('mark').innerText()).toBe('临时安置费');
    expect(await hit.innerText()).toContain('信访人王建平');
    await box.press('Enter');
    await expect.poll(() => page.locator(`[data-entry-id="${target.id}"][aria-current="true"]`).count()).toBe(1);

    await box.fill('拖');
    await expect.poll(() => page.getByTestId('minutes-search-results').innerText()).toContain('本场笔录中没有“拖”');
    await box.fill('评估');
    await expect.poll(() => page.getByTestId('minutes-search-results').innerText()).toContain('关键词不足三个字');
    expect(await page.getByTestId('minutes-search-results').innerText()).toContain('仅列出最新的 30 条');
    await box.press('Escape');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出文本' }).click()]);
    expect(download.suggestedFilename()).toMatch(/听证笔录-\d{8}-\d{4}\.txt$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const exported = bytes.subarray(3).toString('utf8');
    expect(exported).toContain(hearing.title);
    expect(exported).toContain('信访人王建平：搬迁至今已经十四个月，临时安置费只发了六个月。');
    expect(exported).toContain('第240轮陈述');

    // The same record as the official .docx: a zip whose document carries the entries.
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出笔录（Word）' }).click()]);
    expect(word.suggestedFilename()).toBe(`${hearing.title}-听证笔录.docx`);
    const docx = unzipSync(new Uint8Array(readFileSync(await word.path())));
    expect(strFromU8(docx['word/document.xml'] as Uint8Array)).toContain('搬迁至今已经十四个月，临时安置费只发了六个月。');
  });
});

describe('searching the minutes of every hearing', () => {
  it('finds a word across two hearings with the matches marked, opens the minutes at a hit, and answers a one-character query', async () => {
    const host = await session.host();
    const { hearing: wangs, people } = await seedReadyHearing(host.url);
    const lis = await invoke(host.url, 'hearing.create', liXiuyingHearing);
    const li = await invoke(host.url, 'participant.add', {
      hearingId: lis.id,
      role: 'party',
      name: '李秀英',
      gender: 'female',
      idNumber: idNumber('450103', '19450822', '026'),
      phone: '13907715566',
    } as ParticipantInput);
    const sayWang = clerkOf(host.url, wangs.id);
    const sayLi = clerkOf(host.url, lis.id);
    await sayWang(people['王建平'] as ParticipantDetail, '临时安置补贴发放标准不清楚，至今没有收到书面通知。');
    await sayWang(people['陈立新'] as ParticipantDetail, '安置补贴按月发放，已告知信访人。');
    const liEntry = await sayLi(li, '社区养老服务补贴发放一直拖延，老人等不起。');
    await sayLi(li, '希望按季度足额发放。');

    const page = await session.open(`${host.url}#/`);
    await page.getByRole('link', { name: '搜索笔录' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/search$/);
    await expect.poll(() => page.locator('body').innerText()).toContain('输入关键词开始搜索');

    const box = page.getByRole('textbox', { name: '搜索关键词' });
    await box.fill('补贴发放');
    const hits = page.getByTestId('search-hit');
    await expect.poll(() => hits.count()).toBe(2);
    const listed = await hits.allInnerTexts();
    expect(listed.join('\n')).toContain(wangs.title);
    expect(listed.join('\n')).toContain(lis.title);
    expect(listed.join('\n')).toContain(lis.matterNo);
    expect(await hits.locator('mark').allInnerTexts()).toEqual(['补贴发放', '补贴发放']);
    await captureForReadme(page, 'minutes-search');

    await hits.filter({ hasText: '养老服务' }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/hearings/${lis.id}/minutes/${liEntry.id}$`));

    // Back to the search: the query is still there; a single character is found by scanning.
    await page.goBack();
    await expect.poll(() => box.inputValue()).toBe('补贴发放');
    await box.fill('拖');
    await expect.poll(() => hits.count()).toBe(1);
    expect(await hits.innerText()).toContain('社区养老服务补贴发放一直拖延');
    expect(await hits.locator('mark').innerText()).toBe('拖');
    expect(await page.getByTestId('search-summary').innerText()).toContain('逐条比对');

    // Within one hearing only, and a word nobody said.
    await box.fill('发放');
    await expect.poll(() => hits.count()).toBe(4);
    const filter = page.getByRole('combobox', { name: '限定听证' });
    await filter.click();
    await filter.fill('王建平');
    await filter.press('Enter');
    await expect.poll(() => hits.count()).toBe(2);
    expect((await hits.allInnerTexts()).every((each) => each.includes(wangs.title))).toBe(true);
    await box.fill('宅基地');
    await expect.poll(() => page.locator('body').innerText()).toContain('没有找到包含“宅基地”的笔录');
    expect(await page.locator('body').innerText()).toContain('清除“限定听证”');
  });
});
