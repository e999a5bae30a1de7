import { afterEach, describe, expect, it } from 'vitest';
import type { Hearing } from '../../../electron/core/contract/index.js';
import { listHearingEvents } from '../../../electron/core/db/hearing-events.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { cast, requestsOfWang } from '../../fixtures/people.js';
import { fixedClock, openTestCore, type TestCore } from '../support/core.js';
import { seatEveryone } from '../support/hearing.js';

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function hearingWith(options: { clock?: ReturnType<typeof fixedClock> } = {}): Promise<{ core: TestCore; hearing: Hearing }> {
  const core = openTestCore(undefined, options.clock);
  cores.push(core);
  const hearing = await core.ok('hearing.create', { ...wangJianpingHearing, applicationDate: '2026-11-16', agency: '青秀区住房和城乡建设局' });
  return { core, hearing };
}

/** The editable facts of a hearing, as hearing.update takes them. */
function caseFieldsOf(hearing: Hearing) {
  const { matterNo, title, plannedStart, venue, organizer, agency, stage, applicationDate, isPublic, nonPublicReason } = hearing;
  return { hearingId: hearing.id, matterNo, title, plannedStart, venue, organizer, agency, stage, applicationDate, isPublic, nonPublicReason };
}

const refusal = async (core: TestCore, method: Parameters<TestCore['router']['invoke']>[0], input: unknown) => {
  const result = await core.router.invoke(method, input, { actor: 'test' });
  if (result.ok) throw new Error(`${String(method)} was accepted`);
  return result.error;
};

describe('requests (诉求)', () => {
  it('keeps several requests in order and renumbers them after a move or a removal', async () => {
    const { core, hearing } = await hearingWith();
    const added = [];
    for (const text of requestsOfWang) added.push(await core.ok('request.add', { hearingId: hearing.id, text }));
    expect(added.map((request) => request.position)).toEqual([1, 2, 3]);

    await core.ok('request.move', { requestId: added[2]?.id as string, position: 1 });
    expect((await core.ok('request.list', { hearingId: hearing.id })).map((request) => request.text)).toEqual([
      requestsOfWang[2],
      requestsOfWang[0],
      requestsOfWang[1],
    ]);

    await core.ok('request.remove', { requestId: added[0]?.id as string });
    expect((await core.ok('request.list', { hearingId: hearing.id })).map((request) => [request.position, request.text])).toEqual([
      [1, requestsOfWang[2]],
      [2, requestsOfWang[1]],
    ]);
  });

  it('refuses an empty request', async () => {
    const { core, hearing } = await hearingWith();
    expect(await refusal(core, 'request.add', { hearingId: hearing.id, text: '   ' })).toMatchObject({ code: 'validation' });
  });
});

