import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../electron/core/contract/index.js';
import { refusal, type TestCore } from '../support/core.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { heldToTheEnd, signaturePng, signatureStrokes, signEveryone } from '../support/finalizable.js';
import { readyHearing, type ReadyHearing } from '../support/hearing.js';

/**
 * Every mutation the contract declares is refused on a finalized hearing
 * (issue 8). The methods come from the contract; for each, a valid call
 * against the finalized hearing is needed, and the first test fails for a
 * new method until one is written here, so none slips past the lock.
 */

let setup: ReadyHearing;
let ids: Record<string, string | number>;

beforeAll(async () => {
  setup = await readyHearing();
  const hearingId = setup.hearing.id;
  await heldToTheEnd(setup);
  const spoken = (await setup.core.ok('minutes.list', { hearingId })).entries.find((entry) => entry.kind === 'speech')!;
  const correction = await setup.core.ok('minutes.requestCorrection', {
    entryId: spoken.id,
    requestedBy: setup.people['王建平']!.id,
    start: 0,
    passage: '我',
    proposedText: '本人',
  });
  await setup.core.ok('minutes.decideCorrection', { correctionId: correction.id, decision: 'refused', reason: '与录音一致' });
  await signEveryone(setup);
  await setup.core.ok('record.finalize', { hearingId });
  const exhibits = await setup.core.ok('evidence.list', { hearingId });
  const requests = await setup.core.ok('request.list', { hearingId });
  const { entries } = await setup.core.ok('minutes.list', { hearingId });
  const recusals = await setup.core.ok('recusal.list', { hearingId });
  const procedure = await setup.core.ok('procedure.view', { hearingId });
  const person = (name: string) => setup.people[name]?.id as string;
  ids = {
    hearingId,
    petitioner: person('王建平'),
    official: person('陈立新'),
    member: person('黄志刚'),
    chair: person('刘明远'),
    clerk: person('赵敏'),
    exhibit: exhibits[0]!.id,
    sha256: exhibits.find((exhibit) => exhibit.files.length > 0)!.files[0]!.sha256,
    request: requests[0]!.id,
    entry: entries.find((entry) => entry.kind === 'speech')!.id,
    entryVersion: entries.find((entry) => entry.kind === 'speech')!.version,
    recusal: recusals[0]!.id,
    step: procedure.steps[0]!.id,
    correction: correction.id,
  };
}, 60_000);

const now = '2026-12-08T05:00:00.000Z';
const person = { role: 'thirdParty', name: '黄文杰', gender: 'male' } as const;
const exhibitFields = { name: '补充证明', form: 'documentary' } as const;

