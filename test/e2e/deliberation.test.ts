import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDate, type Hearing, type HearingCreateInput, type ProcedureView, type StepType } from '../../electron/core/contract/index.js';
import { wangJianpingHearing } from '../fixtures/hearings.js';
import { cast } from '../fixtures/people.js';
import { invoke } from './support/api.js';
import { captureForReadme, missingTranslations } from './support/browser.js';
import { chooseOption } from './support/select.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

const panel = cast.panel.map((person) => person.name);

/** Starts the sitting and walks the agenda with procedure.next until a step of the given type is current. */
async function walkTo(url: string, hearingId: string, type: StepType): Promise<ProcedureView> {
  let view = await invoke(url, 'procedure.start', { hearingId });
  while (view.steps.find((step) => step.id === view.currentStepId)?.type !== type) view = await invoke(url, 'procedure.next', { hearingId });
  return view;
}

/** The chair's confirmation before the announcement becomes final. */
/** Confirms the announcement; a click that lands while the dialog is still opening is lost on a loaded machine, so it is given again while the dialog stays. */
async function confirmAnnouncement(page: Page) {
  const dialog = page.getByRole('dialog').filter({ hasText: '宣布后不能撤回' });
  const confirm = dialog.getByRole('button', { name: spaced('宣布') });
  await confirm.waitFor();
  await expect
    .poll(async () => {
      if (await dialog.isVisible()) await confirm.click({ timeout: 2000 }).catch(() => {});
      return page.getByTestId('announcement').count();
    })
    .toBe(1);
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
/** antd spaces out a two-character label ("继 续"): match it with or without. */
const spaced = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);

/** One member's opinion on one request: the outcome as the radio reads and the reasons in their words. */
interface Opinion {
  outcome: string;
  reasons: string;
}

async function fillVote(page: Page, opinions: Opinion[]) {
  const form = page.getByTestId('vote-form');
  for (const [index, opinion] of opinions.entries()) {
    await form
      .getByRole('radiogroup', { name: `诉求${index + 1}的意见` })
      .getByText(opinion.outcome, { exact: true })
      .click();
    await form.getByRole('textbox', { name: `诉求${index + 1}的理由` }).fill(opinion.reasons);
  }
}

/** The 3:2 split on the first request, unanimous on the others; the reasons are each member's own. */
const ballots: Record<string, Opinion[]> = {
  黄志刚: [
    { outcome: '予以支持', reasons: '黄志刚：评估报告未采用同地段可比实例，补偿标准明显偏低，应予重新核定。' },
    { outcome: '予以支持', reasons: '黄志刚：搬迁后临时安置费仅发放两个月，应予补发。' },
    { outcome: '不予支持', reasons: '黄志刚：处理意见程序合法，撤销的理由不足。' },
  ],
  梁秀英: [
    { outcome: '予以支持', reasons: '梁秀英：房产证面积与评估报告不一致，评估结果不能作为补偿依据。' },
    { outcome: '予以支持', reasons: '梁秀英：办理机关未能提供完整的发放记录。' },
    { outcome: '不予支持', reasons: '梁秀英：处理意见已经复查，程序上没有问题。' },
  ],
  韦建国: [
    { outcome: '不予支持', reasons: '韦建国：评估程序符合《国有土地上房屋征收评估办法》，信访人未在规定期限内申请复核评估。' },
    { outcome: '予以支持', reasons: '韦建国：临时安置费应发至交付安置房之日。' },
    { outcome: '不予支持', reasons: '韦建国：不属于撤销的情形。' },
  ],
  覃丽华: [
    { outcome: '予以支持', reasons: '覃丽华：评估时点选择不当，应以征收决定公告之日为准重新评估。' },
    { outcome: '予以支持', reasons: '覃丽华：发放清单显示少发三个月。' },
    { outcome: '不予支持', reasons: '覃丽华：处理意见的事实认定基本清楚。' },
  ],
  陆海峰: [
    { outcome: '不予支持', reasons: '陆海峰：同一小区其他住户按同一标准已签约，补偿标准前后一致。' },
    { outcome: '予以支持', reasons: '陆海峰：过渡期间的费用应当保障。' },
    { outcome: '不予支持', reasons: '陆海峰：同意处理意见。' },
  ],
};

