import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fillPhrase, type MinuteEntry } from '../../../electron/core/contract/index.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { openTestCore, refusal } from '../support/core.js';
import { useReadyHearings, type ReadyHearing } from '../support/hearing.js';

const { ready, opened } = useReadyHearings();

/** The clerk commits one entry, as the editor does when Enter is pressed. */
async function say(setup: ReadyHearing, speakerName: string | null, text: string, kind: 'speech' | 'question' | 'answer' | 'note' = 'speech') {
  const speakerId = speakerName ? (setup.people[speakerName]?.id ?? null) : null;
  return setup.core.ok('minutes.append', {
    hearingId: setup.hearing.id,
    clientId: randomUUID(),
    kind,
    speakerId,
    text,
    startedAt: setup.clock.now().toISOString(),
  });
}

async function started(setup: ReadyHearing) {
  await setup.core.ok('procedure.start', { hearingId: setup.hearing.id });
  return setup;
}

function texts(entries: MinuteEntry[]): string[] {
  return entries.map((entry) => entry.text);
}

describe('entries', () => {
  it('are tagged with the speaker as the record writes them, the current step and the time of the first keystroke', async () => {
    const setup = await started(await ready());
    const typedAt = setup.clock.now(-4000).toISOString();
    const entry = await setup.core.ok('minutes.append', {
      hearingId: setup.hearing.id,
      clientId: randomUUID(),
      kind: 'speech',
      speakerId: setup.people['王建平']?.id ?? null,
      text: '我对征收补偿决定不服，评估价格明显低于周边市场价。',
      startedAt: typedAt,
    });
    const view = await setup.core.ok('procedure.view', { hearingId: setup.hearing.id });
    expect(entry).toMatchObject({ kind: 'speech', speakerLabel: '信访人王建平', startedAt: typedAt, stepId: view.currentStepId, version: 1, deleted: false });
    const chair = await say(setup, '刘明远', '请信访人陈述信访事项和理由。');
    expect(chair.speakerLabel).toBe('主持人');
    const official = await say(setup, '陈立新', '我局依法作出补偿决定。');
    expect(official.speakerLabel).toBe('办理机关（青秀区住房和城乡建设局 陈立新）');
  });

  it('are numbered in the order they were committed and read back in that order', async () => {
    const setup = await ready();
    const first = await say(setup, '刘明远', '现在开始核对参加人身份。');
    const second = await say(setup, '王建平', '到。');
    expect(second.id).toBeGreaterThan(first.id);
    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(texts(entries).slice(-2)).toEqual(['现在开始核对参加人身份。', '到。']);
  });

  it('are written once even when the same entry is sent twice after a lost answer', async () => {
    const setup = await ready();
    const input = {
      hearingId: setup.hearing.id,
      clientId: randomUUID(),
      kind: 'speech' as const,
      speakerId: null,
      text: '以上是我方的意见。',
      startedAt: setup.clock.now().toISOString(),
    };
    const first = await setup.core.ok('minutes.append', input);
    const again = await setup.core.ok('minutes.append', input);
    expect(again.id).toBe(first.id);
    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(entries.filter((entry) => entry.text === '以上是我方的意见。')).toHaveLength(1);
  });

  it('refuse empty text, an unknown kind, a speaker from another hearing and a hearing that is finalized', async () => {
    const setup = await ready();
    const base = { hearingId: setup.hearing.id, clientId: randomUUID(), kind: 'speech', speakerId: null, startedAt: setup.clock.now().toISOString() };
    expect(await refusal(setup.core, 'minutes.append', { ...base, text: '   ' })).toMatchObject({ code: 'validation' });
    expect(await refusal(setup.core, 'minutes.append', { ...base, text: '好', kind: 'event' })).toMatchObject({ code: 'validation' });
    expect(await refusal(setup.core, 'minutes.append', { ...base, text: '好', speakerId: randomUUID() })).toMatchObject({
      code: 'minutes/speakerNotInHearing',
    });
    setup.core.db.prepare("UPDATE hearings SET status = 'finalized' WHERE id = ?").run(setup.hearing.id);
    expect(await refusal(setup.core, 'minutes.append', { ...base, text: '好' })).toMatchObject({ code: 'hearing/locked' });
    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(texts(entries)).not.toContain('好');
  });

  it('keep their speaker on the roster: someone who has spoken cannot be removed from the hearing', async () => {
    const setup = await ready();
    const witness = await setup.core.ok('participant.add', { hearingId: setup.hearing.id, role: 'witness', name: '黄国强' } as never);
    setup.people['黄国强'] = witness;
    await say(setup, '黄国强', '我是王建平的邻居，他家房屋装修是二〇一九年做的。');
    expect(await refusal(setup.core, 'participant.remove', { participantId: witness.id })).toMatchObject({
      code: 'participant/hasRecords',
    });
    expect(setup.core.loggedErrors).toEqual([]);
  });

  it('hand a window only what changed since the revision it last saw, deletions included', async () => {
    const setup = await ready();
    const before = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    const kept = await say(setup, '王建平', '我要求按市场价补偿。');
    const dropped = await say(setup, '王建平', '重复的一句。');
    await setup.core.ok('minutes.remove', { entryId: dropped.id, expectedVersion: 1 });
    const delta = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id, sinceRevision: before.revision });
    expect(delta.entries.map((entry) => [entry.id, entry.deleted])).toEqual([
      [kept.id, false],
      [dropped.id, true],
    ]);
    expect(delta.revision).toBeGreaterThan(before.revision);
    const full = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(texts(full.entries)).not.toContain('重复的一句。');
  });
});