describe('participants', () => {
  it('checks the 信访 rules while the roster is being built, and is satisfied by a complete panel', async () => {
    const { core, hearing } = await hearingWith();
    const keys = async () => (await core.ok('participant.list', { hearingId: hearing.id })).warnings.map((warning) => `${warning.key}:${warning.params.role}`);
    expect(await keys()).toEqual(expect.arrayContaining(['rules.tooFew:chair', 'rules.tooFew:panel', 'rules.tooFew:clerk', 'rules.tooFew:party']));

    await seatEveryone(core, hearing.id);
    expect(await keys()).toEqual([]);
  });

  it('warns about an even panel, a sixth representative and a third agent for one party', async () => {
    const { core, hearing } = await hearingWith();
    const added = await seatEveryone(core, hearing.id);
    await core.ok('participant.add', { hearingId: hearing.id, role: 'panel', name: '蒙小燕' });
    for (const name of ['韦德胜', '覃美玲', '蒙海涛']) await core.ok('participant.add', { hearingId: hearing.id, role: 'representative', name });
    for (const name of ['黎文斌', '罗晓光'])
      await core.ok('participant.add', { hearingId: hearing.id, role: 'agent', name, agentFor: added['王建平']?.id ?? null });
    const { warnings } = await core.ok('participant.list', { hearingId: hearing.id });
    expect(warnings).toEqual(
      expect.arrayContaining([
        { key: 'rules.mustBeOdd', params: { role: 'panel', count: 6 } },
        { key: 'rules.tooMany', params: { role: 'representative', max: 5, count: 6 } },
        { key: 'rules.tooManyPerParty', params: { role: 'agent', max: 2, count: 3, principal: '王建平' } },
      ]),
    );
  });

  it('masks ID number, phone and address in the list and shows them in full only to the edit form', async () => {
    const { core, hearing } = await hearingWith();
    const added = await core.ok('participant.add', { hearingId: hearing.id, ...cast.petitioner });
    const [listed] = (await core.ok('participant.list', { hearingId: hearing.id })).participants;
    expect(listed?.idNumberMasked).toBe(`${cast.petitioner.idNumber?.slice(0, 4)}**********${cast.petitioner.idNumber?.slice(-4)}`);
    expect(listed?.phoneMasked).toBe('138****2345');
    expect(JSON.stringify(listed)).not.toContain(cast.petitioner.idNumber);
    expect(JSON.stringify(listed)).not.toContain('13877112345');
    expect(JSON.stringify(listed)).not.toContain('3栋2单元501室');
    expect(await core.ok('participant.get', { participantId: added.id })).toMatchObject({ idNumber: cast.petitioner.idNumber, phone: '13877112345' });
  });

  it('derives the gender from the ID number when none is given, and refuses one that contradicts it', async () => {
    const { core, hearing } = await hearingWith();
    const added = await core.ok('participant.add', { hearingId: hearing.id, ...cast.petitioner, gender: '' });
    expect(added.gender).toBe('male');
    const error = await refusal(core, 'participant.add', { hearingId: hearing.id, ...cast.representatives[0], gender: 'male' });
    expect(error).toEqual({ code: 'validation', params: { issues: [{ path: 'gender', key: 'validation.genderMismatch', params: {} }] } });
  });

  it.each([
    [
      'a wrong check character',
      { idNumber: `${cast.petitioner.idNumber?.slice(0, 17)}${cast.petitioner.idNumber?.endsWith('1') ? '2' : '1'}` },
      'idNumber',
      'validation.idNumber',
    ],
    ['a malformed phone number', { phone: '12345' }, 'phone', 'validation.phone'],
    ['an empty name', { name: ' ' }, 'name', 'validation.required'],
  ])('refuses %s beside the field and stores nothing', async (_case, change, path, key) => {
    const { core, hearing } = await hearingWith();
    const error = await refusal(core, 'participant.add', { hearingId: hearing.id, ...cast.petitioner, ...change });
    expect(error.params.issues).toContainEqual(expect.objectContaining({ path, key }));
    expect((await core.ok('participant.list', { hearingId: hearing.id })).participants).toEqual([]);
  });

  it('refuses the same ID number twice within a hearing, but not across hearings', async () => {
    const { core, hearing } = await hearingWith();
    await core.ok('participant.add', { hearingId: hearing.id, ...cast.petitioner });
    const error = await refusal(core, 'participant.add', { hearingId: hearing.id, ...cast.petitioner, role: 'representative' });
    expect(error).toEqual({ code: 'validation', params: { issues: [{ path: 'idNumber', key: 'validation.duplicateIdNumber', params: {} }] } });
    const other = await core.ok('hearing.create', { ...wangJianpingHearing, matterNo: '青信访〔2026〕第0318号' });
    await core.ok('participant.add', { hearingId: other.id, ...cast.petitioner });
  });

  it('ties an agent to a party of the same hearing and refuses one without', async () => {
    const { core, hearing } = await hearingWith();
    const chair = await core.ok('participant.add', { hearingId: hearing.id, ...cast.chair });
    expect(await refusal(core, 'participant.add', { hearingId: hearing.id, ...cast.agent, agentFor: null })).toMatchObject({ code: 'validation' });
    expect(await refusal(core, 'participant.add', { hearingId: hearing.id, ...cast.agent, agentFor: chair.id })).toMatchObject({
      code: 'participant/agentForInvalid',
    });
  });

  it('refuses a role the template does not have', async () => {
    const { core } = await hearingWith();
    const penalty = await core.ok('hearing.create', { ...wangJianpingHearing, templateId: 'administrative-penalty' });
    expect(await refusal(core, 'participant.add', { hearingId: penalty.id, role: 'representative', name: '李秀英' })).toMatchObject({
      code: 'participant/roleNotInTemplate',
    });
  });

  it('keeps a person who has a check-in on record', async () => {
    const { core, hearing } = await hearingWith();
    const petitioner = await core.ok('participant.add', { hearingId: hearing.id, ...cast.petitioner });
    await core.ok('attendance.checkIn', { participantId: petitioner.id, late: false });
    expect(await refusal(core, 'participant.remove', { participantId: petitioner.id })).toEqual({ code: 'participant/hasRecords', params: { name: '王建平' } });
  });
});