describe('the panel deliberates on the laptop, the chair announces, the petitioner rates', () => {
  it('votes blind member by member with hand-over screens, records the dissent, shows the conclusion on the wall and takes the rating', async () => {
    const host = await session.host();
    const { hearing } = await seedReadyHearing(host.url);
    await walkTo(host.url, hearing.id, 'deliberation');
    const clerk = await session.open(`${host.url}#/hearings/${hearing.id}/deliberation`);

    // The start panel: blind by default, the five present members listed.
    const start = clerk.getByTestId('deliberation-start');
    await start.waitFor();
    expect(await start.getByRole('radio', { name: /背靠背表决/ }).isChecked()).toBe(true);
    const entitled = await clerk.getByTestId('deliberation-entitled').innerText();
    for (const name of panel) expect(entitled).toContain(name);
    await start.getByRole('button', { name: spaced('开始评议') }).click();

    // Member by member: their own name, their form, the blank hand-over screen.
    const handOver = clerk.getByTestId('hand-over');
    for (const [index, name] of panel.entries()) {
      await expect.poll(() => clerk.getByTestId('hand-over-title').innerText()).toBe(`请听证员${name}投票`);
      expect(await clerk.getByTestId('vote-progress').innerText()).toBe(`已投票 ${index}/5`);
      if (index === 3) await captureForReadme(clerk, 'deliberation-hand-over');
      await handOver.getByRole('button', { name: new RegExp(name) }).click();
      const form = clerk.getByTestId('vote-form');
      await form.waitFor();
      expect(await form.innerText()).toContain(`听证员${name}的评议意见`);
      // Nothing of an earlier member's vote reaches this member's screen.
      const shown = await bodyText(clerk);
      for (const earlier of panel.slice(0, index)) {
        for (const opinion of ballots[earlier] ?? []) expect(shown).not.toContain(opinion.reasons);
      }
      expect(await form.getByRole('radio', { checked: true }).count()).toBe(0);
      await fillVote(clerk, ballots[name] ?? []);
      if (index === 2) await captureForReadme(clerk, 'deliberation-blind-vote');
      await form.getByRole('button', { name: '提交意见' }).click();

      const submitted = clerk.getByTestId('hand-over-submitted');
      await submitted.waitFor();
      const blank = await bodyText(clerk);
      for (const opinion of ballots[name] ?? []) expect(blank).not.toContain(opinion.reasons);
      if (index < panel.length - 1) {
        expect(blank).toContain('已提交。请将电脑交给下一位听证员');
        // Still secret in the core as well: nobody can read a vote before all are in.
        const during = await invoke(host.url, 'deliberation.view', { hearingId: hearing.id });
        expect(during.revealed).toBe(false);
        expect(during.requests.every((request) => request.ballots.every((ballot) => ballot.outcome === null))).toBe(true);
      } else {
        await expect.poll(() => submitted.innerText()).toContain('全部听证员均已投票');
      }
      await submitted.getByRole('button', { name: spaced('继续') }).click();
    }

    // Everyone has voted: the chair closes; nothing is missing, so no reason is asked for.
    await clerk.getByRole('button', { name: '结束评议' }).click();
    const closeDialog = clerk.getByRole('dialog');
    expect(await closeDialog.getByTestId('close-missing').innerText()).toBe('全部意见均已提交。结束后不能再投票或修改意见。');
    await closeDialog.getByRole('button', { name: '结束评议' }).click();
    await expect.poll(() => clerk.getByTestId('deliberation-status').innerText()).toBe('评议已结束');

    // The results: 3:2 on the first request, the dissent word for word in the panel-only record.
    const results = clerk.getByTestId('deliberation-results');
    const first = results.getByTestId('request-result').first();
    expect(await first.getByTestId('decision').innerText()).toBe('多数意见：予以支持');
    expect(await first.innerText()).toMatch(/予以支持 3票[\s\S]*不予支持 2票/);
    expect(await results.getByTestId('overall-conclusion').innerText()).toContain('部分支持');
    const dissent = clerk.getByTestId('dissent-record');
    expect(await dissent.innerText()).toContain('评议笔录：少数意见');
    expect(await dissent.innerText()).toContain('仅限听证员和记录员，不列入听证笔录，不向当事人公开');
    const dissentTexts = await dissent.getByTestId('dissent').allInnerTexts();
    expect(dissentTexts).toHaveLength(2);
    expect(dissentTexts[0]).toContain('韦建国（不予支持）');
    expect(dissentTexts[0]).toContain(ballots['韦建国']?.[0]?.reasons);
    expect(dissentTexts[1]).toContain(ballots['陆海峰']?.[0]?.reasons);
    await clerk.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await captureForReadme(clerk, 'deliberation-results');

    // The chair announces on the spot: the text, the serve-by date.
    await clerk.getByTestId('announce-card').getByRole('button', { name: '当场宣布' }).click();
    await confirmAnnouncement(clerk);
    const announcement = clerk.getByTestId('announcement');
    await announcement.waitFor();
    const announced = await invoke(host.url, 'deliberation.view', { hearingId: hearing.id });
    expect(announced.announcement?.text).toContain('诉求1“请求按照房屋征收评估价格重新核定东葛路118号房屋的征收补偿款”，予以支持');
    expect(announced.announcement?.text).toContain('总体意见为部分支持');
    expect(await clerk.getByTestId('announcement-text').innerText()).toBe(announced.announcement?.text);
    expect(await clerk.getByTestId('serve-by').innerText()).toContain(
      `书面听证结论应于 ${formatDate(`${announced.announcement?.serveBy}T00:00`, 'zh-CN')} 前送达`,
    );

    // The wall shows the conclusion, and nothing of the votes.
    const display = await session.open(`${host.url}#/display/${hearing.id}`);
    await expect.poll(() => display.getByTestId('display-announcement-text').innerText()).toBe(announced.announcement?.text);
    const wall = await bodyText(display);
    expect(wall).toContain('听证结论');
    for (const opinion of Object.values(ballots).flat()) expect(wall).not.toContain(opinion.reasons);
    await captureForReadme(display, 'public-display-conclusion');

    // The staff form starts empty: nothing is chosen for the petitioner.
    const satisfaction = clerk.getByTestId('satisfaction');
    expect(await satisfaction.getByRole('radio', { checked: true }).count()).toBe(0);

    // The petitioner's own screen, in a window of its own.
    const [petitioner] = await Promise.all([clerk.context().waitForEvent('page'), satisfaction.getByRole('button', { name: '打开信访人评价屏' }).click()]);
    petitioner.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('missing translation')) missingTranslations.push(message.text());
    });
    expect(petitioner.url()).toBe(`${host.url}#/hearings/${hearing.id}/satisfaction`);
    await petitioner.setViewportSize({ width: 1366, height: 850 });
    await petitioner.getByTestId('rate-question').waitFor();
    expect(await petitioner.getByRole('group', { name: '您对本次信访事项的办理是否满意？' }).getByRole('button').allInnerTexts()).toEqual([
      '满意',
      '基本满意',
      '不满意',
    ]);
    await captureForReadme(petitioner, 'satisfaction-petitioner');
    await petitioner.getByRole('button', { name: '基本满意' }).click();
    await petitioner.getByRole('group', { name: '您是否接受本次听证结论？' }).waitFor();
    expect(await petitioner.getByTestId('screen-conclusion').innerText()).toBe(announced.announcement?.text);
    await petitioner.getByRole('button', { name: '接受', exact: true }).click();
    await expect.poll(() => petitioner.getByTestId('thanks').innerText()).toBe('感谢您的评价');

    const rated = await invoke(host.url, 'deliberation.view', { hearingId: hearing.id });
    expect(rated.satisfaction).toMatchObject({ rating: 'basicallySatisfied', declined: false, enteredBy: 'petitioner', acceptsConclusion: 'yes' });
    // The clerk's tab follows.
    await expect.poll(() => clerk.getByTestId('satisfaction-recorded').innerText()).toMatch(/基本满意[\s\S]*接受[\s\S]*信访人自评/);
  });

  it('refuses to open without a quorum, in words', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    await walkTo(host.url, hearing.id, 'deliberation');
    await invoke(host.url, 'attendance.markLeft', { participantId: people['陆海峰']?.id as string });
    const clerk = await session.open(`${host.url}#/hearings/${hearing.id}/deliberation`);
    const start = clerk.getByTestId('deliberation-start');
    await start.waitFor();
    await expect.poll(() => start.innerText()).toMatch(/陆海峰 · 已离场/);
    await start.getByRole('button', { name: spaced('开始评议') }).click();
    await expect.poll(() => start.getByRole('alert').innerText()).toBe('在场听证员人数不符合评议要求：在场4人，听证员共5人，至少需要3人且须为单数、全部到场。');
    expect((await invoke(host.url, 'deliberation.view', { hearingId: hearing.id })).status).toBe('notOpened');
  });

  it('open ballot: a paper ballot entered by the clerk, a changed vote and its history, a close with votes missing, the chair’s tie decision, announced later, rated by staff', async () => {
    const host = await session.host();
    const { hearing, people } = await seedReadyHearing(host.url);
    const id = (name: string) => people[name]?.id as string;
    await walkTo(host.url, hearing.id, 'deliberation');
    const clerk = await session.open(`${host.url}#/hearings/${hearing.id}/deliberation`);
    const start = clerk.getByTestId('deliberation-start');
    await start.getByText('公开表决', { exact: true }).click();
    expect(await start.getByRole('radio', { name: /公开表决/ }).isChecked()).toBe(true);
    await start.getByRole('button', { name: spaced('开始评议') }).click();
    await clerk.getByTestId('vote-grid').waitFor();
    // 陆海峰 leaves during the deliberation: still entitled, never votes.
    await invoke(host.url, 'attendance.markLeft', { participantId: id('陆海峰') });

    // 黄志刚's signed paper ballot, copied in by the clerk.
    await clerk.getByRole('button', { name: '纸质表决票录入' }).click();
    const picker = clerk.getByRole('dialog');
    await chooseOption(clerk, picker.getByRole('combobox'), '黄志刚');
    await expect.poll(() => picker.getByRole('button', { name: spaced('投票') }).isEnabled()).toBe(true);
    await picker.getByRole('button', { name: spaced('投票') }).click();
    const form = clerk.getByTestId('vote-form');
    expect(await form.getByTestId('paper-ballot').innerText()).toContain('纸质表决票录入');
    await fillVote(clerk, ballots['黄志刚'] ?? []);
    await form.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => clerk.getByTestId('vote-grid').innerText()).toContain('评估报告未采用同地段可比实例');

    // The others vote from their own screens: 2:2 on the first request.
    const requests = (await invoke(host.url, 'deliberation.view', { hearingId: hearing.id })).requests;
    const plan: Record<string, string[]> = {
      梁秀英: ['reject', 'support', 'reject'],
      韦建国: ['support', 'reject', 'reject'],
      覃丽华: ['reject', 'reject', 'reject'],
    };
    for (const [name, outcomes] of Object.entries(plan)) {
      for (const [index, outcome] of outcomes.entries()) {
        await invoke(host.url, 'deliberation.vote', {
          hearingId: hearing.id,
          requestId: requests[index]?.requestId as string,
          memberId: id(name),
          outcome,
          reasons: `${name}对诉求${index + 1}的意见`,
        });
      }
    }
    const stored = await invoke(host.url, 'deliberation.view', { hearingId: hearing.id });
    expect(stored.requests[0]?.ballots.find((ballot) => ballot.memberId === id('黄志刚'))?.enteredBy).toBe('clerk');

    // 覃丽华 changes her vote on the second request, with the reason why.
    const grid = clerk.getByTestId('vote-grid');
    await expect.poll(() => grid.innerText()).toContain('覃丽华对诉求2的意见');
    const secondRow = grid.locator('tr', { hasText: '请求补发搬迁期间的临时安置费' });
    const cell = secondRow.getByTestId('ballot-cell').filter({ hasText: '覃丽华对诉求2的意见' });
    await cell.getByRole('button', { name: /修\s*改$/ }).click();
    const change = clerk.getByRole('dialog').filter({ hasText: '修改原因' });
    await change.getByRole('radiogroup', { name: '新的意见' }).getByText('予以支持', { exact: true }).click();
    await change.getByRole('textbox', { name: '理由', exact: true }).fill('发放记录显示少发三个月。');
    await change.getByRole('textbox', { name: '修改原因' }).fill('核对了办理机关提交的发放清单');
    await change.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => grid.innerText()).toContain('发放记录显示少发三个月。');
    const changedCell = secondRow.getByTestId('ballot-cell').filter({ hasText: '发放记录显示少发三个月。' });
    expect(await changedCell.innerText()).toContain('已修改');
    await changedCell.getByRole('button', { name: '修改记录' }).click();
    const history = clerk.getByRole('dialog').filter({ hasText: '修改记录' });
    await expect.poll(() => history.getByTestId('history-version').count()).toBe(2);
    const versions = await history.getByTestId('history-version').allInnerTexts();
    expect(versions[0]).toMatch(/第1版[\s\S]*不予支持[\s\S]*覃丽华对诉求2的意见/);
    expect(versions[1]).toMatch(/第2版[\s\S]*予以支持[\s\S]*修改原因：核对了办理机关提交的发放清单/);
    await clerk.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });

    // Closing with 陆海峰's three votes missing needs a reason.
    await clerk.getByRole('button', { name: '结束评议' }).click();
    const closing = clerk.getByRole('dialog');
    expect(await closing.getByTestId('close-missing').innerText()).toBe('仍有 3 项意见未提交。结束后不能再补交，请说明理由。');
    await closing.getByRole('button', { name: '结束评议' }).click();
    await expect.poll(() => closing.innerText()).toContain('请写明理由');
    await closing.getByRole('textbox', { name: '结束理由' }).fill('陆海峰中途离席，未能投票');
    await closing.getByRole('button', { name: '结束评议' }).click();
    await expect.poll(() => clerk.getByTestId('deliberation-status').innerText()).toBe('评议已结束');

    // 2:2: the chair decides, with reasons; only then can it be announced.
    const first = clerk.getByTestId('request-result').first();
    expect(await first.getByTestId('decision').innerText()).toBe('票数未过半，待主持人决定');
    expect(await clerk.getByTestId('announce-card').innerText()).toContain('仍有诉求未形成结论');
    const tie = first.getByTestId('tie-decision');
    await tie.getByRole('radiogroup', { name: '诉求1的主持人决定' }).getByText('予以支持', { exact: true }).click();
    await tie.getByRole('textbox', { name: '诉求1的主持人决定理由' }).fill('房产证与评估报告面积不一致，应予重新核定');
    await tie.getByRole('button', { name: '确认决定' }).click();
    await expect.poll(() => first.getByTestId('decision').innerText()).toBe('主持人决定：予以支持');
    expect(await first.innerText()).toContain('主持人理由：房产证与评估报告面积不一致，应予重新核定');
    // Against the chair's decision: 梁秀英 and 覃丽华, word for word.
    const dissent = await clerk.getByTestId('dissent-record').innerText();
    expect(dissent).toContain('梁秀英（不予支持）');
    expect(dissent).toContain('梁秀英对诉求1的意见');

    // Announced later (另行告知).
    await clerk.getByTestId('announce-card').getByRole('button', { name: '另行告知' }).click();
    await confirmAnnouncement(clerk);
    await expect.poll(() => clerk.getByTestId('announcement-text').innerText()).toMatch(/^主持人宣布：评议结论另行告知，将于.+前书面送达。$/);

    // Staff record the petitioner's answer: 不满意 needs the reason.
    const satisfaction = clerk.getByTestId('satisfaction');
    await satisfaction.getByRole('radiogroup', { name: '满意度评价' }).getByText('不满意', { exact: true }).click();
    await satisfaction.getByRole('radiogroup', { name: '是否接受听证结论' }).getByText('不接受', { exact: true }).click();
    await satisfaction.getByRole('button', { name: '记录评价' }).click();
    await expect.poll(() => satisfaction.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('选择“不满意”时须记录信访人说明的理由');
    expect((await invoke(host.url, 'deliberation.view', { hearingId: hearing.id })).satisfaction).toBeNull();
    await satisfaction.getByRole('textbox', { name: '理由' }).fill('认为补偿标准仍然偏低');
    await satisfaction.getByRole('button', { name: '记录评价' }).click();
    await satisfaction.getByTestId('satisfaction-recorded').waitFor();
    const rated = await invoke(host.url, 'deliberation.view', { hearingId: hearing.id });
    expect(rated.satisfaction).toMatchObject({ rating: 'dissatisfied', reason: '认为补偿标准仍然偏低', enteredBy: 'staff', acceptsConclusion: 'no' });
  });
});

