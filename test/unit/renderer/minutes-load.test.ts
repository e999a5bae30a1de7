import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MinuteEntry } from '../../../electron/core/contract/index.js';
import { mergeEntries, withEarlierEntries } from '../../../renderer/src/features/minutes/record.js';
import { useReadyHearings, type ReadyHearing } from '../support/hearing.js';

const { ready } = useReadyHearings();

/** Statements of the 王建平 sitting, in the order they are said. */
const statements = [
  '请信访人陈述信访事项和理由。',
  '我对征收补偿决定不服，评估价格明显低于周边市场价。',
  '评估报告没有考虑装修和附属物的价值。',
  '请办理机关答辩。',
  '我局依法作出补偿决定，评估机构由被征收人投票选定。',
  '装修部分已按评估细则单列补偿。',
  '信访人对评估时点有无异议？',
  '有异议，评估时点应当是征收决定公告之日。',
  '请第三人发表意见。',
  '评估机构按规定出具了分户报告。',
  '现在进入质证环节。',
  '信访人证据3《现场照片》拍摄于何时？',
];

async function say(setup: ReadyHearing, speaker: string, text: string): Promise<MinuteEntry> {
  return setup.core.ok('minutes.append', {
    hearingId: setup.hearing.id,
    clientId: randomUUID(),
    kind: 'speech',
    speakerId: setup.people[speaker]?.id ?? null,
    text,
    startedAt: setup.clock.now().toISOString(),
  });
}

async function sitting(setup: ReadyHearing): Promise<MinuteEntry[]> {
  const said: MinuteEntry[] = [];
  for (const [index, text] of statements.entries()) said.push(await say(setup, index % 2 === 0 ? '刘明远' : '王建平', text));
  return said;
}

const shape = (entries: readonly MinuteEntry[]) => entries.map((entry) => [entry.id, entry.version, entry.text]);

describe('opening a long record on its newest entries', () => {
  it('the core hands the newest entries first, saying how many older ones it left out, and the older ones in parts before an entry', async () => {
    const setup = await ready();
    const said = await sitting(setup);
    const hearingId = setup.hearing.id;

    const whole = await setup.core.ok('minutes.list', { hearingId });
    expect(whole.earlierEntries).toBe(0);
    const newest = await setup.core.ok('minutes.list', { hearingId, tail: 5 });
    expect(newest.entries.map((entry) => entry.text)).toEqual(statements.slice(-5));
    expect(newest.earlierEntries).toBe(whole.entries.length - 5);
    expect(newest.revision).toBe(whole.revision);

    const firstShown = newest.entries[0] as MinuteEntry;
    const before = await setup.core.ok('minutes.list', { hearingId, beforeEntryId: firstShown.id, tail: 4 });
    expect(before.entries.map((entry) => entry.text)).toEqual(statements.slice(-9, -5));
    expect(before.earlierEntries).toBe(whole.entries.length - 9);
    const rest = await setup.core.ok('minutes.list', { hearingId, beforeEntryId: (before.entries[0] as MinuteEntry).id });
    expect(shape(rest.entries)).toEqual(shape(whole.entries.slice(0, -9)));
    expect(rest.entries.map((entry) => entry.id)).toContain(said[0]?.id);
    expect(rest.earlierEntries).toBe(0);

    // A record shorter than the tail comes whole.
    const short = await setup.core.ok('minutes.list', { hearingId, tail: 100 });
    expect(shape(short.entries)).toEqual(shape(whole.entries));
    expect(short.earlierEntries).toBe(0);
  });

  it('the screen assembles the same record as one full load, though entries are corrected, deleted and added between the parts', async () => {
    const setup = await ready();
    const said = await sitting(setup);
    const hearingId = setup.hearing.id;
    const at = (index: number) => said[index] as MinuteEntry;

    // As the minutes screen does it: the newest four, then the older ones three at a time, then what changed since the first answer.
    const opened = await setup.core.ok('minutes.list', { hearingId, tail: 4 });
    let shown = opened.entries;
    let firstShown = (shown[0] as MinuteEntry).id;
    let earlier = opened.earlierEntries;

    // Between the answers: a correction and a deletion among the older entries, a deletion among the newest, and a new entry.
    await setup.core.ok('minutes.edit', {
      entryId: at(1).id,
      expectedVersion: 1,
      kind: 'speech',
      speakerId: setup.people['王建平']?.id ?? null,
      text: '我对征收补偿决定不服，评估价格明显低于同地段商品房市场价。',
      offRecord: false,
    });
    await setup.core.ok('minutes.remove', { entryId: at(10).id, expectedVersion: 1 });
    let parts = 0;
    while (earlier > 0) {
      const part = await setup.core.ok('minutes.list', { hearingId, beforeEntryId: firstShown, tail: 3 });
      shown = withEarlierEntries(shown, part.entries, firstShown);
      firstShown = (part.entries[0] as MinuteEntry).id;
      earlier = part.earlierEntries;
      parts += 1;
      if (parts === 1) {
        await setup.core.ok('minutes.remove', { entryId: at(4).id, expectedVersion: 1 });
        await say(setup, '刘明远', '请信访人对证据3作出说明。');
      }
    }
    expect(parts).toBeGreaterThan(2);
    // Until the changes are fetched, the newest part is still as it was when the screen opened.
    expect(shown.map((entry) => entry.id)).toContain(at(10).id);

    const changes = await setup.core.ok('minutes.list', { hearingId, sinceRevision: opened.revision });
    shown = mergeEntries(shown, changes.entries);

    const whole = await setup.core.ok('minutes.list', { hearingId });
    expect(shape(shown)).toEqual(shape(whole.entries));
    expect(shown.map((entry) => entry.text)).toContain('我对征收补偿决定不服，评估价格明显低于同地段商品房市场价。');
    expect(shown.map((entry) => entry.id)).not.toContain(at(4).id);
    expect(shown.at(-1)?.text).toBe('请信访人对证据3作出说明。');
  });

  it('an older part replaces the entries it covers that arrived before it, and keeps the newer ones', () => {
    const entry = (id: number, text: string, version = 1): MinuteEntry => ({
      id,
      hearingId: 'h',
      stepId: null,
      kind: 'speech',
      speakerId: null,
      speakerLabel: '主持人',
      startedAt: '2026-12-08T01:30:00.000Z',
      text,
      offRecord: false,
      eventKind: null,
      version,
      editedAt: null,
      revision: id,
      deleted: false,
    });
    const current = [entry(3, '请信访人陈述。', 1), entry(7, '现在开始核对身份。'), entry(8, '到。')];
    const earlier = [entry(2, '宣布听证纪律。'), entry(3, '请信访人陈述信访事项和理由。', 2)];
    expect(shape(withEarlierEntries(current, earlier, 7))).toEqual([
      [2, 1, '宣布听证纪律。'],
      [3, 2, '请信访人陈述信访事项和理由。'],
      [7, 1, '现在开始核对身份。'],
      [8, 1, '到。'],
    ]);
    expect(shape(withEarlierEntries([], earlier, 7))).toEqual(shape(earlier));
  });
});