describe('structured events', () => {
  it('are written into the minutes as standard sentences when the chair moves through the agenda', async () => {
    const setup = await started(await ready());
    await setup.core.ok('procedure.next', { hearingId: setup.hearing.id });
    await setup.core.ok('procedure.adjourn', { hearingId: setup.hearing.id, reason: '信访人身体不适' });
    await setup.core.ok('procedure.resume', { hearingId: setup.hearing.id });
    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    const events = entries.filter((entry) => entry.kind === 'event');
    expect(texts(events)).toEqual(
      expect.arrayContaining([
        '信访人王建平到场。',
        '听证开始。',
        '进入“签到”环节。',
        '进入“宣布听证纪律”环节。',
        '主持人宣布休会，理由：信访人身体不适。',
        '复会。',
      ]),
    );
    const adjourned = events.find((entry) => entry.eventKind === 'procedure.adjourned');
    expect(adjourned?.stepId).toBe((await setup.core.ok('procedure.view', { hearingId: setup.hearing.id })).currentStepId);
  });

  it('are editable like any entry, but stay events', async () => {
    const setup = await started(await ready());
    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    const opening = entries.find((entry) => entry.eventKind === 'procedure.started') as MinuteEntry;
    const edited = await setup.core.ok('minutes.edit', {
      entryId: opening.id,
      expectedVersion: 1,
      kind: 'event',
      speakerId: null,
      text: '9时30分，听证开始。',
      offRecord: false,
    });
    expect(edited).toMatchObject({ text: '9时30分，听证开始。', version: 2, kind: 'event' });
    expect(
      await refusal(setup.core, 'minutes.edit', {
        entryId: opening.id,
        expectedVersion: 2,
        kind: 'speech',
        speakerId: null,
        text: '听证开始。',
        offRecord: false,
      }),
    ).toMatchObject({ code: 'minutes/kindNotAllowed' });
  });

  it('recorded before the minutes existed are written in when the data folder is opened, once', async () => {
    const setup = await started(await ready());
    const { db } = setup.core;
    const eventCount = db.prepare('SELECT COUNT(*) FROM hearing_events WHERE hearing_id = ?').pluck().get(setup.hearing.id);
    db.prepare('DELETE FROM minute_revisions').run();
    db.prepare('DELETE FROM minute_entries').run();
    setup.core.close();
    opened.splice(opened.indexOf(setup.core), 1);
    const reopened = openTestCore(setup.core.dataDir, setup.clock);
    opened.push(reopened);
    const again = openTestCore(setup.core.dataDir, setup.clock);
    again.close();
    const { entries } = await reopened.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(entries.filter((entry) => entry.kind === 'event')).toHaveLength(eventCount as number);
    expect(texts(entries)).toContain('听证开始。');
  });
});