/** A hearing of another template: the chair, three panel members, the clerk, the petitioner and one agency official, all checked in. */
async function smallHearing(url: string, templateId: 'procuratorate' | 'pricing'): Promise<{ hearing: Hearing; people: Record<string, string> }> {
  const input: HearingCreateInput = { ...wangJianpingHearing, templateId, agency: '青秀区住房和城乡建设局' };
  const hearing = await invoke(url, 'hearing.create', input);
  await invoke(url, 'request.add', { hearingId: hearing.id, text: '请求对不起诉决定进行复查。' });
  const people: Record<string, string> = {};
  for (const person of [cast.chair, ...cast.panel.slice(0, 3), cast.clerk, cast.petitioner, cast.agencyStaff[0]!]) {
    const added = await invoke(url, 'participant.add', { hearingId: hearing.id, ...person });
    people[person.name] = added.id;
    await invoke(url, 'attendance.checkIn', { participantId: added.id, late: false });
  }
  if (templateId === 'pricing') {
    // No deliberation step: the 听证人 write their reports once the hearing has closed.
    await walkTo(url, hearing.id, 'closing');
    await invoke(url, 'procedure.close', { hearingId: hearing.id });
  } else await walkTo(url, hearing.id, 'deliberation');
  return { hearing, people };
}

