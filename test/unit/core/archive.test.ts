import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveInput, ArchiveRow, Hearing, HearingCreateInput } from '../../../electron/core/contract/index.js';
import { liXiuyingHearing, wangJianpingHearing } from '../../fixtures/hearings.js';
import { requestsOfWang } from '../../fixtures/people.js';
import { fixedClock, openTestCore, refusal, type TestCore } from '../support/core.js';
import { advanceTo, deliberatedHearing, voteAll } from '../support/deliberation.js';
import { finalized, heldToTheEnd } from '../support/finalizable.js';
import { seatEveryone, type ReadyHearing } from '../support/hearing.js';

/**
 * One office's year, in one data folder: a finalized 信访 hearing and a closed
 * one (both concluded 解释说明), one whose panel split (部分支持), one whose blind
 * vote is still under way, two 检察 hearings (one at 复查 and past its hold-by
 * date), a 价格 hearing at 复核, and 李秀英's hearing still being prepared.
 */
const clock = fixedClock('2026-12-08T01:20:00.000Z');
let core: TestCore;
const ids: Record<string, string> = {};

const zhaoGuilan: HearingCreateInput = {
  matterNo: '青信访〔2026〕第0288号',
  title: '赵桂兰反映城中村改造安置房分配问题信访事项',
  templateId: 'petition',
  plannedStart: '2026-12-01T09:00',
  venue: '青秀区信访局三楼听证室',
  organizer: '南宁市青秀区信访局',
  isPublic: true,
  nonPublicReason: '',
};

const huangDeming: HearingCreateInput = {
  matterNo: '青信访〔2026〕第0355号',
  title: '黄德明不服津头街道拆迁补偿方案信访事项',
  templateId: 'petition',
  plannedStart: '2026-12-10T09:30',
  venue: '青秀区信访局三楼听证室',
  organizer: '南宁市青秀区信访局',
  isPublic: true,
  nonPublicReason: '',
};

const mengXiaoyun: HearingCreateInput = {
  matterNo: '青信访〔2026〕第0361号',
  title: '蒙晓云反映小区物业维修资金使用问题信访事项',
  templateId: 'petition',
  plannedStart: '2026-12-09T15:00',
  venue: '青秀区信访局二楼调解室',
  organizer: '南宁市青秀区信访局',
  isPublic: true,
  nonPublicReason: '',
};

/** Applied for on 1 September, planned for 30 November: past the 30 days within which it had to be held. */
const procuratorateReview: HearingCreateInput = {
  matterNo: '青检听〔2026〕9号',
  title: '韦某某不服不起诉决定申诉案公开听证',
  templateId: 'procuratorate',
  plannedStart: '2026-11-30T14:30',
  venue: '青秀区人民检察院听证室',
  organizer: '南宁市青秀区人民检察院',
  stage: 'review',
  applicationDate: '2026-09-01',
  isPublic: true,
  nonPublicReason: '',
};

const procuratorateHandling: HearingCreateInput = {
  matterNo: '青检听〔2026〕10号',
  title: '覃某某司法救助案公开听证',
  templateId: 'procuratorate',
  plannedStart: '2027-01-06T09:00',
  venue: '青秀区人民检察院听证室',
  organizer: '南宁市青秀区人民检察院',
  isPublic: true,
  nonPublicReason: '',
};

const pricing: HearingCreateInput = {
  matterNo: '南发改价听〔2026〕3号',
  title: '南宁市管道天然气居民用气价格调整听证会',
  templateId: 'pricing',
  plannedStart: '2027-01-12T09:00',
  venue: '南宁市发展和改革委员会第一会议室',
  organizer: '南宁市发展和改革委员会',
  stage: 'reexamination',
  isPublic: true,
  nonPublicReason: '',
};

/** A 信访 hearing with its requests entered and the whole cast seated and checked in, in the shared data folder. */
async function ready(input: HearingCreateInput): Promise<ReadyHearing> {
  const hearing = await core.ok('hearing.create', { ...input, agency: '青秀区住房和城乡建设局' });
  for (const text of requestsOfWang) await core.ok('request.add', { hearingId: hearing.id, text });
  const people = await seatEveryone(core, hearing.id);
  for (const person of Object.values(people)) await core.ok('attendance.checkIn', { participantId: person.id, late: false });
  return { core, hearing, people, clock };
}

