import { describe, expect, it } from 'vitest';
import type { DeliberationView } from '../../../electron/core/contract/index.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { cast } from '../../fixtures/people.js';
import { fixedClock, openTestCore, refusal, type TestCore } from '../support/core.js';
import { useReadyHearings, type ReadyHearing } from '../support/hearing.js';

const { ready, opened } = useReadyHearings();
const panel = ['黄志刚', '梁秀英', '韦建国', '覃丽华', '陆海峰'];

async function advanceTo(core: TestCore, hearingId: string, type: string) {
  let view = await core.ok('procedure.view', { hearingId });
  if (view.state === 'notStarted') view = await core.ok('procedure.start', { hearingId });
  while (view.steps.find((step) => step.id === view.currentStepId)?.type !== type) view = await core.ok('procedure.next', { hearingId });
  return view;
}

/** The 王建平 hearing at its deliberation step, the session opened (blind unless told). */
async function deliberating(options: { ballot?: 'blind' | 'open'; open?: boolean } = {}): Promise<ReadyHearing & { view: DeliberationView }> {
  const setup = await ready();
  await advanceTo(setup.core, setup.hearing.id, 'deliberation');
  const view =
    options.open === false
      ? await setup.core.ok('deliberation.view', { hearingId: setup.hearing.id })
      : await setup.core.ok('deliberation.open', { hearingId: setup.hearing.id, ballot: options.ballot ?? 'blind' });
  return { ...setup, view };
}

function idOf(setup: ReadyHearing, name: string): string {
  return setup.people[name]?.id as string;
}

/** Every member votes `outcomes[i]` on the request, with reasons in their own words. */
async function voteAll(setup: ReadyHearing & { view: DeliberationView }, requestIndex: number, outcomes: string[]): Promise<DeliberationView> {
  const requestId = setup.view.requests[requestIndex]?.requestId as string;
  let view = setup.view;
  for (const [index, outcome] of outcomes.entries()) {
    const name = panel[index] as string;
    view = await setup.core.ok('deliberation.vote', {
      hearingId: setup.hearing.id,
      requestId,
      memberId: idOf(setup, name),
      outcome,
      reasons: `${name}：${outcome === 'support' ? '评估程序存在瑕疵，应予重新核定' : '补偿标准符合规定'}`,
    });
  }
  return view;
}

describe('opening the deliberation', () => {
  it('freezes the present, unrecused panel members when the procedure reaches the deliberation step', async () => {
    const setup = await deliberating();
    expect(setup.view).toMatchObject({ status: 'open', ballot: 'blind', mode: 'vote' });
    expect(setup.view.members.map((member) => member.name)).toEqual(panel);
    expect(setup.view.requests).toHaveLength(3);
  });

  it('is refused before the deliberation step, twice, and without a quorum', async () => {
    const early = await ready();
    await early.core.ok('procedure.start', { hearingId: early.hearing.id });
    expect(await refusal(early.core, 'deliberation.open', { hearingId: early.hearing.id })).toMatchObject({ code: 'deliberation/notAtStep' });

    const setup = await deliberating();
    expect(await refusal(setup.core, 'deliberation.open', { hearingId: setup.hearing.id })).toMatchObject({ code: 'deliberation/alreadyOpen' });

    const short = await deliberating({ open: false });
    await short.core.ok('attendance.markLeft', { participantId: idOf(short, '陆海峰') });
    expect(await refusal(short.core, 'deliberation.open', { hearingId: short.hearing.id })).toMatchObject({
      code: 'deliberation/noQuorum',
      params: { present: 4, panel: 5, required: 3 },
    });
  });

  it('leaves a recused member out of the count: four remaining members are no odd quorum under the 信访 template', async () => {
    const setup = await ready();
    await advanceTo(setup.core, setup.hearing.id, 'recusal');
    const recusal = await setup.core.ok('recusal.apply', {
      hearingId: setup.hearing.id,
      applicantId: idOf(setup, '王建平'),
      againstId: idOf(setup, '韦建国'),
      grounds: '曾担任征收办的法律顾问',
    });
    await setup.core.ok('recusal.decide', { recusalId: recusal.id, decision: 'granted', decidedBy: '刘明远', reason: '存在利害关系' });
    await advanceTo(setup.core, setup.hearing.id, 'deliberation');
    expect(await refusal(setup.core, 'deliberation.open', { hearingId: setup.hearing.id })).toMatchObject({
      code: 'deliberation/noQuorum',
      params: { present: 4, panel: 4 },
    });
  });
});