describe('corrections', () => {
  it('keep every earlier text with who changed it and when', async () => {
    const setup = await ready();
    const entry = await say(setup, '王建平', '评估价格为每平方米八千元。');
    setup.clock.advance(60_000);
    await setup.core.ok('minutes.edit', {
      entryId: entry.id,
      expectedVersion: 1,
      kind: 'speech',
      speakerId: setup.people['王建平']?.id ?? null,
      text: '评估价格为每平方米六千八百元。',
      offRecord: false,
    });
    setup.clock.advance(60_000);
    await setup.core.ok('minutes.remove', { entryId: entry.id, expectedVersion: 2 });
    const history = await setup.core.ok('minutes.history', { entryId: entry.id });
    expect(history.map(({ version, action, text, changedBy }) => ({ version, action, text, changedBy }))).toEqual([
      { version: 1, action: 'created', text: '评估价格为每平方米八千元。', changedBy: 'test' },
      { version: 2, action: 'edited', text: '评估价格为每平方米六千八百元。', changedBy: 'test' },
      { version: 3, action: 'deleted', text: '评估价格为每平方米六千八百元。', changedBy: 'test' },
    ]);
    expect(history[1]?.changedAt).toBe('2026-12-08T01:21:00.000Z');
  });

  it('refuse an edit made on a version someone else has already changed', async () => {
    const setup = await ready();
    const entry = await say(setup, '王建平', '原话。');
    const edit = { entryId: entry.id, kind: 'speech', speakerId: null, text: '第一次修改。', offRecord: false };
    await setup.core.ok('minutes.edit', { ...edit, expectedVersion: 1 } as never);
    expect(await refusal(setup.core, 'minutes.edit', { ...edit, text: '第二次修改。', expectedVersion: 1 })).toEqual({
      code: 'minutes/stale',
      params: { version: 2 },
    });
  });

  it('read back: an accepted request replaces the marked passage, a refused one is written into the record', async () => {
    const setup = await ready();
    const entry = await say(setup, '王建平', '我家房屋面积是一百二十平方米，评估只算了九十平方米。');
    const petitioner = setup.people['王建平']?.id as string;
    const accepted = await setup.core.ok('minutes.requestCorrection', {
      entryId: entry.id,
      requestedBy: petitioner,
      start: entry.text.indexOf('一百二十'),
      passage: '一百二十',
      proposedText: '一百三十',
      reason: '房产证记载为一百三十平方米',
    });
    await setup.core.ok('minutes.decideCorrection', { correctionId: accepted.id, decision: 'accepted', reason: '' });
    const [corrected] = (await setup.core.ok('minutes.list', { hearingId: setup.hearing.id })).entries.filter((each) => each.id === entry.id);
    expect(corrected?.text).toBe('我家房屋面积是一百三十平方米，评估只算了九十平方米。');
    expect((await setup.core.ok('minutes.history', { entryId: entry.id })).at(-1)).toMatchObject({
      action: 'corrected',
      note: expect.stringContaining('一百三十'),
    });

    const refused = await setup.core.ok('minutes.requestCorrection', {
      entryId: entry.id,
      requestedBy: petitioner,
      start: corrected?.text.indexOf('九十') ?? -1,
      passage: '九十',
      proposedText: '八十',
      reason: '',
    });
    await setup.core.ok('minutes.decideCorrection', { correctionId: refused.id, decision: 'refused', reason: '与当事人陈述不符' });
    const { entries } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(entries.at(-1)).toMatchObject({
      kind: 'event',
      text: '信访人王建平要求将笔录中“九十”更正为“八十”。经审核不予更正，理由：与当事人陈述不符。',
    });
    expect((await setup.core.ok('minutes.corrections', { hearingId: setup.hearing.id })).map((each) => each.status)).toEqual(['accepted', 'refused']);
    expect(await refusal(setup.core, 'minutes.decideCorrection', { correctionId: refused.id, decision: 'accepted', reason: '' })).toMatchObject({
      code: 'minutes/correctionDecided',
    });
  });

  it('refuse a request whose passage is not where it was marked, and a refusal without a reason', async () => {
    const setup = await ready();
    const entry = await say(setup, '王建平', '补偿款至今未到账。');
    const base = { entryId: entry.id, requestedBy: setup.people['王建平']?.id, proposedText: '已到账一半', reason: '' };
    expect(await refusal(setup.core, 'minutes.requestCorrection', { ...base, start: 0, passage: '至今未到账' })).toMatchObject({
      code: 'minutes/passageChanged',
    });
    const request = await setup.core.ok('minutes.requestCorrection', { ...base, start: 3, passage: '至今未到账' } as never);
    expect(await refusal(setup.core, 'minutes.decideCorrection', { correctionId: request.id, decision: 'refused', reason: '' })).toMatchObject({
      code: 'validation',
    });
  });
});