describe('the other ways of deliberating', () => {
  it('检察 discussion: members give opinions, the 听证员代表 states the view, and it is announced', async () => {
    const host = await session.host();
    const { hearing, people } = await smallHearing(host.url, 'procuratorate');
    const clerk = await session.open(`${host.url}#/hearings/${hearing.id}/deliberation`);
    await clerk
      .getByTestId('deliberation-start')
      .getByRole('button', { name: spaced('开始评议') })
      .click();
    for (const name of panel.slice(0, 3)) {
      await clerk
        .getByTestId('hand-over')
        .getByRole('button', { name: new RegExp(name) })
        .click();
      await clerk.getByTestId('vote-form').getByRole('radiogroup', { name: '诉求1的意见' }).getByText('同意', { exact: true }).click();
      await clerk.getByTestId('vote-form').getByRole('textbox', { name: '诉求1的理由' }).fill(`${name}：同意检察机关的处理意见`);
      await clerk.getByTestId('vote-form').getByRole('button', { name: '提交意见' }).click();
      await clerk
        .getByTestId('hand-over-submitted')
        .getByRole('button', { name: spaced('继续') })
        .click();
    }
    const form = clerk.getByTestId('discussion-form');
    await chooseOption(clerk, form.getByRole('combobox', { name: '听证员代表' }), '黄志刚');
    await form.getByRole('textbox', { name: '代表发表的意见' }).fill('听证员一致同意检察机关拟作出的不起诉决定。');
    await form.getByRole('radiogroup', { name: '决定' }).getByText('不同意', { exact: true }).click();
    // Departing from the majority (同意) needs a reason.
    expect(await form.innerText()).toContain('决定与多数意见（同意）不同，须说明理由。');
    await form.getByRole('radiogroup', { name: '决定' }).getByText('同意', { exact: true }).click();
    await form.getByRole('button', { name: spaced('保存') }).click();
    await expect.poll(() => clerk.getByTestId('discussion-conclusion').innerText()).toContain('听证员一致同意检察机关拟作出的不起诉决定。');

    await clerk.getByRole('button', { name: '结束评议' }).click();
    await clerk.getByRole('dialog').getByRole('button', { name: '结束评议' }).click();
    await clerk.getByTestId('announce-card').getByRole('button', { name: '当场宣布' }).click();
    await confirmAnnouncement(clerk);
    await expect
      .poll(() => clerk.getByTestId('announcement-text').innerText())
      .toMatch(/^经评议，由听证员黄志刚代表听证员发表意见：听证员一致同意检察机关拟作出的不起诉决定。/);
    const view = await invoke(host.url, 'deliberation.view', { hearingId: hearing.id });
    expect(view.representative?.participantId).toBe(people['黄志刚']);
    expect(view.finalDecision).toEqual({ outcome: 'agree', reason: '' });
  });

  it('价格 report: a 听证人 writes a report, the others’ are missing at the close', async () => {
    const host = await session.host();
    const { hearing } = await smallHearing(host.url, 'pricing');
    const clerk = await session.open(`${host.url}#/hearings/${hearing.id}/deliberation`);
    await clerk
      .getByTestId('deliberation-start')
      .getByRole('button', { name: spaced('开始评议') })
      .click();
    const reports = clerk.getByTestId('reports');
    await reports.waitFor();
    await reports.locator('.ant-list-item', { hasText: '黄志刚' }).getByRole('button', { name: '撰写报告' }).click();
    await clerk.getByRole('dialog').getByRole('textbox', { name: '报告内容' }).fill('对定价成本监审结论的意见：成本构成基本合理。');
    await clerk.getByRole('dialog').getByRole('button', { name: '提交报告' }).click();
    await expect.poll(() => reports.innerText()).toContain('对定价成本监审结论的意见：成本构成基本合理。');
    expect(await clerk.getByTestId('deliberation-progress').innerText()).toBe('已提交报告 1/3');

    await clerk.getByRole('button', { name: '结束评议' }).click();
    const closing = clerk.getByRole('dialog');
    expect(await closing.getByTestId('close-missing').innerText()).toContain('仍有 2 项意见未提交');
    await closing.getByRole('textbox', { name: '结束理由' }).fill('其余听证人会后提交书面报告');
    await closing.getByRole('button', { name: '结束评议' }).click();
    await clerk.getByTestId('announce-card').getByRole('button', { name: '另行告知' }).click();
    await confirmAnnouncement(clerk);
    await expect.poll(() => clerk.getByTestId('announcement-text').innerText()).toContain('评议结论另行告知');
  });
});
