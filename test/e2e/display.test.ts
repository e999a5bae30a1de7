import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AgendaStepView, ProcedureView, StepType } from '../../electron/core/contract/index.js';
import { cast } from '../fixtures/people.js';
import { invoke } from './support/api.js';
import { captureForReadme } from './support/browser.js';
import { seedReadyHearing } from './support/seed.js';
import { e2eSession } from './support/session.js';

const session = e2eSession();

/** The seeded hearing in the shape these tests use: ids by name. */
async function readyHearing(url: string, isPublic = true): Promise<{ hearingId: string; title: string; people: Record<string, string> }> {
  const { hearing, people } = await seedReadyHearing(url, { isPublic });
  return { hearingId: hearing.id, title: hearing.title, people: Object.fromEntries(Object.entries(people).map(([name, person]) => [name, person.id])) };
}

const everyone = [cast.chair, ...cast.panel, cast.clerk, cast.petitioner, ...cast.representatives, cast.agent, ...cast.agencyStaff];
/** What must never reach the wall: identity numbers and telephone numbers. */
const secrets = everyone.flatMap((person) => [person.idNumber, person.phone]).filter((value): value is string => Boolean(value));

function current(view: ProcedureView): AgendaStepView {
  const step = view.steps.find((candidate) => candidate.id === view.currentStepId);
  if (!step) throw new Error(`no current step in state ${view.state}`);
  return step;
}

/** Opens the hearing and walks the agenda with procedure.next until a step of the given type is current. */
async function walkTo(url: string, hearingId: string, type: StepType, view?: ProcedureView): Promise<ProcedureView> {
  let at = view ?? (await invoke(url, 'procedure.start', { hearingId }));
  while (current(at).type !== type) at = await invoke(url, 'procedure.next', { hearingId });
  return at;
}

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

async function text(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId);
  return (await locator.count()) === 0 ? '' : (await locator.first().innerText()).trim();
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

/** 2:58 → 178 seconds; −0:05 → −5. */
function seconds(clock: string): number {
  const match = /^(−?)(\d+):(\d\d)$/.exec(clock.trim());
  if (!match) throw new Error(`not a clock: ${clock}`);
  const value = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -value : value;
}

async function expectNoSecrets(page: Page): Promise<void> {
  const shown = await bodyText(page);
  for (const secret of secrets) expect(shown).not.toContain(secret);
}