/** A valid call of each mutation against the finalized hearing: it passes validation, so only the lock can refuse it. */
const callOf: Record<string, (id: typeof ids) => unknown> = {
  'hearing.update': (id) => {
    const { templateId: _templateId, ...fields } = wangJianpingHearing;
    return { hearingId: id.hearingId, ...fields, agency: '青秀区住房和城乡建设局', isPublic: true, title: '王建平信访事项（更正）' };
  },
  'hearing.setRules': (id) => ({ hearingId: id.hearingId, overrides: {} }),
  'request.add': (id) => ({ hearingId: id.hearingId, text: '请求赔偿搬迁损失。' }),
  'request.update': (id) => ({ requestId: id.request, text: '请求补发临时安置费六个月。' }),
  'request.move': (id) => ({ requestId: id.request, position: 2 }),
  'request.remove': (id) => ({ requestId: id.request }),
  'participant.add': (id) => ({ hearingId: id.hearingId, ...person }),
  'participant.update': (id) => ({ participantId: id.official, ...person, role: 'agency', name: '陈立新', organization: '青秀区住房和城乡建设局' }),
  'participant.remove': (id) => ({ participantId: id.official }),
  'participant.importRoster': (id) => ({
    hearingId: id.hearingId,
    format: 'csv',
    contentBase64: Buffer.from('角色,姓名,性别\n第三人,黄文杰,男').toString('base64'),
  }),
  'attendance.checkIn': (id) => ({ participantId: id.petitioner, late: false }),
  'attendance.markAbsent': (id) => ({ participantId: id.petitioner, reason: '病假', excused: true }),
  'attendance.markLeft': (id) => ({ participantId: id.petitioner }),
  'attendance.verifyIdentity': (id) => ({ participantId: id.petitioner, checkedBy: '赵敏' }),
  'attendance.reset': (id) => ({ participantId: id.petitioner }),
  'recusal.apply': (id) => ({ hearingId: id.hearingId, applicantId: id.petitioner, againstId: id.member, grounds: '利害关系' }),
  'recusal.decide': (id) => ({ recusalId: id.recusal, decision: 'granted', decidedBy: '刘明远', reason: '重新决定' }),
  'procedure.start': (id) => ({ hearingId: id.hearingId }),
  'procedure.next': (id) => ({ hearingId: id.hearingId }),
  'procedure.adjourn': (id) => ({ hearingId: id.hearingId, reason: '休息' }),
  'procedure.suspend': (id) => ({ hearingId: id.hearingId, reason: '中止' }),
  'procedure.postpone': (id) => ({ hearingId: id.hearingId, reason: '延期' }),
  'procedure.resume': (id) => ({ hearingId: id.hearingId }),
  'procedure.close': (id) => ({ hearingId: id.hearingId }),
  'agenda.skip': (id) => ({ hearingId: id.hearingId, stepId: id.step, reason: '不需要' }),
  'agenda.move': (id) => ({ hearingId: id.hearingId, stepId: id.step, position: 2 }),
  'agenda.add': (id) => ({ hearingId: id.hearingId, name: '补充询问', plannedMinutes: 10, position: 3 }),
  'speakers.enqueue': (id) => ({ hearingId: id.hearingId, participantId: id.petitioner }),
  'speakers.dequeue': (id) => ({ hearingId: id.hearingId, queueId: randomUUID() }),
  'speakers.giveFloor': (id) => ({ hearingId: id.hearingId, participantId: id.petitioner }),
  'speakers.endSpeech': (id) => ({ hearingId: id.hearingId }),
  'speakers.pauseClock': (id) => ({ hearingId: id.hearingId }),
  'speakers.resumeClock': (id) => ({ hearingId: id.hearingId }),
  'speakers.setLimit': (id) => ({ hearingId: id.hearingId, limitSeconds: 300 }),
  'speakers.setBudgets': (id) => ({ hearingId: id.hearingId, petitionerSeconds: 1200, agencySeconds: 1200 }),
  'evidence.add': (id) => ({ hearingId: id.hearingId, submitterId: id.petitioner, ...exhibitFields }),
  'evidence.update': (id) => ({ exhibitId: id.exhibit, ...exhibitFields }),
  'evidence.remove': (id) => ({ exhibitId: id.exhibit }),
  'evidence.move': (id) => ({ exhibitId: id.exhibit, position: 1 }),
  'evidence.setNumbering': (id) => ({ hearingId: id.hearingId, style: 'grouped' }),
  'evidence.attachFile': (id) => ({ exhibitId: id.exhibit, sha256: id.sha256, originalName: '照片.png' }),
  'evidence.detachFile': (id) => ({ exhibitId: id.exhibit, sha256: id.sha256 }),
  'evidence.examine': (id) => ({ exhibitId: id.exhibit, examinerId: id.official, authenticity: 'none', legality: 'none', relevance: 'none' }),
  'evidence.find': (id) => ({ exhibitId: id.exhibit, finding: 'rejected', reasons: '改判' }),
  'evidence.present': (id) => ({ exhibitId: id.exhibit }),
  'evidence.stopPresenting': (id) => ({ hearingId: id.hearingId }),
  'minutes.append': (id) => ({ hearingId: id.hearingId, clientId: randomUUID(), kind: 'note', speakerId: null, text: '事后补记', startedAt: now }),
  'minutes.edit': (id) => ({ entryId: id.entry, expectedVersion: id.entryVersion, kind: 'speech', speakerId: id.petitioner, text: '改写', offRecord: false }),
  'minutes.remove': (id) => ({ entryId: id.entry, expectedVersion: id.entryVersion }),
  'minutes.saveDraft': (id) => ({ hearingId: id.hearingId, clientId: randomUUID(), kind: 'speech', speakerId: null, text: '草稿', startedAt: now }),
  'minutes.requestCorrection': (id) => ({ entryId: id.entry, requestedBy: id.petitioner, start: 0, passage: '我', proposedText: '本人' }),
  'minutes.decideCorrection': (id) => ({ correctionId: id.correction, decision: 'accepted' }),
  'deliberation.open': (id) => ({ hearingId: id.hearingId }),
  'deliberation.vote': (id) => ({ hearingId: id.hearingId, requestId: id.request, memberId: id.member, outcome: 'support', reasons: '改投' }),
  'deliberation.changeVote': (id) => ({
    hearingId: id.hearingId,
    requestId: id.request,
    memberId: id.member,
    outcome: 'support',
    reasons: '改投',
    why: '重新考虑',
  }),
  'deliberation.close': (id) => ({ hearingId: id.hearingId }),
  'deliberation.decideTie': (id) => ({ hearingId: id.hearingId, requestId: id.request, outcome: 'support', reason: '主持人决定' }),
  'deliberation.conclude': (id) => ({ hearingId: id.hearingId, representativeId: id.member, statement: '意见', outcome: 'support', reason: '' }),
  'deliberation.report': (id) => ({ hearingId: id.hearingId, memberId: id.member, text: '报告' }),
  'deliberation.announce': (id) => ({ hearingId: id.hearingId, manner: 'onSpot' }),
  'satisfaction.record': (id) => ({ hearingId: id.hearingId, rating: 'satisfied', enteredBy: 'petitioner', acceptsConclusion: 'yes' }),
  'signing.sign': (id) => ({
    hearingId: id.hearingId,
    participantId: id.petitioner,
    closingSentence: '以上笔录我已看过',
    image: signaturePng(7).toString('base64'),
    strokes: signatureStrokes(7),
    recordDigest: '0'.repeat(64),
  }),
  'signing.refuse': (id) => ({ hearingId: id.hearingId, participantId: id.petitioner, reason: '不同意', enteredBy: id.clerk }),
  'signing.markAbsent': (id) => ({ hearingId: id.hearingId, participantId: id.petitioner, enteredBy: id.clerk }),
  'signing.reset': (id) => ({ hearingId: id.hearingId, participantId: id.petitioner }),
  'record.finalize': (id) => ({ hearingId: id.hearingId }),
};