async function create(input: HearingCreateInput): Promise<Hearing> {
  return core.ok('hearing.create', input);
}

async function archive(input: ArchiveInput = {}): Promise<ArchiveRow[]> {
  return core.ok('hearing.archive', input);
}

async function matterNos(input: ArchiveInput): Promise<string[]> {
  return (await archive(input)).map((row) => row.matterNo);
}

beforeAll(async () => {
  core = openTestCore(undefined, clock);
  ids['王建平'] = (await finalized(await ready(wangJianpingHearing))).finalization.hearingId;

  const closed = await ready(zhaoGuilan);
  await heldToTheEnd(closed);
  ids['赵桂兰'] = closed.hearing.id;

  const split = await ready(huangDeming);
  await deliberatedHearing(split);
  ids['黄德明'] = split.hearing.id;

  const voting = await ready(mengXiaoyun);
  await advanceTo(voting, 'deliberation');
  const deliberation = await core.ok('deliberation.open', { hearingId: voting.hearing.id, ballot: 'blind' });
  // Every request already has a majority for 支持, but 陆海峰 has yet to vote on the last one: the ballot is still secret.
  const [first, second, third] = deliberation.requests.map((request) => request.requestId) as [string, string, string];
  await voteAll(voting, first, ['support', 'support', 'reject', 'support', 'support']);
  await voteAll(voting, second, ['support', 'support', 'support', 'support', 'support']);
  await voteAll(voting, third, ['support', 'support', 'support', 'support']);
  ids['蒙晓云'] = voting.hearing.id;

  ids['韦某某'] = (await create(procuratorateReview)).id;
  ids['覃某某'] = (await create(procuratorateHandling)).id;
  ids['管道天然气'] = (await create(pricing)).id;
  clock.advance(60 * 60_000);
  const li = await create(liXiuyingHearing);
  ids['李秀英'] = li.id;
}, 120_000);

afterAll(() => core.close());

describe('hearing.archive: the columns', () => {
  it('lists every hearing, latest planned start first, with the deadlines hearing.list gives', async () => {
    const rows = await archive();
    const listed = await core.ok('hearing.list', {});
    expect(rows.map((row) => row.id)).toEqual(listed.map((hearing) => hearing.id));
    expect(rows.map((row) => row.deadlines)).toEqual(listed.map((hearing) => hearing.deadlines));
    expect(rows.map((row) => row.plannedStart)).toEqual([
      '2027-01-12T09:00',
      '2027-01-06T09:00',
      '2026-12-15T14:00',
      '2026-12-10T09:30',
      '2026-12-09T15:00',
      '2026-12-08T09:30',
      '2026-12-01T09:00',
      '2026-11-30T14:30',
    ]);
  });

  it('gives a finalized hearing its conclusion, finalizing time, requests, minutes and the times it sat', async () => {
    const row = (await archive()).find((candidate) => candidate.id === ids['王建平']);
    const finalization = await core.ok('record.finalization', { hearingId: ids['王建平'] as string });
    const minutes = await core.ok('minutes.list', { hearingId: ids['王建平'] as string });
    const procedure = await core.ok('procedure.view', { hearingId: ids['王建平'] as string });
    expect(row).toMatchObject({
      status: 'finalized',
      outcome: 'explain',
      outcomeName: { 'zh-CN': '作出解释说明', en: 'Explanation given' },
      finalizedAt: finalization?.finalizedAt,
      requestCount: requestsOfWang.length,
      entryCount: minutes.entries.length,
      actualStart: procedure.steps[0]?.startedAt,
      closedAt: procedure.stateSince,
    });
    expect(row?.entryCount).toBeGreaterThan(10);
    expect(row?.closedAt).not.toBeNull();
  });

  it('says 部分支持 (partial) when the panel supported some requests and not others', async () => {
    const row = (await archive()).find((candidate) => candidate.id === ids['黄德明']);
    const view = await core.ok('deliberation.view', { hearingId: ids['黄德明'] as string });
    expect(row).toMatchObject({ status: 'inProgress', outcome: 'partial', outcomeName: view.conclusionName, finalizedAt: null, closedAt: null });
    expect(row?.outcomeName?.['zh-CN']).toBe('部分支持');
  });

  it('keeps a blind vote still under way pending, never its running count', async () => {
    const row = (await archive()).find((candidate) => candidate.id === ids['蒙晓云']);
    expect(row).toMatchObject({ status: 'inProgress', outcome: 'pending', outcomeName: null });
  });

  it('leaves a hearing still in preparation without conclusion, times or minutes', async () => {
    const row = (await archive()).find((candidate) => candidate.id === ids['李秀英']);
    expect(row).toMatchObject({ status: 'preparing', outcome: null, finalizedAt: null, requestCount: 0, entryCount: 0, actualStart: null, closedAt: null });
  });
});