describe('voting blind', () => {
  it('keeps every vote secret until the last member has voted, then reveals the tally, the majority and the dissent', async () => {
    const setup = await deliberating();
    let view = await voteAll(setup, 0, ['support', 'support', 'reject', 'support']);
    expect(view.revealed).toBe(false);
    expect(view.requests[0]?.votedBy).toHaveLength(4);
    expect(view.requests[0]?.ballots.every((ballot) => ballot.outcome === null && ballot.reasons === null)).toBe(true);
    expect(view.requests[0]?.result).toBeNull();
    expect(
      await refusal(setup.core, 'deliberation.ballotHistory', {
        hearingId: setup.hearing.id,
        requestId: view.requests[0]?.requestId,
        memberId: idOf(setup, '黄志刚'),
      }),
    ).toMatchObject({
      code: 'deliberation/secret',
    });

    const requestId = view.requests[0]?.requestId as string;
    await setup.core.ok('deliberation.vote', {
      hearingId: setup.hearing.id,
      requestId,
      memberId: idOf(setup, '陆海峰'),
      outcome: 'reject',
      reasons: '陆海峰：补偿已按规定执行',
    });
    view = await voteAll(setup, 1, ['explain', 'explain', 'explain', 'explain', 'explain']);
    view = await voteAll(setup, 2, ['reject', 'reject', 'reject', 'support', 'reject']);
    expect(view.revealed).toBe(true);
    expect(view.requests[0]?.result?.decision).toEqual({ by: 'majority', outcome: 'support' });
    expect(view.requests[0]?.result?.dissent).toEqual([
      { memberId: idOf(setup, '韦建国'), memberName: '韦建国', outcome: 'reject', reasons: '韦建国：补偿标准符合规定' },
      { memberId: idOf(setup, '陆海峰'), memberName: '陆海峰', outcome: 'reject', reasons: '陆海峰：补偿已按规定执行' },
    ]);
    expect(view.conclusion).toEqual({ kind: 'partial' });
    expect(view.conclusionName?.['zh-CN']).toBe('部分支持');
  });

  it('refuses a second vote, a vote by someone not entitled, an outcome outside the vocabulary and a vote after the close; nothing is recorded', async () => {
    const setup = await deliberating();
    const requestId = setup.view.requests[0]?.requestId as string;
    const vote = { hearingId: setup.hearing.id, requestId, memberId: idOf(setup, '黄志刚'), outcome: 'support', reasons: '理由充分' };
    await setup.core.ok('deliberation.vote', vote);
    expect(await refusal(setup.core, 'deliberation.vote', vote)).toMatchObject({ code: 'deliberation/alreadyVoted', params: { name: '黄志刚' } });
    expect(await refusal(setup.core, 'deliberation.vote', { ...vote, memberId: idOf(setup, '刘明远') })).toMatchObject({ code: 'deliberation/notEntitled' });
    expect(await refusal(setup.core, 'deliberation.vote', { ...vote, memberId: idOf(setup, '梁秀英'), outcome: 'partlySupport' })).toMatchObject({
      code: 'deliberation/unknownOutcome',
    });
    expect(await refusal(setup.core, 'deliberation.vote', { ...vote, memberId: idOf(setup, '梁秀英'), outcome: 'abstain' })).toMatchObject({
      code: 'deliberation/unknownOutcome',
    });
    expect(await refusal(setup.core, 'deliberation.close', { hearingId: setup.hearing.id })).toMatchObject({
      code: 'deliberation/reasonRequired',
      params: { missing: 14 },
    });
    await setup.core.ok('deliberation.close', { hearingId: setup.hearing.id, reason: '梁秀英等听证员因故离席，主持人决定结束评议' });
    expect(await refusal(setup.core, 'deliberation.vote', { ...vote, memberId: idOf(setup, '梁秀英') })).toMatchObject({ code: 'deliberation/closed' });
    const view = await setup.core.ok('deliberation.view', { hearingId: setup.hearing.id });
    expect(view.requests[0]?.votedBy).toEqual([idOf(setup, '黄志刚')]);
  });

  it('refuses the vote of a member recused after the session opened, and records nothing', async () => {
    const setup = await deliberating();
    const recusal = await setup.core.ok('recusal.apply', {
      hearingId: setup.hearing.id,
      applicantId: idOf(setup, '王建平'),
      againstId: idOf(setup, '覃丽华'),
      grounds: '其近亲属在征收范围内有房屋',
    });
    await setup.core.ok('recusal.decide', { recusalId: recusal.id, decision: 'granted', decidedBy: '刘明远', reason: '存在利害关系' });
    const requestId = setup.view.requests[0]?.requestId as string;
    expect(
      await refusal(setup.core, 'deliberation.vote', {
        hearingId: setup.hearing.id,
        requestId,
        memberId: idOf(setup, '覃丽华'),
        outcome: 'support',
        reasons: '—',
      }),
    ).toMatchObject({ code: 'deliberation/notEntitled', params: { name: '覃丽华' } });
    const view = await setup.core.ok('deliberation.view', { hearingId: setup.hearing.id });
    expect(view.requests[0]?.votedBy).toEqual([]);
  });

  it('keeps a changed vote in the history', async () => {
    const setup = await deliberating({ ballot: 'open' });
    const requestId = setup.view.requests[1]?.requestId as string;
    const memberId = idOf(setup, '覃丽华');
    await setup.core.ok('deliberation.vote', { hearingId: setup.hearing.id, requestId, memberId, outcome: 'reject', reasons: '临时安置费已发放' });
    await setup.core.ok('deliberation.changeVote', {
      hearingId: setup.hearing.id,
      requestId,
      memberId,
      outcome: 'support',
      reasons: '发放记录显示少发三个月',
      why: '核对了办理机关提交的发放清单',
    });
    const history = await setup.core.ok('deliberation.ballotHistory', { hearingId: setup.hearing.id, requestId, memberId });
    expect(history.map(({ version, outcome, why }) => ({ version, outcome, why }))).toEqual([
      { version: 1, outcome: 'reject', why: '' },
      { version: 2, outcome: 'support', why: '核对了办理机关提交的发放清单' },
    ]);
  });
});

