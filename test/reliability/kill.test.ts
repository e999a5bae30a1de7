import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, Result } from '../../electron/core/contract/index.js';
import { invoke } from '../e2e/support/api.js';
import { startHost, type HostProcess } from '../e2e/support/host.js';
import { seedReadyHearing } from '../e2e/support/seed.js';

const running: HostProcess[] = [];
afterEach(async () => {
  for (const host of running.splice(0)) await host.stop('SIGKILL');
});

async function start(dataDir?: string): Promise<HostProcess> {
  const host = await startHost(dataDir);
  running.push(host);
  return host;
}

/** A call that may never be answered: the host can die under it. Only an answer counts as an acknowledgement. */
async function attempt<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<boolean> {
  try {
    const response = await fetch(new URL('api/invoke', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method, input }),
    });
    return ((await response.json()) as Result<unknown>).ok;
  } catch {
    return false;
  }
}

/** What a clerk at full speed produces: a different sentence every time, so each can be found again. */
function sentence(index: number): string {
  const speech = ['评估报告没有考虑装修和附属物的价值', '补偿标准低于同地段商品房市场价', '安置房的面积和楼层都不合理', '我方已依法送达征收补偿决定书'];
  return `第${index + 1}句：${speech[index % speech.length]}，请听证员予以考虑。`;
}

describe('a host killed with SIGKILL in the middle of a hearing', () => {
  it('keeps every acknowledged entry and the draft being typed, and gives them back on restart', async () => {
    const host = await start();
    const { hearing, people } = await seedReadyHearing(host.url);
    await invoke(host.url, 'procedure.start', { hearingId: hearing.id });
    const speakers = Object.values(people).map((person) => person.id);

    const acknowledged: string[] = [];
    let lastSavedDraft = '';
    let killed = false;
    const draftId = randomUUID();

    // Four writers commit entries as fast as the host answers, as a clerk's window would with retries queued.
    const writer = async (lane: number) => {
      for (let index = lane; !killed; index += 4) {
        const text = sentence(index);
        const ok = await attempt(host.url, 'minutes.append', {
          hearingId: hearing.id,
          clientId: randomUUID(),
          kind: 'speech',
          speakerId: speakers[index % speakers.length] ?? null,
          text,
          startedAt: new Date().toISOString(),
        });
        if (ok) acknowledged.push(text);
      }
    };
    // Meanwhile the next entry is being typed and saved as a draft, character by character.
    const typist = async () => {
      const words = '我再补充一点，征收范围内的其他住户补偿标准比我家高出不少，希望听证员核实。';
      for (let length = 1; !killed; length = Math.min(words.length, length + 1)) {
        const text = words.slice(0, length);
        const ok = await attempt(host.url, 'minutes.saveDraft', { hearingId: hearing.id, clientId: draftId, kind: 'speech', speakerId: null, text });
        if (ok) lastSavedDraft = text;
      }
    };
    const work = Promise.all([0, 1, 2, 3].map(writer).concat(typist()));
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(200);
    await host.stop('SIGKILL');
    killed = true;
    await work;
    expect(host.child.signalCode).toBe('SIGKILL');

    const restarted = await start(host.dataDir);
    const view = await invoke(restarted.url, 'minutes.list', { hearingId: hearing.id });
    const stored = new Set(view.entries.map((entry) => entry.text));
    const lost = acknowledged.filter((text) => !stored.has(text));
    expect(lost).toEqual([]);
    expect(view.draft?.clientId).toBe(draftId);
    // The draft on disk is the last one acknowledged, or one the host wrote but could not answer before it died.
    expect(view.draft?.text.startsWith(lastSavedDraft)).toBe(true);
    expect(view.entries.filter((entry) => entry.kind === 'speech').length).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