describe('the chair’s view and the public display follow the hearing as the clerk runs it', () => {
  it('shows the step, the speaker, the clock, a break and the deliberation on both screens', async () => {
    const host = await session.host();
    const { hearingId, title, people: ids } = await readyHearing(host.url);
    const chair = await session.open(`${host.url}#/hearings/${hearingId}/chair`);
    const display = await session.open(`${host.url}#/display/${hearingId}`);

    // Before the opening: a calm message, and on the chair's screen the first step's words to read.
    await poll(() => text(chair, 'chair-empty')).toBe('听证尚未开始');
    expect(await text(chair, 'chair-script')).toContain('请记录员核对听证参加人的身份');
    expect(await text(chair, 'chair-state')).toBe('未开始');
    await poll(() => text(display, 'display-state')).toBe('听证即将开始');
    expect(await text(display, 'display-title')).toBe(title);
    expect(await text(display, 'display-organizer')).toBe('南宁市青秀区信访局');
    expect(await display.title()).toBe('公开显示屏');
    expect(await chair.title()).toBe('主持人视图');
    // The chair's screen is for reading: nothing on it changes the hearing.
    expect(await chair.getByRole('button').count()).toBe(0);

    // The clerk opens the hearing: the first step appears on both screens without a reload.
    let view = await invoke(host.url, 'procedure.start', { hearingId });
    await poll(() => text(chair, 'chair-step')).toBe('签到');
    await poll(() => text(display, 'display-step')).toBe('签到');
    expect(await text(chair, 'chair-state')).toBe('进行中');
    expect(await text(chair, 'chair-next')).toBe('下一环节：宣布听证纪律');

    view = await invoke(host.url, 'procedure.next', { hearingId });
    await poll(() => text(chair, 'chair-step')).toBe('宣布听证纪律');
    await poll(() => text(display, 'display-step')).toBe('宣布听证纪律');
    expect(await text(chair, 'chair-script')).toContain('每次发言一般不超过3分钟');

    // The petitioner's statement: 王建平 has the floor, two people wait.
    view = await walkTo(host.url, hearingId, 'partyStatement', view);
    const countable = view.steps.filter((step) => step.status !== 'skipped');
    const position = countable.findIndex((step) => step.id === view.currentStepId) + 1;
    await invoke(host.url, 'speakers.enqueue', { hearingId, participantId: ids['张志强'] as string });
    await invoke(host.url, 'speakers.enqueue', { hearingId, participantId: ids['陈立新'] as string });
    await invoke(host.url, 'speakers.giveFloor', { hearingId, participantId: ids['王建平'] as string, limitSeconds: 180 });

    await poll(() => text(display, 'display-speaker')).toBe('王建平');
    expect(await text(display, 'display-speaker-role')).toBe('信访人');
    expect(await text(display, 'display-step')).toBe('信访人陈述');
    expect(await text(display, 'display-position')).toBe(`第 ${position} 项 / 共 ${countable.length} 项`);
    await poll(() => text(chair, 'chair-speaker')).toBe('王建平');
    expect(await text(chair, 'chair-step')).toBe('信访人陈述');
    expect(await chair.getByRole('list', { name: '发言排队' }).innerText()).toMatch(/张志强[\s\S]*陈立新/);

    // The clock counts down on both screens.
    const displayClock = display.getByRole('timer');
    const chairClock = chair.getByRole('timer');
    const before = { display: seconds(await displayClock.innerText()), chair: seconds(await chairClock.innerText()) };
    expect(before.display).toBeLessThanOrEqual(180);
    expect(before.display).toBeGreaterThan(150);
    await display.waitForTimeout(1500);
    expect(seconds(await displayClock.innerText())).toBeLessThan(before.display);
    expect(seconds(await chairClock.innerText())).toBeLessThan(before.chair);

    await expectNoSecrets(display);
    await expectNoSecrets(chair);
    await captureForReadme(chair, 'chair-view');
    await captureForReadme(display, 'public-display');

    // A break: both screens say so; the chair's screen gives the reason.
    await invoke(host.url, 'procedure.adjourn', { hearingId, reason: '信访人身体不适，休息十分钟' });
    await poll(() => text(display, 'display-state')).toBe('休会中');
    expect(await text(display, 'display-speaker')).toBe('');
    await poll(() => text(chair, 'chair-state')).toBe('休会中');
    expect(await chair.getByRole('note').innerText()).toContain('信访人身体不适，休息十分钟');
    expect(await chair.getByText('已暂停').count()).toBeGreaterThan(0);

    await invoke(host.url, 'procedure.resume', { hearingId });
    await poll(() => text(display, 'display-step')).toBe('信访人陈述');
    await poll(() => text(chair, 'chair-state')).toBe('进行中');

    // The deliberation is private: the wall shows the title and 评议中, nothing else.
    view = await walkTo(host.url, hearingId, 'deliberation', view);
    await poll(() => text(display, 'display-state')).toBe('评议中');
    const wall = await bodyText(display);
    expect(wall).toContain(title);
    expect(wall).not.toContain(current(view).name['zh-CN']);
    expect(wall).not.toContain('信访人陈述');
    expect(await text(display, 'display-speaker')).toBe('');
    expect(await display.getByRole('timer').count()).toBe(0);
    await poll(() => text(chair, 'chair-state')).toBe('评议中');
    expect(await text(chair, 'chair-step')).toBe('休会评议');
    await expectNoSecrets(display);
  });

  it('keeps a non-public hearing’s title and full names off the wall, and translates a suspension for the chair', async () => {
    const host = await session.host();
    const { hearingId, title, people: ids } = await readyHearing(host.url, false);
    const display = await session.open(`${host.url}#/display/${hearingId}`);
    await poll(() => text(display, 'display-title')).toBe('不公开听证');
    expect(await bodyText(display)).not.toContain(title);

    await walkTo(host.url, hearingId, 'partyStatement');
    await invoke(host.url, 'speakers.giveFloor', { hearingId, participantId: ids['王建平'] as string, limitSeconds: 60 });
    await poll(() => text(display, 'display-speaker')).toBe('王某某');
    const wall = await bodyText(display);
    expect(wall).not.toContain('王建平');
    expect(wall).not.toContain(title);
    await expectNoSecrets(display);

    // The chair is recused mid-hearing: the core suspends it with a reason the screens translate.
    const chair = await session.open(`${host.url}#/hearings/${hearingId}/chair`);
    await poll(() => text(chair, 'chair-speaker')).toBe('王建平');
    const recusal = await invoke(host.url, 'recusal.apply', {
      hearingId,
      applicantId: ids['王建平'] as string,
      againstId: ids['刘明远'] as string,
      grounds: '主持人曾参与本信访事项的办理',
    });
    await invoke(host.url, 'recusal.decide', { recusalId: recusal.id, decision: 'granted', decidedBy: '李国华', reason: '申请理由成立' });
    await poll(() => text(chair, 'chair-state')).toBe('中止');
    expect(await chair.getByRole('note').innerText()).toContain('主持人回避，待确定新的主持人后继续');
    expect(await bodyText(chair)).not.toContain('i18n:');
    await poll(() => text(display, 'display-state')).toBe('听证中止');
  });
});