describe('a split the votes cannot settle', () => {
  it('waits for the chair’s decision with reasons under the 信访 template, and cannot be announced before it', async () => {
    const setup = await deliberating({ ballot: 'open' });
    await setup.core.ok('attendance.markLeft', { participantId: idOf(setup, '陆海峰') });
    let view = await voteAll(setup, 0, ['support', 'reject', 'support', 'reject']);
    view = await voteAll(setup, 1, ['support', 'support', 'support', 'support']);
    view = await voteAll(setup, 2, ['reject', 'reject', 'reject', 'reject']);
    view = await setup.core.ok('deliberation.close', { hearingId: setup.hearing.id, reason: '陆海峰中途离席，未能投票' });
    expect(view.members.find((member) => member.name === '陆海峰')?.left).toBe(true);
    expect(view.requests[0]?.result?.decision).toEqual({ by: 'none', reason: 'awaitingChair' });
    expect(view.conclusion).toEqual({ kind: 'pending' });
    expect(await refusal(setup.core, 'deliberation.announce', { hearingId: setup.hearing.id, manner: 'onSpot' })).toMatchObject({
      code: 'deliberation/undecided',
    });
    expect(
      await refusal(setup.core, 'deliberation.decideTie', {
        hearingId: setup.hearing.id,
        requestId: view.requests[1]?.requestId,
        outcome: 'reject',
        reason: '—',
      }),
    ).toMatchObject({
      code: 'deliberation/noTie',
    });
    view = await setup.core.ok('deliberation.decideTie', {
      hearingId: setup.hearing.id,
      requestId: view.requests[0]?.requestId as string,
      outcome: 'support',
      reason: '房产证与评估报告面积不一致，应予重新核定',
    });
    expect(view.requests[0]?.result?.decision).toEqual({ by: 'chair', outcome: 'support', reason: '房产证与评估报告面积不一致，应予重新核定' });
    expect(view.conclusion).toEqual({ kind: 'partial' });
  });
});