describe('check-in (签到)', () => {
  it('records arrivals with their time, absences with reasons, and summarises by role', async () => {
    const clock = fixedClock('2026-12-08T01:20:00.000Z');
    const { core, hearing } = await hearingWith({ clock });
    const people = await seatEveryone(core, hearing.id);
    for (const person of Object.values(people)) {
      if (person.name === '陈桂兰' || person.name === '张德明') continue;
      await core.ok('attendance.checkIn', { participantId: person.id, late: false });
    }
    clock.advance(12 * 60_000);
    await core.ok('attendance.checkIn', { participantId: people['张德明']?.id as string, late: true });
    await core.ok('attendance.markAbsent', { participantId: people['陈桂兰']?.id as string, reason: '', excused: false });
    await core.ok('attendance.verifyIdentity', { participantId: people['王建平']?.id as string, checkedBy: '赵敏' });

    const summary = await core.ok('attendance.summary', { hearingId: hearing.id });
    expect(summary.byRole.find((row) => row.role === 'representative')).toEqual({
      role: 'representative',
      expected: 3,
      present: 1,
      late: 1,
      absent: 1,
      left: 0,
      pending: 0,
    });
    expect(summary.byRole.find((row) => row.role === 'panel')).toMatchObject({ expected: 5, present: 5 });
    expect(summary.absentWithoutReason).toEqual([people['陈桂兰']?.id]);
    expect(summary.identityUnchecked).not.toContain(people['王建平']?.id);

    const [petitioner] = (await core.ok('participant.list', { hearingId: hearing.id })).participants.filter((person) => person.name === '王建平');
    expect(petitioner?.attendance).toMatchObject({ status: 'present', arrivedAt: '2026-12-08T01:20:00.000Z', identityCheckedBy: '赵敏' });
  });

  it('does not flag an excused absence as a possible waiver', async () => {
    const { core, hearing } = await hearingWith();
    const petitioner = await core.ok('participant.add', { hearingId: hearing.id, ...cast.petitioner });
    await core.ok('attendance.markAbsent', { participantId: petitioner.id, reason: '住院治疗，提交了医院证明', excused: true });
    expect((await core.ok('attendance.summary', { hearingId: hearing.id })).absentWithoutReason).toEqual([]);
  });

  it('writes each check-in as an event for the minutes', async () => {
    const { core, hearing } = await hearingWith();
    const petitioner = await core.ok('participant.add', { hearingId: hearing.id, ...cast.petitioner });
    await core.ok('attendance.checkIn', { participantId: petitioner.id, late: true });
    expect(listHearingEvents(core.db, hearing.id)).toEqual([
      expect.objectContaining({ kind: 'attendance.checkedIn', data: { participantId: petitioner.id, name: '王建平', role: 'party', late: true } }),
    ]);
  });

  it('refuses an early leave for someone who never arrived', async () => {
    const { core, hearing } = await hearingWith();
    const petitioner = await core.ok('participant.add', { hearingId: hearing.id, ...cast.petitioner });
    expect(await refusal(core, 'attendance.markLeft', { participantId: petitioner.id })).toMatchObject({ code: 'attendance/notCheckedIn' });
  });
});

describe('recusal (回避)', () => {
  it('records a refused application and its decision, and the member keeps the seat', async () => {
    const { core, hearing } = await hearingWith();
    const people = await seatEveryone(core, hearing.id);
    const applied = await core.ok('recusal.apply', {
      hearingId: hearing.id,
      applicantId: people['王建平']?.id as string,
      againstId: people['韦建国']?.id as string,
      grounds: '韦建国律师曾担任东城街道的法律顾问，可能影响公正听证。',
    });
    const decided = await core.ok('recusal.decide', {
      recusalId: applied.id,
      decision: 'refused',
      decidedBy: '刘明远',
      reason: '经核实，韦建国未曾担任东城街道法律顾问，申请理由不成立。',
    });
    expect(decided).toMatchObject({ decision: 'refused', decidedBy: '刘明远' });
    const panel = (await core.ok('participant.list', { hearingId: hearing.id })).participants.find((person) => person.name === '韦建国');
    expect(panel?.recused).toBe(false);
    expect(listHearingEvents(core.db, hearing.id).map((event) => event.kind)).toEqual(['recusal.applied', 'recusal.decided']);
  });

  it('takes a granted recusal out of the count, so a recused chair leaves the hearing without one', async () => {
    const { core, hearing } = await hearingWith();
    const people = await seatEveryone(core, hearing.id);
    const applied = await core.ok('recusal.apply', {
      hearingId: hearing.id,
      applicantId: people['张志强']?.id as string,
      againstId: people['刘明远']?.id as string,
      grounds: '主持人系本案原承办人。',
    });
    await core.ok('recusal.decide', {
      recusalId: applied.id,
      decision: 'granted',
      decidedBy: '青秀区信访局局长 韦国强',
      reason: '主持人曾参与原处理，依规回避。',
    });
    const list = await core.ok('participant.list', { hearingId: hearing.id });
    expect(list.participants.find((person) => person.name === '刘明远')?.recused).toBe(true);
    expect(list.warnings).toContainEqual({ key: 'rules.tooFew', params: { role: 'chair', min: 1, count: 0 } });
  });

  it('refuses an application against a party, by the clerk, and a second decision', async () => {
    const { core, hearing } = await hearingWith();
    const people = await seatEveryone(core, hearing.id);
    const against = { hearingId: hearing.id, grounds: '理由' };
    expect(await refusal(core, 'recusal.apply', { ...against, applicantId: people['王建平']?.id, againstId: people['陈立新']?.id })).toMatchObject({
      code: 'recusal/invalidTarget',
    });
    expect(await refusal(core, 'recusal.apply', { ...against, applicantId: people['赵敏']?.id, againstId: people['黄志刚']?.id })).toMatchObject({
      code: 'recusal/invalidApplicant',
    });
    const applied = await core.ok('recusal.apply', { ...against, applicantId: people['王建平']?.id as string, againstId: people['黄志刚']?.id as string });
    await core.ok('recusal.decide', { recusalId: applied.id, decision: 'refused', decidedBy: '刘明远', reason: '理由不成立' });
    expect(await refusal(core, 'recusal.decide', { recusalId: applied.id, decision: 'granted', decidedBy: '刘明远', reason: '改变决定' })).toMatchObject({
      code: 'recusal/alreadyDecided',
    });
  });
});

