import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MinuteEntry, ParticipantDetail } from '../../electron/core/contract/index.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { e2eNow } from './support/clock.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

interface Expected {
  speaker: string;
  kind: MinuteEntry['kind'];
  text: string;
  offRecord?: boolean;
}

const composerOf = (page: Page) => page.getByRole('textbox', { name: '笔录输入' });

async function openMinutes(url: string, hearingId: string, suffix = ''): Promise<Page> {
  const page = await session.open(`${url}#/hearings/${hearingId}/minutes${suffix}`);
  await composerOf(page).waitFor();
  return page;
}

/** The label of the speaker the composer will write the next entry under. */
const currentSpeaker = (page: Page) => page.getByTestId('minutes-current-speaker').innerText();

/** Typed entries as stored, oldest first. */
async function typedEntries(url: string, hearingId: string): Promise<MinuteEntry[]> {
  const { entries } = await invoke(url, 'minutes.list', { hearingId });
  return entries.filter((entry) => entry.kind !== 'event');
}

async function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
}

describe('the clerk records the minutes from the keyboard', () => {
  it('records a 40-entry exchange with speaker keys, the speaker search, a phrase, 问/答 and name autocomplete, all saved', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    const hearingId = hearing.id;
    await invoke(host.url, 'procedure.start', { hearingId });
    let view = await invoke(host.url, 'procedure.next', { hearingId });
    while (view.steps.find((step) => step.id === view.currentStepId)?.type !== 'partyStatement') view = await invoke(host.url, 'procedure.next', { hearingId });
    const id = (name: string) => (people[name] as ParticipantDetail).id;
    const { speakers } = await invoke(host.url, 'minutes.list', { hearingId });
    // The bar: the presiding officer first, then the panel, the clerk, the petitioner …
    expect(speakers.slice(0, 8).map((speaker) => speaker.name)).toEqual(['刘明远', '黄志刚', '梁秀英', '韦建国', '覃丽华', '陆海峰', '赵敏', '王建平']);

    const page = await openMinutes(host.url, hearingId);
    const composer = composerOf(page);
    await expect.poll(() => focusedLabel(page)).toBe('笔录输入');
    const keyboard = page.keyboard;
    const expected: Expected[] = [];
    const say = async (speaker: string, text: string, kind: MinuteEntry['kind'] = 'speech') => {
      await keyboard.type(text);
      await keyboard.press('Enter');
      expected.push({ speaker: id(speaker), kind, text });
      await expect.poll(() => composer.inputValue()).toBe('');
    };

    // Alt+1: the presiding officer, who is also the default.
    await keyboard.press('Alt+1');
    await expect.poll(() => currentSpeaker(page)).toBe('主持人');
    await say('刘明远', '现在由信访人陈述信访事项和理由。');
    // The same speaker goes on after Enter.
    await say('刘明远', '陈述时请围绕信访事项，不要重复。');

    // A phrase from the palette (Ctrl+J), filled with this hearing's names.
    await keyboard.press('Control+j');
    const palette = page.getByRole('dialog', { name: '常用语' });
    await palette.waitFor();
    await keyboard.type('现在请');
    await expect.poll(() => palette.getByRole('option').first().innerText()).toContain('现在请王建平发言。');
    await keyboard.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('现在请王建平发言。');
    await expect.poll(() => focusedLabel(page)).toBe('笔录输入');
    await keyboard.press('Enter');
    expected.push({ speaker: id('刘明远'), kind: 'speech', text: '现在请王建平发言。' });

    // Alt+8: the petitioner.
    await keyboard.press('Alt+8');
    await expect.poll(() => currentSpeaker(page)).toBe('信访人王建平');
    const statement = [
      '我家房屋位于东葛路118号，建筑面积一百二十六平方米。',
      '二〇二五年三月，街道通知我家房屋列入征收范围。',
      '评估报告认定的单价是每平方米八千六百元，明显低于周边市场价格。',
      // Ends like 张德明 begins: the names are offered, but after 汉字 Enter saves the sentence.
      '评估时点选在公告之前，补偿协议我只签了一张',
      '我在收到评估报告后十日内申请了复核评估，至今没有答复。',
      '搬迁至今已经十四个月，临时安置费只发了六个月。',
    ];
    for (const text of statement) await say('王建平', text);
    // Alt+I puts the inaudible mark in at the caret.
    await keyboard.type('另外，');
    await keyboard.press('Alt+i');
    await say('王建平', '的问题我也提过意见。');
    (expected.at(-1) as Expected).text = '另外，〔听不清〕的问题我也提过意见。';

    // The quick speaker search (Ctrl+K) by pinyin initials: the agency's deputy director.
    await keyboard.press('Control+k');
    const search = page.getByRole('dialog', { name: '查找发言人' });
    await search.waitFor();
    await keyboard.type('clx');
    await expect.poll(() => search.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('陈立新')]);
    await keyboard.press('Enter');
    await expect.poll(() => currentSpeaker(page)).toContain('陈立新');
    await expect.poll(() => focusedLabel(page)).toBe('笔录输入');
    for (const text of [
      '征收补偿方案经区政府批准后公告，程序合法。',
      '评估机构由被征收人协商选定，评估时点符合规定。',
      '关于复核评估的申请，我局已转评估机构办理。',
      '临时安置费按规定应当发放至交付安置房之日。',
    ]) {
      await say('陈立新', text);
    }
    // …and by name, with Alt+0.
    await keyboard.press('Alt+0');
    await search.waitFor();
    await keyboard.type('莫晓');
    await keyboard.press('Enter');
    await expect.poll(() => currentSpeaker(page)).toContain('莫晓东');
    await say('莫晓东', '安置费未足额发放的原因，我办正在核查。');
    // Alt+O: an aside off the record.
    await keyboard.press('Alt+o');
    await expect.poll(() => page.locator('.minutes-composer').getByText('不记入笔录').count()).toBe(1);
    await say('莫晓东', '（与本案无关的插话）');
    (expected.at(-1) as Expected).offRecord = true;

    // Name autocomplete: wjp offers 王建平; Enter takes the name and not the entry.
    await keyboard.press('Alt+1');
    await keyboard.type('请');
    await keyboard.type('wjp');
    const names = page.getByRole('listbox', { name: '姓名建议' });
    await expect.poll(() => names.getByRole('option').first().innerText()).toContain('王建平');
    await keyboard.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('请王建平');
    await say('刘明远', '回答听证员的提问。');
    (expected.at(-1) as Expected).text = '请王建平回答听证员的提问。';

    // 问/答 with Tab: set who asks and who answers once, then Enter alternates them.
    await keyboard.press('Tab');
    await expect.poll(() => page.getByTestId('minutes-qa-next').innerText()).toBe('本条：问');
    await expect.poll(() => focusedLabel(page)).toBe('笔录输入');
    await keyboard.press('Alt+2');
    await say('黄志刚', '你申请复核评估是哪一天？', 'question');
    await expect.poll(() => page.getByTestId('minutes-qa-next').innerText()).toBe('本条：答');
    await keyboard.press('Alt+8');
    await say('王建平', '是去年四月十日，有邮寄凭证。', 'answer');
    await expect.poll(() => currentSpeaker(page)).toBe('听证员黄志刚');
    const exchange: Array<[string, string]> = [
      ['评估报告是否送达给你本人？', '送达了，是我本人签收的。'],
      ['你对评估机构的选定有无异议？', '当时没有异议，后来发现评估时点有问题。'],
      ['临时安置费你实际领取了几个月？', '领取了六个月，之后就停发了。'],
      ['停发后你是否向街道反映过？', '反映过三次，都说在研究。'],
    ];
    for (const [question, answer] of exchange) {
      await say('黄志刚', question, 'question');
      await say('王建平', answer, 'answer');
    }
    await keyboard.press('Tab');
    await expect.poll(() => page.getByTestId('minutes-qa-next').count()).toBe(0);

    // The rest of the exchange: the chair and the agency again.
    await keyboard.press('Alt+1');
    await say('刘明远', '请办理机关就临时安置费的问题作出说明。');
    await expect.poll(() => page.locator('[data-status="saving"]').count()).toBe(0);
    await captureForReadme(page, 'minutes');
    await keyboard.press('Control+k');
    await search.waitFor();
    await keyboard.type('clx');
    await keyboard.press('Enter');
    await expect.poll(() => currentSpeaker(page)).toContain('陈立新');
    for (let n = 1; expected.length < 40; n += 1) await say('陈立新', `第${n}项说明：相关材料已提交听证会，请听证员审阅。`);

    // Stored as typed, with the right speakers and kinds; on screen, nothing is left saving.
    await expect.poll(async () => (await typedEntries(host.url, hearingId)).length).toBe(40);
    const stored = await typedEntries(host.url, hearingId);
    expect(stored.map((entry) => ({ speaker: entry.speakerId, kind: entry.kind, text: entry.text, offRecord: entry.offRecord }))).toEqual(
      expected.map((entry) => ({ ...entry, offRecord: entry.offRecord ?? false })),
    );
    for (const entry of stored) expect(entry.startedAt <= e2eNow().toISOString()).toBe(true);
    await expect.poll(() => page.locator('[data-status="saving"], [data-status="failed"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('minutes-save-status').innerText()).toMatch(/已保存 \d+ 条/);
    const last = stored.at(-1) as MinuteEntry;
    await expect.poll(() => page.locator(`[data-entry-id="${last.id}"][data-status="saved"]`).innerText()).toContain(last.text);
    // Q/A rows read as the record does.
    const answer = stored.find((entry) => entry.kind === 'answer' && entry.text.startsWith('领取了六个月')) as MinuteEntry;
    for (let i = 0; i < 40 && (await page.locator(`[data-entry-id="${answer.id}"]`).count()) === 0; i += 1) await keyboard.press('ArrowUp');
    expect(await page.locator(`[data-entry-id="${answer.id}"]`).innerText()).toContain('答：领取了六个月');
  });

  it('writes the procedure and a 质证 opinion entered from the minutes screen into the record as it happens', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    const hearingId = hearing.id;
    const page = await openMinutes(host.url, hearingId);
    // Check-in is already there, as procedural events.
    await expect.poll(() => page.locator('[data-kind="event"]').count()).toBeGreaterThan(0);

    await invoke(host.url, 'procedure.start', { hearingId });
    const view = await invoke(host.url, 'procedure.next', { hearingId });
    const step = view.steps.find((candidate) => candidate.id === view.currentStepId);
    const sentence = `进入“${step?.name['zh-CN']}”环节。`;
    const row = page.locator('[data-kind="event"]', { hasText: sentence });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('程序');
    // The step select can jump there.
    await expect.poll(() => page.getByText(`当前环节：${step?.name['zh-CN']}`).count()).toBe(1);

    // 质证 without leaving the record: the exhibit on the display is offered first, the opinion's sentence arrives as an entry.
    const exhibit = await invoke(host.url, 'evidence.add', {
      hearingId,
      submitterId: people['王建平']?.id as string,
      name: '房屋现状照片',
      form: 'electronic',
    } as never);
    await invoke(host.url, 'evidence.present', { exhibitId: exhibit.id });
    await page.getByRole('button', { name: '质证' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '信访人证据1' }).first().click();
    const dialog = page.locator('.ant-modal:visible').last();
    await dialog.getByText('信访人证据1质证意见').waitFor();
    await dialog.getByRole('radiogroup', { name: '关联性' }).getByText('有异议', { exact: true }).click();
    const note = dialog.getByLabel('关联性方面的理由');
    await note.fill('照片未标明拍摄时间');
    await note.press('Enter');
    const opinion = page.locator('[data-kind="event"]', { hasText: '办理机关对信访人证据1的真实性、合法性无异议，对关联性有异议，认为照片未标明拍摄时间。' });
    await expect.poll(() => opinion.count()).toBe(1);
  });

  it('corrects an entry from the keyboard, refuses a stale edit, and shows its history', async () => {
    const host = await session.host();
    const { hearing } = await seedReadyHearing(host.url);
    const hearingId = hearing.id;
    const page = await openMinutes(host.url, hearingId);
    const composer = composerOf(page);
    await page.keyboard.press('Alt+8');
    await page.keyboard.type('评估单价是每平方米八千元。');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await typedEntries(host.url, hearingId)).length).toBe(1);
    const [entry] = (await typedEntries(host.url, hearingId)) as [MinuteEntry];
    const row = page.locator(`[data-entry-id="${entry.id}"]`);
    await row.waitFor();

    // ↑ from the empty composer selects the newest entry; E opens it for correction.
    await expect.poll(() => composer.inputValue()).toBe('');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('e');
    const editor = page.getByRole('textbox', { name: '笔录内容' });
    await editor.waitFor();
    await editor.fill('评估单价是每平方米八千六百元。');
    await editor.press('Enter');
    await expect.poll(() => row.innerText()).toContain('八千六百元');
    expect(await row.innerText()).toContain('已修改');

    // Meanwhile another window corrects it again: the clerk's older version is refused, in words.
    await page.keyboard.press('F2');
    await editor.waitFor();
    await invoke(host.url, 'minutes.edit', {
      entryId: entry.id,
      expectedVersion: 2,
      kind: 'speech',
      speakerId: entry.speakerId,
      text: '评估单价是每平方米八千六百元整。',
      offRecord: false,
    });
    await editor.fill('评估单价是每平方米八千六百五十元。');
    await editor.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('该条目刚刚已被修改（现为第3版）');
    await editor.press('Escape');
    await expect.poll(() => row.innerText()).toContain('八千六百元整');

    // H: every version, newest first.
    await expect.poll(() => focusedLabel(page)).toBe('笔录输入');
    await page.keyboard.press('h');
    const drawer = page.getByRole('dialog', { name: /修改记录/ });
    await drawer.waitFor();
    const versions = drawer.getByTestId('minutes-version');
    await expect.poll(() => versions.count()).toBe(3);
    expect(await versions.nth(0).innerText()).toMatch(/第 3 版[\s\S]*修改[\s\S]*八千六百元整/);
    expect(await versions.nth(1).innerText()).toMatch(/第 2 版[\s\S]*修改[\s\S]*八千六百元。/);
    expect(await versions.nth(2).innerText()).toMatch(/第 1 版[\s\S]*记录[\s\S]*信访人王建平：评估单价是每平方米八千元。/);

    // Delete, after a confirmation: gone from the record, kept in the history.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedLabel(page)).toBe('笔录输入');
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: '删除这条笔录？' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await typedEntries(host.url, hearingId)).toEqual([]);
    const history = await invoke(host.url, 'minutes.history', { entryId: entry.id });
    expect(history.map((version) => version.action)).toEqual(['created', 'edited', 'edited', 'deleted']);
  });

  it('keeps an entry that could not be saved on screen, with the reason, until Retry saves it once', async () => {
    const host = await session.host();
    const { hearing } = await seedReadyHearing(host.url);
    const hearingId = hearing.id;
    const page = await openMinutes(host.url, hearingId);
    let refused = 0;
    await page.route('**/api/invoke', async (route) => {
      if (refused === 0 && (route.request().postDataJSON() as { method: string }).method === 'minutes.append') {
        refused += 1;
        await route.abort('connectionrefused');
      } else await route.continue();
    });
    await page.keyboard.type('我方认为评估时点的选择违反了规定。');
    await page.keyboard.press('Enter');
    const failed = page.locator('[data-status="failed"]');
    await expect.poll(() => failed.innerText()).toContain('无法连接到听证台服务');
    expect(await failed.innerText()).toContain('我方认为评估时点的选择违反了规定。');
    await expect.poll(() => page.getByTestId('minutes-save-status').innerText()).toBe('1 条未保存');
    expect(await typedEntries(host.url, hearingId)).toEqual([]);

    await failed.getByRole('button', { name: /重\s*试/ }).click();
    await expect.poll(async () => (await typedEntries(host.url, hearingId)).map((entry) => entry.text)).toEqual(['我方认为评估时点的选择违反了规定。']);
    await expect.poll(() => page.locator('[data-status="failed"], [data-status="saving"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('minutes-save-status').innerText()).toMatch(/已保存 \d+ 条/);
  });

  it('leaves Enter to the IME while it composes, and commits the entry only afterwards', async () => {
    const host = await session.host();
    const { hearing } = await seedReadyHearing(host.url);
    const hearingId = hearing.id;
    const page = await openMinutes(host.url, hearingId);
    const composer = composerOf(page);
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { imeLog: string[] }).imeLog = log;
      const area = document.querySelector('textarea[aria-label="笔录输入"]') as HTMLTextAreaElement;
      for (const type of ['compositionstart', 'compositionend'] as const) area.addEventListener(type, () => log.push(type));
      area.addEventListener('keydown', (event) => log.push(`keydown ${event.key} composing=${event.isComposing} keyCode=${event.keyCode}`));
    });
    const log = () => page.evaluate(() => (window as unknown as { imeLog: string[] }).imeLog);
    const cdp = await page.context().newCDPSession(page);

    await cdp.send('Input.imeSetComposition', { text: 'wang', selectionStart: 4, selectionEnd: 4 });
    await expect.poll(() => composer.inputValue()).toBe('wang');
    // The letters being composed are the IME's: no name is offered for "wang" (王建平's pinyin begins so).
    expect(await page.getByRole('listbox', { name: '姓名建议' }).count()).toBe(0);
    await page.keyboard.press('Enter');
    // Chromium reports the composition to the page, and the Enter as part of it.
    expect(await log()).toEqual(['compositionstart', expect.stringMatching(/^keydown Enter composing=true/)]);
    await cdp.send('Input.insertText', { text: '王' });
    await expect.poll(() => log()).toContain('compositionend');
    // A real IME swallows that Enter; this synthetic one still does the textarea's default (a new line), and nothing more.
    await expect.poll(async () => (await composer.inputValue()).trim()).toBe('王');
    expect(await typedEntries(host.url, hearingId)).toEqual([]);
    // The committed 王 begins a name: the suggestion is offered, and Esc leaves the text as typed.
    await expect.poll(() => page.getByRole('listbox', { name: '姓名建议' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('listbox', { name: '姓名建议' }).count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await typedEntries(host.url, hearingId)).map((entry) => entry.text)).toEqual(['王']);
  });

  it('puts the entry being typed back after a reload, with a notice', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    const hearingId = hearing.id;
    const page = await openMinutes(host.url, hearingId);
    await page.keyboard.press('Alt+8');
    await page.keyboard.type('关于临时安置费，我还要补充一点');
    // Saved within a second, without committing.
    await expect.poll(() => page.getByTestId('minutes-draft-saved').count()).toBe(1);
    const { draft } = await invoke(host.url, 'minutes.list', { hearingId });
    expect(draft).toMatchObject({ text: '关于临时安置费，我还要补充一点', speakerId: people['王建平']?.id, kind: 'speech' });
    expect(draft?.startedAt).toBeTruthy();

    await page.reload();
    const composer = composerOf(page);
    await composer.waitFor();
    await expect.poll(() => composer.inputValue()).toBe('关于临时安置费，我还要补充一点');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '已恢复上次未提交的草稿' }).innerText()).toMatch(/保存于 \d{1,2}:\d{2}:\d{2}/);
    expect(await page.getByTestId('minutes-current-speaker').innerText()).toBe('信访人王建平');

    // Committing it keeps the first keystroke's time and clears the draft.
    await composer.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('。');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await typedEntries(host.url, hearingId)).map((entry) => entry.text)).toEqual(['关于临时安置费，我还要补充一点。']);
    const [entry] = (await typedEntries(host.url, hearingId)) as [MinuteEntry];
    expect(entry.startedAt).toBe(draft?.startedAt);
    expect((await invoke(host.url, 'minutes.list', { hearingId })).draft).toBeNull();
  });

  it('opens at an entry named in the address, and jumps by time', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    const hearingId = hearing.id;
    const wang = people['王建平'] as ParticipantDetail;
    const written: MinuteEntry[] = [];
    const start = new Date('2026-12-08T09:30:00+08:00').getTime();
    for (let n = 0; n < 150; n += 1) {
      written.push(
        await invoke(host.url, 'minutes.append', {
          hearingId,
          clientId: crypto.randomUUID(),
          kind: 'speech',
          speakerId: wang.id,
          text: `第${n + 1}段：关于评估时点和房屋面积的意见。`,
          startedAt: new Date(start + n * 60_000).toISOString(),
          offRecord: false,
        }),
      );
    }
    const target = written[20] as MinuteEntry;
    const page = await openMinutes(host.url, hearingId, `/${target.id}`);
    const row = page.locator(`[data-entry-id="${target.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getAttribute('class')).toContain('minutes-row-highlight');
    expect(await row.isVisible()).toBe(true);
    // Virtualized: a screenful of rows, not all of them.
    expect(await page.locator('[data-entry-id]').count()).toBeLessThan(60);

    // 11:00 is the 91st entry's minute (9:30 + 90).
    const time = page.getByRole('textbox', { name: '跳到时间' });
    await time.fill('11:00');
    await time.press('Enter');
    const at = page.locator(`[data-entry-id="${(written[90] as MinuteEntry).id}"]`);
    await expect.poll(() => at.getAttribute('class')).toContain('minutes-row-highlight');
    expect(await at.innerText()).toContain('11:00');
  });
});