describe('the announcement and the petitioner’s satisfaction', () => {
  async function decided() {
    const setup = await deliberating();
    await voteAll(setup, 0, ['support', 'support', 'reject', 'support', 'reject']);
    await voteAll(setup, 1, ['support', 'support', 'support', 'support', 'support']);
    await voteAll(setup, 2, ['reject', 'reject', 'reject', 'reject', 'reject']);
    await setup.core.ok('deliberation.close', { hearingId: setup.hearing.id });
    return setup;
  }

  it('writes only the panel’s conclusion into the parties’ minutes, never the votes or the dissent', async () => {
    const setup = await decided();
    const view = await setup.core.ok('deliberation.announce', { hearingId: setup.hearing.id, manner: 'onSpot' });
    expect(view.announcement).toMatchObject({ manner: 'onSpot', serveBy: '2026-12-18' });
    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    const announced = entries.find((entry) => entry.eventKind === 'deliberation.announced');
    expect(announced?.text).toBe(
      '经评议，听证员意见为：诉求1“请求按照房屋征收评估价格重新核定东葛路118号房屋的征收补偿款”，予以支持；诉求2“请求补发搬迁期间的临时安置费”，予以支持；诉求3“请求撤销东城街道对其作出的信访事项处理意见”，不予支持。总体意见为部分支持。书面听证结论将于2026年12月18日前送达。',
    );
    expect(entries.map((entry) => entry.text).join('\n')).not.toContain('补偿标准符合规定');
    expect(await refusal(setup.core, 'deliberation.announce', { hearingId: setup.hearing.id, manner: 'later' })).toMatchObject({
      code: 'deliberation/alreadyAnnounced',
    });
  });

  it('records the rating the petitioner gives, asks why for 不满意, and takes "declined" as an answer', async () => {
    const setup = await decided();
    const input = { hearingId: setup.hearing.id, enteredBy: 'petitioner' as const, acceptsConclusion: 'undecided' as const };
    expect(await refusal(setup.core, 'satisfaction.record', { ...input, rating: 'basicallySatisfied' })).toMatchObject({ code: 'deliberation/notAnnounced' });
    await setup.core.ok('deliberation.announce', { hearingId: setup.hearing.id, manner: 'onSpot' });
    expect(await refusal(setup.core, 'satisfaction.record', { ...input, rating: 'dissatisfied' })).toMatchObject({ code: 'satisfaction/reasonRequired' });
    expect(await refusal(setup.core, 'satisfaction.record', { ...input, rating: 'verySatisfied' })).toMatchObject({ code: 'satisfaction/unknownRating' });
    let view = await setup.core.ok('satisfaction.record', { ...input, rating: 'basicallySatisfied' });
    expect(view.satisfaction).toMatchObject({ rating: 'basicallySatisfied', declined: false, enteredBy: 'petitioner', acceptsConclusion: 'undecided' });
    view = await setup.core.ok('satisfaction.record', { ...input, rating: null, enteredBy: 'staff', acceptsConclusion: 'no' });
    expect(view.satisfaction).toMatchObject({ rating: null, declined: true, enteredBy: 'staff' });
  });

  it('announced later: the minutes say when the written conclusion will be served', async () => {
    const setup = await decided();
    await setup.core.ok('deliberation.announce', { hearingId: setup.hearing.id, manner: 'later' });
    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(entries.at(-1)?.text).toBe('主持人宣布：评议结论另行告知，将于2026年12月28日前书面送达。');
  });
});

describe('the public display', () => {
  it('shows only 评议中 while the panel deliberates, and the conclusion once announced', async () => {
    const setup = await deliberating({ ballot: 'open' });
    await voteAll(setup, 0, ['support', 'support', 'support', 'support', 'support']);
    await voteAll(setup, 1, ['support', 'support', 'support', 'support', 'support']);
    await voteAll(setup, 2, ['support', 'support', 'support', 'support', 'reject']);
    const during = await setup.core.ok('display.view', { hearingId: setup.hearing.id });
    expect(during).toMatchObject({ state: 'deliberating', step: null, speaker: null, announcement: null });
    expect(JSON.stringify(during)).not.toContain('support');
    await setup.core.ok('deliberation.close', { hearingId: setup.hearing.id });
    await setup.core.ok('deliberation.announce', { hearingId: setup.hearing.id, manner: 'onSpot' });
    const after = await setup.core.ok('display.view', { hearingId: setup.hearing.id });
    expect(after.announcement?.text).toContain('总体意见为予以支持');
  });
});