const lockable = (Object.keys(methods) as MethodName[]).filter((name) => methods[name].kind === 'mutation' && methods[name].lockable !== false);

/** Everything a refused call might have touched: the rows of every table, hashed. */
function snapshot(core: TestCore): string {
  const hash = createHash('sha256');
  const tables = core.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'minute_text%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) hash.update(table).update(JSON.stringify(core.db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  return hash.digest('hex');
}

describe('a finalized hearing', () => {
  it('has a valid call here for every mutation of the contract', () => {
    expect(lockable.length).toBeGreaterThan(60);
    expect(lockable.filter((name) => !callOf[name])).toEqual([]);
  });

  it.each(lockable)('refuses %s with hearing/locked and changes nothing', async (method) => {
    const input = callOf[method]!(ids);
    const parsed = methods[method].input.safeParse(input);
    expect(parsed.success, `the sample call of ${method} is valid: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    const before = snapshot(setup.core);
    expect(await refusal(setup.core, method, input)).toMatchObject({ code: 'hearing/locked' });
    expect(snapshot(setup.core)).toBe(before);
  });

  it('still accepts the office’s own changes, which belong to no hearing', async () => {
    const office = (Object.keys(methods) as MethodName[]).filter((name) => methods[name].lockable === false);
    expect(office.sort()).toEqual(
      [
        'calendar.remove',
        'calendar.set',
        'hearing.create',
        'handover.import',
        'minutes.addPhrase',
        'minutes.removePhrase',
        'record.amend',
        'sample.create',
        'backup.create',
        'backup.cancel',
        'backup.restore',
        'recovery.restore',
        'settings.setBackupFolder',
        'settings.setCatalogueColumns',
        'settings.setDocumentLayout',
        'settings.setEvidenceLimit',
        'settings.setLanguage',
        'auth.setup',
        'auth.signIn',
        'auth.signOut',
        'auth.lock',
        'auth.unlock',
        'auth.changePassword',
        'auth.setLockMinutes',
        'users.create',
        'users.update',
        'users.resetPassword',
      ].sort(),
    );
    await setup.core.ok('minutes.addPhrase', { text: '双方对上述证据的真实性均无异议。' });
  });
});