describe('drafts', () => {
  it('keep the entry being typed and give it back on the next load, until it is committed', async () => {
    const setup = await ready();
    const clientId = randomUUID();
    const speakerId = setup.people['王建平']?.id ?? null;
    const startedAt = setup.clock.now().toISOString();
    await setup.core.ok('minutes.saveDraft', { hearingId: setup.hearing.id, clientId, kind: 'speech', speakerId, text: '我补充一点，', startedAt });
    await setup.core.ok('minutes.saveDraft', { hearingId: setup.hearing.id, clientId, kind: 'speech', speakerId, text: '我补充一点，安置房', startedAt });
    const { draft } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(draft).toMatchObject({ clientId, text: '我补充一点，安置房', speakerId, startedAt });

    await setup.core.ok('minutes.append', {
      hearingId: setup.hearing.id,
      clientId,
      kind: 'speech',
      speakerId,
      text: '我补充一点，安置房面积不足。',
      startedAt,
    });
    expect((await setup.core.ok('minutes.list', { hearingId: setup.hearing.id })).draft).toBeNull();
  });

  it('are dropped when their entry was committed just before the draft could be cleared', async () => {
    const setup = await ready();
    const clientId = randomUUID();
    const input = { hearingId: setup.hearing.id, clientId, kind: 'speech' as const, speakerId: null, startedAt: setup.clock.now().toISOString() };
    await setup.core.ok('minutes.append', { ...input, text: '已提交的一句。' });
    setup.core.db
      .prepare("INSERT INTO minute_drafts VALUES (?, ?, 'speech', NULL, '已提交的一句。', NULL, '2026-12-08T01:20:00.000Z')")
      .run(setup.hearing.id, clientId);
    expect((await setup.core.ok('minutes.list', { hearingId: setup.hearing.id })).draft).toBeNull();
  });

  it('are cleared by saving empty text', async () => {
    const setup = await ready();
    const input = { hearingId: setup.hearing.id, clientId: randomUUID(), kind: 'speech' as const, speakerId: null };
    await setup.core.ok('minutes.saveDraft', { ...input, text: '草稿' });
    await setup.core.ok('minutes.saveDraft', { ...input, text: '' });
    expect((await setup.core.ok('minutes.list', { hearingId: setup.hearing.id })).draft).toBeNull();
  });
});

describe('the editor’s helpers', () => {
  it('offer the speakers in the order of the bar, with pinyin initials for the quick search', async () => {
    const setup = await ready();
    const { speakers, names } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(speakers[0]).toMatchObject({ role: 'chair', label: '主持人' });
    expect(speakers.map((speaker) => speaker.role).indexOf('clerk')).toBeLessThan(speakers.map((speaker) => speaker.role).indexOf('party'));
    expect(speakers.find((speaker) => speaker.name === '王建平')).toMatchObject({ initials: 'wjp', pinyin: 'wangjianping' });
    expect(names.find((name) => name.text === '青秀区住房和城乡建设局')).toMatchObject({ initials: 'qxqzfhcxjsj' });
  });

  it('offer the template’s phrases and the office’s own, and fill their placeholders', async () => {
    const setup = await ready();
    const phrase = await setup.core.ok('minutes.addPhrase', { text: '请{{petitioner}}核对笔录，于{{time}}签字。', stepType: 'readBack', role: 'clerk' });
    const { phrases, phraseContext } = await setup.core.ok('minutes.list', { hearingId: setup.hearing.id });
    expect(phrases.some((each) => each.source === 'template' && each.stepType === 'recusal')).toBe(true);
    expect(phrases.at(-1)).toMatchObject({ id: phrase.id, source: 'office', stepType: 'readBack', role: 'clerk' });
    expect(phraseContext).toMatchObject({ chair: '刘明远', petitioner: '王建平', agency: '青秀区住房和城乡建设局' });
    const at = new Date(2026, 11, 8, 9, 5);
    expect(fillPhrase(phrase.text['zh-CN'], phraseContext, at, 'zh-CN')).toBe('请王建平核对笔录，于9时05分签字。');
    expect(fillPhrase('{{date}}，{{unknown}}', phraseContext, at, 'zh-CN')).toBe('2026年12月8日，{{unknown}}');
    await setup.core.ok('minutes.removePhrase', { phraseId: phrase.id });
    expect(await refusal(setup.core, 'minutes.removePhrase', { phraseId: phrase.id })).toMatchObject({ code: 'minutes/phraseNotFound' });
  });

  it('export the minutes as plain text under their steps, without identity numbers', async () => {
    const setup = await started(await ready());
    await say(setup, '刘明远', '请信访人陈述。');
    await say(setup, null, '你是否收到补偿决定书？', 'question');
    await say(setup, null, '收到了。', 'answer');
    const { fileName, text } = await setup.core.ok('minutes.exportText', { hearingId: setup.hearing.id });
    expect(fileName).toMatch(/听证笔录-\d{8}-\d{4}\.txt$/);
    expect(text).toContain('【签到】');
    expect(text).toContain('主持人：请信访人陈述。');
    expect(text).toContain('问：你是否收到补偿决定书？');
    expect(text).toContain('答：收到了。');
    expect(text).not.toContain(setup.people['王建平']?.idNumber as string);
    expect(text).toContain('不是经签名的正式笔录');
  });
});

