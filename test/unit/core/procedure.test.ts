import { describe, expect, it } from 'vitest';
import type { ProcedureAction, ProcedureState, ProcedureView } from '../../../electron/core/contract/index.js';
import { procedureActions, procedureStates } from '../../../electron/core/contract/index.js';
import { listHearingEvents } from '../../../electron/core/db/hearing-events.js';
import { cast } from '../../fixtures/people.js';
import { openTestCore, refusal, type TestCore } from '../support/core.js';
import { useReadyHearings, type ReadyHearing } from '../support/hearing.js';

const { ready, opened } = useReadyHearings();

const current = (view: ProcedureView) => view.steps.find((step) => step.id === view.currentStepId);

/** Walks from the start to the first step of a type, reading the discipline on the way. */
async function advanceTo(core: TestCore, hearingId: string, type: string): Promise<ProcedureView> {
  let view = await core.ok('procedure.view', { hearingId });
  if (view.state === 'notStarted') view = await core.ok('procedure.start', { hearingId });
  while (current(view)?.type !== type) view = await core.ok('procedure.next', { hearingId });
  return view;
}

describe('the procedure of a 信访 hearing', () => {
  it('runs every default step in order from the check-in to the close, with timestamps and planned against actual time', async () => {
    const { core, hearing, clock } = await ready();
    let view = await core.ok('procedure.start', { hearingId: hearing.id });
    expect(view.state).toBe('inProgress');
    const visited: string[] = [];
    for (;;) {
      visited.push(current(view)?.type ?? '');
      clock.advance(60_000);
      if (view.steps.every((step) => step.status !== 'pending')) break;
      view = await core.ok('procedure.next', { hearingId: hearing.id });
      if (current(view)?.type === 'deliberation') expect(view.state).toBe('deliberating');
      if (current(view)?.type === 'resumption') expect(view.state).toBe('inProgress');
    }
    view = await core.ok('procedure.close', { hearingId: hearing.id });
    expect(view.state).toBe('closed');
    expect(visited).toEqual(view.steps.map((step) => step.type));
    expect(visited[0]).toBe('checkIn');
    expect(visited.at(-1)).toBe('closing');
    expect(view.steps.every((step) => step.status === 'done' && step.startedAt && step.endedAt && step.actualMs === 60_000)).toBe(true);
    expect((await core.ok('hearing.get', { hearingId: hearing.id })).status).toBe('closed');
    expect(core.auditStatus()).toMatchObject({ intact: true });
  });

  it('leaves the non-public notice out of a public hearing and keeps it in a closed one', async () => {
    const open = await ready();
    const closed = await ready({ isPublic: false });
    const types = async (setup: ReadyHearing) => (await setup.core.ok('procedure.view', { hearingId: setup.hearing.id })).steps.map((step) => step.type);
    expect(await types(open)).not.toContain('nonPublicNotice');
    expect(await types(closed)).toContain('nonPublicNotice');
  });

  it('fills the presiding officer’s script with this hearing’s names, numbers and times', async () => {
    const { core, hearing } = await ready();
    const view = await core.ok('procedure.view', { hearingId: hearing.id });
    const opening = view.steps.find((step) => step.type === 'opening');
    expect(opening?.script['zh-CN']).toContain('南宁市青秀区信访局');
    expect(opening?.script['zh-CN']).toContain('王建平不服东城街道房屋征收补偿决定信访事项');
    const introductions = view.steps.find((step) => step.type === 'introductions');
    expect(introductions?.script['zh-CN']).toContain('刘明远');
    expect(introductions?.script['zh-CN']).toContain('黄志刚、梁秀英、韦建国、覃丽华、陆海峰');
    for (const step of view.steps) expect(step.script['zh-CN'], step.name['zh-CN']).not.toMatch(/\{\{|〔[a-zA-Z]+〕/);
  });

  it('writes every transition as an event for the minutes', async () => {
    const { core, hearing } = await ready();
    await core.ok('procedure.start', { hearingId: hearing.id });
    await core.ok('procedure.adjourn', { hearingId: hearing.id, reason: '信访人身体不适' });
    await core.ok('procedure.resume', { hearingId: hearing.id });
    const kinds = listHearingEvents(core.db, hearing.id)
      .map((event) => event.kind)
      .filter((kind) => !kind.startsWith('attendance'));
    expect(kinds).toEqual(['procedure.started', 'step.started', 'procedure.adjourned', 'procedure.resumed']);
  });
});

describe('preconditions of the opening', () => {
  it('refuses to open without the discipline read, naming what is missing', async () => {
    const { core, hearing } = await ready();
    const view = await core.ok('procedure.start', { hearingId: hearing.id });
    const discipline = view.steps.find((step) => step.type === 'discipline');
    await core.ok('agenda.skip', { hearingId: hearing.id, stepId: discipline?.id as string, reason: '已书面告知' });
    const error = await refusal(core, 'procedure.next', { hearingId: hearing.id });
    expect(error).toEqual({
      code: 'procedure/preconditionsFailed',
      params: { issues: [{ path: 'discipline', key: 'preconditions.disciplineNotRead', params: {} }] },
    });
  });

  it('refuses to open while the chair has not checked in or the panel is short', async () => {
    const { core, hearing, people } = await ready();
    await core.ok('attendance.reset', { participantId: people['刘明远']?.id as string });
    await core.ok('participant.update', { participantId: people['陆海峰']?.id as string, ...cast.panel[4]!, role: 'observer' });
    await advanceTo(core, hearing.id, 'discipline');
    const error = await refusal(core, 'procedure.next', { hearingId: hearing.id });
    expect((error.params.issues as { key: string }[]).map((issue) => issue.key)).toEqual(['preconditions.rules', 'preconditions.chairAbsent']);
  });
});

describe('illegal transitions', () => {
  /** Brings a fresh hearing into each state by the legal route. */
  async function inState(state: ProcedureState): Promise<ReadyHearing> {
    const setup = await ready();
    const hearingId = setup.hearing.id;
    const { core } = setup;
    if (state === 'notStarted') return setup;
    if (state === 'postponed') {
      await core.ok('procedure.postpone', { hearingId, reason: '信访人申请回避，需另行指定听证员' });
      return setup;
    }
    if (state === 'deliberating') {
      await advanceTo(core, hearingId, 'deliberation');
      return setup;
    }
    await core.ok('procedure.start', { hearingId });
    if (state === 'adjourned') await core.ok('procedure.adjourn', { hearingId, reason: '' });
    if (state === 'suspended') await core.ok('procedure.suspend', { hearingId, reason: '需调取补充证据' });
    if (state === 'closed') {
      const view = await advanceTo(core, hearingId, 'closing');
      expect(view.state).toBe('inProgress');
      await core.ok('procedure.close', { hearingId });
    }
    return setup;
  }

  const legal: Record<ProcedureAction, ProcedureState[]> = {
    start: ['notStarted'],
    next: ['inProgress', 'deliberating'],
    adjourn: ['inProgress'],
    suspend: ['inProgress', 'adjourned', 'deliberating'],
    postpone: ['notStarted', 'inProgress', 'adjourned', 'suspended'],
    resume: ['adjourned', 'suspended', 'postponed'],
    close: ['inProgress'],
  };
  const illegal = procedureActions.flatMap((action) =>
    procedureStates.filter((state) => !legal[action].includes(state)).map((state) => [action, state] as const),
  );

  it.each(illegal)('refuses %s while %s, changing nothing', async (action, state) => {
    const { core, hearing } = await inState(state);
    const before = await core.ok('procedure.view', { hearingId: hearing.id });
    const input = ['suspend', 'postpone'].includes(action) ? { hearingId: hearing.id, reason: '理由' } : { hearingId: hearing.id };
    expect(await refusal(core, `procedure.${action}`, input)).toEqual({ code: 'procedure/illegalTransition', params: { action, state } });
    expect(await core.ok('procedure.view', { hearingId: hearing.id })).toEqual(before);
  });

  it('refuses to close while steps remain', async () => {
    const { core, hearing } = await inState('inProgress');
    expect(await refusal(core, 'procedure.close', { hearingId: hearing.id })).toMatchObject({ code: 'procedure/stepsRemaining' });
  });

  it('requires a reason to suspend or postpone', async () => {
    const { core, hearing } = await inState('inProgress');
    expect(await refusal(core, 'procedure.suspend', { hearingId: hearing.id, reason: ' ' })).toMatchObject({ code: 'validation' });
  });
});

describe('breaks and their clocks', () => {
  it('stops the step and the speaker’s clock during 休会 and carries on after 复会', async () => {
    const { core, hearing, people, clock } = await ready();
    await advanceTo(core, hearing.id, 'partyStatement');
    await core.ok('speakers.giveFloor', { hearingId: hearing.id, participantId: people['王建平']?.id });
    clock.advance(40_000);
    await core.ok('procedure.adjourn', { hearingId: hearing.id, reason: '信访人身体不适，休息十分钟' });
    clock.advance(10 * 60_000);
    let view = await core.ok('procedure.view', { hearingId: hearing.id });
    expect(view.speech).toMatchObject({ elapsedMs: 40_000, runningSince: null });
    expect(current(view)?.actualMs).toBe(40_000);
    await core.ok('procedure.resume', { hearingId: hearing.id });
    await core.ok('speakers.resumeClock', { hearingId: hearing.id });
    clock.advance(5_000);
    view = await core.ok('procedure.view', { hearingId: hearing.id });
    expect(current(view)?.actualMs).toBe(45_000);
    expect(view.totals.byPerson).toEqual([{ participantId: people['王建平']?.id, name: '王建平', side: 'petitioner', spokenMs: 45_000, turns: 1 }]);
  });

  it('suspends the hearing when the chair is recused, and resumes only once a chair is present', async () => {
    const { core, hearing, people } = await ready();
    await advanceTo(core, hearing.id, 'recusal');
    const applied = await core.ok('recusal.apply', {
      hearingId: hearing.id,
      applicantId: people['张志强']?.id as string,
      againstId: people['刘明远']?.id as string,
      grounds: '主持人系原承办人',
    });
    await core.ok('recusal.decide', { recusalId: applied.id, decision: 'granted', decidedBy: '青秀区信访局局长 韦国强', reason: '依规回避' });
    expect((await core.ok('procedure.view', { hearingId: hearing.id })).state).toBe('suspended');
    expect(await refusal(core, 'procedure.resume', { hearingId: hearing.id })).toMatchObject({ code: 'procedure/preconditionsFailed' });
    const chair = await core.ok('participant.add', {
      hearingId: hearing.id,
      role: 'chair',
      name: '黎振华',
      organization: '南宁市青秀区信访局',
      post: '局长助理',
    });
    await core.ok('attendance.checkIn', { participantId: chair.id, late: false });
    expect((await core.ok('procedure.resume', { hearingId: hearing.id })).state).toBe('inProgress');
  });
});

describe('the agenda can be changed before and during the hearing', () => {
  it('skips a step with its reason, moves a pending one and adds the chair’s own', async () => {
    const { core, hearing } = await ready();
    let view = await advanceTo(core, hearing.id, 'opening');
    const questions = view.steps.find((step) => step.type === 'questions');
    const debate = view.steps.find((step) => step.type === 'debate');
    view = await core.ok('agenda.move', { hearingId: hearing.id, stepId: questions?.id as string, position: debate?.position as number });
    expect(view.steps.findIndex((step) => step.type === 'questions')).toBeLessThan(view.steps.findIndex((step) => step.type === 'debate'));
    view = await core.ok('agenda.skip', { hearingId: hearing.id, stepId: debate?.id as string, reason: '双方均表示无新的辩论意见' });
    expect(view.steps.find((step) => step.id === debate?.id)).toMatchObject({ status: 'skipped', skipReason: '双方均表示无新的辩论意见' });
    view = await core.ok('agenda.add', {
      hearingId: hearing.id,
      name: '现场勘验情况说明',
      plannedMinutes: 10,
      script: '下面请记录员宣读现场勘验笔录。',
      position: 6,
    });
    expect(view.steps[5]).toMatchObject({ name: { 'zh-CN': '现场勘验情况说明' }, status: 'pending', type: 'other' });
    expect(view.steps.map((step) => step.position)).toEqual(view.steps.map((_, index) => index + 1));
  });

  it('refuses to put a step before one that has already run, or to skip one that ran', async () => {
    const { core, hearing } = await ready();
    const view = await advanceTo(core, hearing.id, 'opening');
    const debate = view.steps.find((step) => step.type === 'debate');
    expect(await refusal(core, 'agenda.move', { hearingId: hearing.id, stepId: debate?.id, position: 1 })).toMatchObject({ code: 'agenda/positionPassed' });
    expect(await refusal(core, 'agenda.skip', { hearingId: hearing.id, stepId: view.steps[0]?.id, reason: '无' })).toMatchObject({
      code: 'agenda/stepNotPending',
    });
  });
});

describe('speakers and the speaking clock', () => {
  it('gives the floor to the next in the queue with the template’s three minutes, and counts time by person and side', async () => {
    const { core, hearing, people, clock } = await ready();
    await advanceTo(core, hearing.id, 'partyStatement');
    await core.ok('speakers.enqueue', { hearingId: hearing.id, participantId: people['王建平']?.id as string });
    await core.ok('speakers.enqueue', { hearingId: hearing.id, participantId: people['陈立新']?.id as string });
    let view = await core.ok('speakers.giveFloor', { hearingId: hearing.id });
    expect(view.speech).toMatchObject({ name: '王建平', side: 'petitioner', limitMs: 180_000, warningMs: 30_000, elapsedMs: 0 });
    expect(view.queue.map((entry) => entry.name)).toEqual(['陈立新']);
    clock.advance(200_000);
    view = await core.ok('speakers.giveFloor', { hearingId: hearing.id, limitSeconds: 300 });
    expect(view.speech).toMatchObject({ name: '陈立新', side: 'agency', limitMs: 300_000 });
    clock.advance(60_000);
    view = await core.ok('speakers.endSpeech', { hearingId: hearing.id });
    expect(view.speech).toBeNull();
    expect(view.totals.bySide.filter((side) => ['petitioner', 'agency'].includes(side.side))).toEqual([
      { side: 'petitioner', spokenMs: 200_000, budgetMs: null },
      { side: 'agency', spokenMs: 60_000, budgetMs: null },
    ]);
    const floor = listHearingEvents(core.db, hearing.id).filter((event) => event.kind.startsWith('floor'));
    expect(floor.map((event) => [event.kind, event.data.name])).toEqual([
      ['floor.given', '王建平'],
      ['floor.ended', '王建平'],
      ['floor.given', '陈立新'],
      ['floor.ended', '陈立新'],
    ]);
  });

  it('pauses, resumes and re-limits the clock, and keeps side budgets', async () => {
    const { core, hearing, people, clock } = await ready();
    await advanceTo(core, hearing.id, 'partyStatement');
    await core.ok('speakers.setBudgets', { hearingId: hearing.id, petitionerSeconds: 900, agencySeconds: 900 });
    await core.ok('speakers.giveFloor', { hearingId: hearing.id, participantId: people['王建平']?.id });
    clock.advance(30_000);
    await core.ok('speakers.pauseClock', { hearingId: hearing.id });
    clock.advance(30_000);
    await core.ok('speakers.setLimit', { hearingId: hearing.id, limitSeconds: 600 });
    await core.ok('speakers.resumeClock', { hearingId: hearing.id });
    clock.advance(10_000);
    const view = await core.ok('procedure.view', { hearingId: hearing.id });
    expect(view.speech).toMatchObject({ limitMs: 600_000, elapsedMs: 30_000, runningSince: clock.now(-10_000).toISOString() });
    expect(view.totals.bySide.find((side) => side.side === 'petitioner')).toEqual({ side: 'petitioner', spokenMs: 40_000, budgetMs: 900_000 });
  });

  it('refuses the floor to an observer, a second place in the queue, and speeches during 评议', async () => {
    const { core, hearing, people } = await ready();
    const observer = await core.ok('participant.add', { hearingId: hearing.id, role: 'observer', name: '旁听群众甲' });
    await advanceTo(core, hearing.id, 'partyStatement');
    expect(await refusal(core, 'speakers.enqueue', { hearingId: hearing.id, participantId: observer.id })).toMatchObject({ code: 'speakers/cannotSpeak' });
    await core.ok('speakers.enqueue', { hearingId: hearing.id, participantId: people['王建平']?.id as string });
    expect(await refusal(core, 'speakers.enqueue', { hearingId: hearing.id, participantId: people['王建平']?.id })).toMatchObject({
      code: 'speakers/alreadyQueued',
    });
    await advanceTo(core, hearing.id, 'deliberation');
    expect(await refusal(core, 'speakers.giveFloor', { hearingId: hearing.id })).toMatchObject({ code: 'speakers/notInSession' });
  });

  it('reopens after a restart on the same step with the same remaining time', async () => {
    const { core, hearing, people, clock } = await ready();
    await advanceTo(core, hearing.id, 'partyStatement');
    await core.ok('speakers.giveFloor', { hearingId: hearing.id, participantId: people['王建平']?.id });
    clock.advance(75_000);
    const before = await core.ok('procedure.view', { hearingId: hearing.id });
    core.close();
    opened.splice(opened.indexOf(core), 1);
    const again = openTestCore(core.dataDir, clock);
    opened.push(again);
    const after = await again.ok('procedure.view', { hearingId: hearing.id });
    expect(after.currentStepId).toBe(before.currentStepId);
    expect(after.speech).toEqual(before.speech);
    const remaining = (view: ProcedureView) =>
      (view.speech?.limitMs ?? 0) - (view.speech?.elapsedMs ?? 0) - (Date.parse(view.serverNow) - Date.parse(view.speech?.runningSince ?? view.serverNow));
    expect(remaining(after)).toBe(105_000);
  });
});

describe('the public display', () => {
  it('shows the step, the speaker and the clock, and nothing of anyone’s identity', async () => {
    const { core, hearing, people } = await ready();
    await advanceTo(core, hearing.id, 'partyStatement');
    await core.ok('speakers.giveFloor', { hearingId: hearing.id, participantId: people['王建平']?.id });
    const display = await core.ok('display.view', { hearingId: hearing.id });
    expect(display).toMatchObject({ title: hearing.title, state: 'inProgress', speaker: { name: '王建平', roleName: { 'zh-CN': '信访人' } } });
    expect(display.step?.name['zh-CN']).toBe(current(await core.ok('procedure.view', { hearingId: hearing.id }))?.name['zh-CN']);
    const text = JSON.stringify(display);
    for (const person of [cast.petitioner, ...cast.representatives]) {
      expect(text).not.toContain(person.idNumber);
      if (person.phone) expect(text).not.toContain(person.phone);
    }
    expect(text).not.toContain('东葛路118号');
  });

  it('hides the title and full names of a closed (不公开) hearing, and shows only 评议中 while the panel deliberates', async () => {
    const { core, hearing, people } = await ready({ isPublic: false });
    await advanceTo(core, hearing.id, 'partyStatement');
    await core.ok('speakers.giveFloor', { hearingId: hearing.id, participantId: people['王建平']?.id });
    const display = await core.ok('display.view', { hearingId: hearing.id });
    expect(display.title).toBe('');
    expect(display.speaker?.name).toBe('王某某');
    await advanceTo(core, hearing.id, 'deliberation');
    expect(await core.ok('display.view', { hearingId: hearing.id })).toMatchObject({ state: 'deliberating', step: null, speaker: null, clock: null });
  });
});

describe('a hearing created before the procedure existed', () => {
  it('gets its agenda from the template when it starts', async () => {
    const { core, hearing } = await ready();
    core.db.prepare('DELETE FROM agenda_steps WHERE hearing_id = ?').run(hearing.id);
    expect((await core.ok('procedure.view', { hearingId: hearing.id })).steps).toEqual([]);
    const view = await core.ok('procedure.start', { hearingId: hearing.id });
    expect(view.steps.length).toBeGreaterThan(10);
    expect(current(view)?.type).toBe('checkIn');
  });
});