describe('the case and its deadlines', () => {
  it('computes the 信访 deadlines from the application date, counting working days past a weekend', async () => {
    const { hearing } = await hearingWith();
    // Applied on Monday 16 November 2026: 5 working days → Monday 23 November; 30 calendar days → 16 December.
    expect(hearing.deadlines).toMatchObject({ decideBy: '2026-11-23', holdBy: '2026-12-16', noticeBy: '2026-12-01' });
  });

  it('counts the office holidays it is given', async () => {
    const { core, hearing } = await hearingWith();
    await core.ok('calendar.set', { date: '2026-11-20', kind: 'holiday', name: '市级调休' });
    expect((await core.ok('hearing.get', { hearingId: hearing.id })).deadlines.decideBy).toBe('2026-11-24');
  });

  it('flags a hearing planned after its hold-by date', async () => {
    const { core, hearing } = await hearingWith();
    const late = await core.ok('hearing.update', { ...caseFieldsOf(hearing), plannedStart: '2026-12-28T09:30' });
    expect(late.deadlines.overdue).toContain('holdBy');
  });

  it('lets each number be changed for one hearing', async () => {
    const { core, hearing } = await hearingWith();
    const rules = await core.ok('hearing.setRules', {
      hearingId: hearing.id,
      overrides: { roles: { panel: { min: 5 } }, deadlines: { noticeBeforeHearing: { days: 10, unit: 'working' } }, speakingMinutes: 5 },
    });
    expect(rules.effective.roles.find((role) => role.kind === 'panel')).toMatchObject({ min: 5, odd: true });
    expect(rules.effective.speakingMinutes).toBe(5);
    expect((await core.ok('hearing.get', { hearingId: hearing.id })).deadlines.noticeBy).toBe('2026-11-24');
  });

  it('refuses impossible counts and keeps the rules as they were', async () => {
    const { core, hearing } = await hearingWith();
    const error = await refusal(core, 'hearing.setRules', { hearingId: hearing.id, overrides: { roles: { representative: { min: 3, max: 2 } } } });
    expect(error).toEqual({
      code: 'validation',
      params: { issues: [{ path: 'overrides.roles.representative.max', key: 'validation.maxBelowMin', params: { min: 3, max: 2 } }] },
    });
    expect(await refusal(core, 'hearing.setRules', { hearingId: hearing.id, overrides: { roles: { panel: { min: -1 } } } })).toMatchObject({
      code: 'validation',
    });
    expect((await core.ok('hearing.rules', { hearingId: hearing.id })).overrides).toEqual({});
  });

  it('records which fields a correction changed in the audit trail', async () => {
    const { core, hearing } = await hearingWith();
    await core.ok('hearing.update', { ...caseFieldsOf(hearing), venue: '青秀区信访局一楼大听证室' });
    const last = core.db.prepare("SELECT detail FROM audit_log WHERE action = 'hearing.update'").pluck().get() as string;
    expect(JSON.parse(last)).toMatchObject({ fields: ['venue'] });
    expect(core.auditStatus()).toMatchObject({ intact: true });
  });

  it('refuses every change to a finalized hearing', async () => {
    const { core, hearing } = await hearingWith();
    core.db.prepare("UPDATE hearings SET status = 'finalized' WHERE id = ?").run(hearing.id);
    expect(await refusal(core, 'request.add', { hearingId: hearing.id, text: '补充诉求' })).toMatchObject({ code: 'hearing/locked' });
    expect(await refusal(core, 'participant.add', { hearingId: hearing.id, ...cast.petitioner })).toMatchObject({ code: 'hearing/locked' });
  });
});