describe('search', () => {
  async function hearingWithWords(setup: ReadyHearing) {
    await say(setup, '王建平', '评估报告没有考虑房屋的装修价值。');
    await say(setup, '陈立新', '评估机构是双方共同选定的。');
    await say(setup, '王建平', '我要求重新评估。');
  }

  it('finds Chinese words of three or more characters through the index, newest first, with the matches marked', async () => {
    const setup = await ready();
    await hearingWithWords(setup);
    const result = await setup.core.ok('minutes.search', { query: '评估机构', hearingId: setup.hearing.id });
    expect(result.method).toBe('index');
    expect(result.hits.map((hit) => hit.text)).toEqual(['评估机构是双方共同选定的。']);
    expect(result.hits[0]?.ranges).toEqual([[0, 4]]);
    const everything = await setup.core.ok('minutes.search', { query: '评估 房屋', hearingId: setup.hearing.id });
    expect(everything.hits.map((hit) => hit.text)).toEqual(['评估报告没有考虑房屋的装修价值。']);
    expect(everything.hits[0]?.ranges).toEqual([
      [0, 2],
      [8, 10],
    ]);
  });

  it('answers one- and two-character queries, which trigrams cannot, by scanning', async () => {
    const setup = await ready();
    await hearingWithWords(setup);
    const two = await setup.core.ok('minutes.search', { query: '评估', hearingId: setup.hearing.id });
    expect(two.method).toBe('scan');
    expect(two.hits).toHaveLength(3);
    const one = await setup.core.ok('minutes.search', { query: '装', hearingId: setup.hearing.id });
    expect(one.hits.map((hit) => hit.text)).toEqual(['评估报告没有考虑房屋的装修价值。']);
  });

  it('searches across hearings, names the hearing of each hit, and no longer finds deleted or replaced text', async () => {
    const first = await ready();
    await hearingWithWords(first);
    const entry = await say(first, '王建平', '安置房朝向不好。');
    await first.core.ok('minutes.edit', { entryId: entry.id, expectedVersion: 1, kind: 'speech', speakerId: null, text: '安置房楼层太高。', offRecord: false });
    const across = await first.core.ok('minutes.search', { query: '重新评估' });
    expect(across.hits[0]).toMatchObject({ hearingId: first.hearing.id, hearingTitle: first.hearing.title, caseNumber: first.hearing.matterNo });
    expect((await first.core.ok('minutes.search', { query: '朝向不好' })).hits).toEqual([]);
    expect((await first.core.ok('minutes.search', { query: '楼层太高' })).hits).toHaveLength(1);
    expect((await first.core.ok('minutes.search', { query: '"); DROP TABLE minute_entries; --' })).hits).toEqual([]);
  });

  it('within an old hearing, finds its own entries even when later hearings say the same words many times', async () => {
    const first = await ready();
    await say(first, '王建平', '补偿标准明显偏低。');
    const later = await ready({ dataDir: first.core.dataDir });
    first.core.close();
    for (let index = 0; index < 60; index += 1) await say(later, '王建平', `第${index + 1}次提到补偿标准的问题。`);
    const own = await later.core.ok('minutes.search', { query: '补偿标准', hearingId: first.hearing.id, limit: 5 });
    expect(own.hits.map((hit) => hit.text)).toEqual(['补偿标准明显偏低。']);
    expect(own.more).toBe(false);
    const empty = await later.core.ok('hearing.create', { ...wangJianpingHearing, title: '尚无笔录的听证' });
    expect((await later.core.ok('minutes.search', { query: '补偿标准', hearingId: empty.id })).hits).toEqual([]);
  });

  it('reads a NUL in the query as a space rather than failing', async () => {
    // Found by the contract fuzz: a quoted term holding U+0000 reached FTS5 as an unterminated string, answered `internal`.
    const setup = await ready();
    await hearingWithWords(setup);
    const result = await setup.core.ok('minutes.search', { query: '重新\u0000评估', hearingId: setup.hearing.id });
    expect(result.hits.map((hit) => hit.text)).toEqual(['我要求重新评估。']);
    expect((await setup.core.ok('minutes.search', { query: '评估报告\u0000\u0001\u001f' })).hits).toEqual([]);
    expect(setup.core.loggedErrors).toEqual([]);
  });

  it('says when there are more hits than it returned', async () => {
    const setup = await ready();
    await hearingWithWords(setup);
    const result = await setup.core.ok('minutes.search', { query: '评估', limit: 2 });
    expect(result.hits).toHaveLength(2);
    expect(result.more).toBe(true);
  });
});