describe('hearing.outcomes', () => {
  it('offers every template’s outcomes once, the default template’s first', async () => {
    const outcomes = await core.ok('hearing.outcomes', {});
    expect(outcomes.map((outcome) => outcome.id)).toEqual(['support', 'explain', 'reject', 'agree', 'partlyAgree', 'disagree']);
    expect(outcomes[0]?.name).toEqual({ 'zh-CN': '予以支持', en: 'Supported' });
  });
});

describe('hearing.archive: the filter', () => {
  it('narrows by status', async () => {
    expect(await matterNos({ filter: { statuses: ['finalized', 'closed'] } })).toEqual(['青信访〔2026〕第0317号', '青信访〔2026〕第0288号']);
    expect(await matterNos({ filter: { statuses: ['inProgress'] } })).toEqual(['青信访〔2026〕第0355号', '青信访〔2026〕第0361号']);
  });

  it('narrows by type, the hearing’s template', async () => {
    expect(await matterNos({ filter: { templateIds: ['procuratorate', 'pricing'] } })).toEqual([
      '南发改价听〔2026〕3号',
      '青检听〔2026〕10号',
      '青检听〔2026〕9号',
    ]);
  });

  it('narrows by stage: 处理, 复查, 复核', async () => {
    expect(await matterNos({ filter: { stages: ['review'] } })).toEqual(['青检听〔2026〕9号']);
    expect(await matterNos({ filter: { stages: ['reexamination'] } })).toEqual(['南发改价听〔2026〕3号']);
    expect(await matterNos({ filter: { stages: ['handling'] } })).toHaveLength(6);
  });

  it('narrows by planned start, both ends of the range included', async () => {
    expect(await matterNos({ filter: { from: '2026-12-08', to: '2026-12-10' } })).toEqual([
      '青信访〔2026〕第0355号',
      '青信访〔2026〕第0361号',
      '青信访〔2026〕第0317号',
    ]);
    expect(await matterNos({ filter: { from: '2027-01-01' } })).toEqual(['南发改价听〔2026〕3号', '青检听〔2026〕10号']);
    expect(await matterNos({ filter: { to: '2026-11-30' } })).toEqual(['青检听〔2026〕9号']);
  });

  it('narrows by outcome: an outcome of the vocabulary, or the roll-up’s partial and pending', async () => {
    expect(await matterNos({ filter: { outcomes: ['explain'] } })).toEqual(['青信访〔2026〕第0317号', '青信访〔2026〕第0288号']);
    expect(await matterNos({ filter: { outcomes: ['partial', 'pending'] } })).toEqual(['青信访〔2026〕第0355号', '青信访〔2026〕第0361号']);
    expect(await matterNos({ filter: { outcomes: ['none'] } })).toEqual([]);
  });

  it('narrows by a part of the organizing body’s name', async () => {
    expect(await matterNos({ filter: { organizer: '检察院' } })).toEqual(['青检听〔2026〕10号', '青检听〔2026〕9号']);
    expect(await matterNos({ filter: { organizer: ' 发展和改革 ' } })).toEqual(['南发改价听〔2026〕3号']);
  });

  it('keeps only the overdue hearings, as hearing.list marks them', async () => {
    const rows = await archive({ filter: { overdueOnly: true } });
    expect(rows.map((row) => row.matterNo)).toEqual(['青检听〔2026〕9号']);
    expect(rows[0]?.deadlines).toMatchObject({ holdBy: '2026-10-01', overdue: ['holdBy', 'noticeBy'] });
  });

  it('applies every field together', async () => {
    const filter = { statuses: ['inProgress' as const], templateIds: ['petition'], stages: ['handling' as const], from: '2026-12-09', to: '2026-12-31' };
    expect(await matterNos({ filter: { ...filter, outcomes: ['partial'], organizer: '信访局' } })).toEqual(['青信访〔2026〕第0355号']);
    expect(await matterNos({ filter: { ...filter, outcomes: ['partial'], organizer: '信访局', overdueOnly: true } })).toEqual([]);
  });

  it('refuses a status or a stage it does not know', async () => {
    expect(await refusal(core, 'hearing.archive', { filter: { statuses: ['archived'] } })).toMatchObject({ code: 'validation' });
    expect(await refusal(core, 'hearing.archive', { filter: { stages: ['appeal'] } })).toMatchObject({ code: 'validation' });
    expect(await refusal(core, 'hearing.archive', { filter: { from: '2026/12/01' } })).toMatchObject({ code: 'validation' });
  });
});

