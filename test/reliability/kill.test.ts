import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../electron/core/sample/random.js';
import { invoke } from '../e2e/support/api.js';
import { seedReadyHearing } from '../e2e/support/seed.js';
import { hostsForThisFile, pullThePlug } from './support/hosts.js';
import { judgeDraft, MinutesLedger, startLoad } from './support/load.js';

const start = hostsForThisFile();

describe('a host killed with SIGKILL in the middle of a hearing', () => {
  it('keeps every acknowledged entry and the draft being typed, and gives them back on restart', async () => {
    const host = await start();
    const { hearing, people } = await seedReadyHearing(host.url);
    await invoke(host.url, 'procedure.start', { hearingId: hearing.id });
    const ledger = new MinutesLedger();

    // Four writers commit entries as fast as the host answers, while the next entry is typed and saved as a draft.
    const load = startLoad({
      url: host.url,
      hearingId: hearing.id,
      speakerIds: Object.values(people).map((person) => person.id),
      ledger,
      random: seededRandom(1),
    });
    // Killed at full speed, well into the hearing, with the typist still at it.
    await expect.poll(() => ledger.acknowledgedAppends, { timeout: 30_000 }).toBeGreaterThanOrEqual(200);
    await expect.poll(() => load.typist.lastAcknowledged.length, { timeout: 10_000 }).toBeGreaterThan(0);
    load.halt();
    const killedAt = await pullThePlug(host);
    await load.finished;
    expect(host.child.signalCode).toBe('SIGKILL');

    const restarted = await start(host.dataDir);
    const view = await invoke(restarted.url, 'minutes.list', { hearingId: hearing.id });
    expect(ledger.problemsIn(view.entries)).toEqual([]);
    expect(view.draft?.clientId).toBe(load.typist.clientId);
    // The draft on disk is the last one acknowledged, or one the host wrote but could not answer before it died.
    const draft = judgeDraft(load.typist, view.draft, killedAt);
    expect(draft.restored.startsWith(draft.lastAcknowledged)).toBe(true);
    expect(draft.typed.startsWith(draft.restored)).toBe(true);
  });
});