/** A hearing of another template: chair, three panel members, clerk, one party, one agency official; all present. */
async function smallHearing(templateId: 'procuratorate' | 'pricing') {
  const clock = fixedClock('2026-12-08T01:20:00.000Z');
  const core = openTestCore(undefined, clock);
  opened.push(core);
  const hearing = await core.ok('hearing.create', { ...wangJianpingHearing, templateId, agency: '青秀区住房和城乡建设局' });
  await core.ok('request.add', { hearingId: hearing.id, text: '请求对不起诉决定进行复查。' });
  const people: Record<string, string> = {};
  for (const person of [cast.chair, ...cast.panel.slice(0, 3), cast.clerk, cast.petitioner, cast.agencyStaff[0]!]) {
    const added = await core.ok('participant.add', { hearingId: hearing.id, ...person });
    people[person.name] = added.id;
    await core.ok('attendance.checkIn', { participantId: added.id, late: false });
  }
  if (templateId === 'pricing') {
    // No deliberation step: the 听证人 write their reports once the hearing has closed.
    await advanceTo(core, hearing.id, 'closing');
    await core.ok('procedure.close', { hearingId: hearing.id });
  } else await advanceTo(core, hearing.id, 'deliberation');
  await core.ok('deliberation.open', { hearingId: hearing.id, ballot: 'open' });
  return { core, hearing, people };
}

describe('the other modes', () => {
  it('检察 discussion: the 听证员代表 states the view; a decision departing from the majority needs a reason', async () => {
    const { core, hearing, people } = await smallHearing('procuratorate');
    let view = await core.ok('deliberation.view', { hearingId: hearing.id });
    const requestId = view.requests[0]?.requestId as string;
    for (const name of ['黄志刚', '梁秀英', '韦建国']) {
      view = await core.ok('deliberation.vote', {
        hearingId: hearing.id,
        requestId,
        memberId: people[name] as string,
        outcome: 'agree',
        reasons: `${name}：同意检察机关的处理意见`,
      });
    }
    const conclusion = { hearingId: hearing.id, representativeId: people['黄志刚'] as string, statement: '听证员一致同意检察机关拟作出的不起诉决定。' };
    expect(await refusal(core, 'deliberation.conclude', { ...conclusion, outcome: 'disagree' })).toMatchObject({ code: 'deliberation/reasonRequired' });
    expect(await refusal(core, 'deliberation.report', { hearingId: hearing.id, memberId: people['黄志刚'], text: '报告' })).toMatchObject({
      code: 'deliberation/wrongMode',
    });
    view = await core.ok('deliberation.conclude', { ...conclusion, outcome: 'agree' });
    expect(view.representative).toMatchObject({ name: '黄志刚', statement: conclusion.statement });
    await core.ok('deliberation.close', { hearingId: hearing.id });
    await core.ok('deliberation.announce', { hearingId: hearing.id, manner: 'onSpot' });
    const { entries } = await core.ok('minutes.list', { hearingId: hearing.id });
    expect(entries.at(-1)?.text).toMatch(/^经评议，由听证员黄志刚代表听证员发表意见：听证员一致同意检察机关拟作出的不起诉决定。/);
  });

  it('价格 report: each 听证人 writes a report, and nobody votes', async () => {
    const { core, hearing, people } = await smallHearing('pricing');
    const view = await core.ok('deliberation.view', { hearingId: hearing.id });
    expect(
      await refusal(core, 'deliberation.vote', {
        hearingId: hearing.id,
        requestId: view.requests[0]?.requestId,
        memberId: people['黄志刚'],
        outcome: 'support',
        reasons: '—',
      }),
    ).toMatchObject({
      code: 'deliberation/wrongMode',
    });
    await core.ok('deliberation.report', { hearingId: hearing.id, memberId: people['黄志刚'] as string, text: '对定价成本监审结论的意见：……' });
    expect(await refusal(core, 'deliberation.close', { hearingId: hearing.id })).toMatchObject({ code: 'deliberation/reasonRequired', params: { missing: 2 } });
    const closed = await core.ok('deliberation.close', { hearingId: hearing.id, reason: '其余听证人会后提交书面报告' });
    expect(closed.reports.map((report) => report.memberName)).toEqual(['黄志刚']);
  });
});

describe('the requests under deliberation', () => {
  it('are fixed once the session opens, since the votes refer to them', async () => {
    const setup = await deliberating();
    const requestId = setup.view.requests[0]?.requestId as string;
    expect(await refusal(setup.core, 'request.update', { requestId, text: '请求按市场价补偿。' })).toMatchObject({ code: 'request/frozen' });
    expect(await refusal(setup.core, 'request.remove', { requestId })).toMatchObject({ code: 'request/frozen' });
    expect(await refusal(setup.core, 'request.add', { hearingId: setup.hearing.id, text: '新增诉求。' })).toMatchObject({ code: 'request/frozen' });
  });
});