describe('hearing.archive: the order', () => {
  it('sorts by planned start either way', async () => {
    const ascending = await archive({ sort: { by: 'plannedStart', direction: 'asc' } });
    expect(ascending.map((row) => row.plannedStart)).toEqual([...ascending.map((row) => row.plannedStart)].sort());
    expect(ascending[0]?.matterNo).toBe('青检听〔2026〕9号');
    expect((await archive({ sort: { by: 'plannedStart', direction: 'desc' } }))[0]?.matterNo).toBe('南发改价听〔2026〕3号');
  });

  it('sorts 文号 by their numbers, so 9号 comes before 10号', async () => {
    expect(await matterNos({ filter: { templateIds: ['procuratorate'] }, sort: { by: 'matterNo', direction: 'asc' } })).toEqual([
      '青检听〔2026〕9号',
      '青检听〔2026〕10号',
    ]);
    expect(await matterNos({ filter: { templateIds: ['petition'] }, sort: { by: 'matterNo', direction: 'desc' } })).toEqual([
      '青信访〔2026〕第0402号',
      '青信访〔2026〕第0361号',
      '青信访〔2026〕第0355号',
      '青信访〔2026〕第0317号',
      '青信访〔2026〕第0288号',
    ]);
  });

  it('sorts by status along the hearing’s course, ties latest planned start first', async () => {
    const rows = await archive({ sort: { by: 'status', direction: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual(['preparing', 'preparing', 'preparing', 'preparing', 'inProgress', 'inProgress', 'closed', 'finalized']);
    expect(rows.slice(0, 4).map((row) => row.plannedStart)).toEqual(['2027-01-12T09:00', '2027-01-06T09:00', '2026-12-15T14:00', '2026-11-30T14:30']);
    expect((await archive({ sort: { by: 'status', direction: 'desc' } }))[0]?.status).toBe('finalized');
  });

  it('sorts by finalizing time, the hearings not finalized last either way', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const rows = await archive({ sort: { by: 'finalizedAt', direction } });
      expect(rows[0]?.id).toBe(ids['王建平']);
      expect(rows.slice(1).every((row) => row.finalizedAt === null)).toBe(true);
    }
  });

  it('sorts by the last change, the hearing just edited first', async () => {
    clock.advance(60_000);
    const { templateId: _template, ...fields } = procuratorateReview;
    await core.ok('hearing.update', { hearingId: ids['韦某某'] as string, ...fields, venue: '青秀区人民检察院第二听证室' });
    const rows = await archive({ sort: { by: 'updatedAt', direction: 'desc' } });
    expect(rows[0]?.id).toBe(ids['韦某某']);
    expect(rows[1]?.id).toBe(ids['李秀英']);
    const times = rows.map((row) => row.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await archive({ sort: { by: 'updatedAt', direction: 'asc' } })).map((row) => row.updatedAt)).toEqual([...times].sort());
  });
});
