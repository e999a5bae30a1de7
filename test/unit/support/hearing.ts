import { afterEach } from 'vitest';
import type { Hearing, ParticipantDetail } from '../../../electron/core/contract/index.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { cast, requestsOfWang } from '../../fixtures/people.js';
import type { PdfRenderer } from '../../../electron/core/seal/pdf.js';
import { fixedClock, openTestCore, type TestCore } from './core.js';

export type People = Record<string, ParticipantDetail>;

/** Seats the whole 王建平 cast: chair, five panel members, clerk, petitioner, three representatives, two officials, an agent. */
export async function seatEveryone(core: TestCore, hearingId: string): Promise<People> {
  const added: People = {};
  for (const person of [cast.chair, ...cast.panel, cast.clerk, cast.petitioner, ...cast.representatives, ...cast.agencyStaff]) {
    added[person.name] = await core.ok('participant.add', { hearingId, ...person });
  }
  added[cast.agent.name] = await core.ok('participant.add', { hearingId, ...cast.agent, agentFor: added['王建平']?.id ?? null });
  return added;
}

export interface ReadyHearing {
  core: TestCore;
  hearing: Hearing;
  people: People;
  clock: ReturnType<typeof fixedClock>;
}

/** The 王建平 hearing on the morning of 8 December 2026: requests entered, everyone seated and checked in. */
export async function readyHearing(options: { isPublic?: boolean; dataDir?: string; pdf?: PdfRenderer } = {}): Promise<ReadyHearing> {
  const clock = fixedClock('2026-12-08T01:20:00.000Z');
  const core = openTestCore(options.dataDir, clock, options.pdf ?? null);
  const isPublic = options.isPublic ?? true;
  const hearing = await core.ok('hearing.create', {
    ...wangJianpingHearing,
    agency: '青秀区住房和城乡建设局',
    isPublic,
    nonPublicReason: isPublic ? '' : '涉及个人隐私',
  });
  for (const text of requestsOfWang) await core.ok('request.add', { hearingId: hearing.id, text });
  const people = await seatEveryone(core, hearing.id);
  for (const person of Object.values(people)) await core.ok('attendance.checkIn', { participantId: person.id, late: false });
  return { core, hearing, people, clock };
}

/** Ready hearings for one test file, each closed after its test; `opened` lets a test reopen a data folder itself. */
export function useReadyHearings(): { ready: (options?: Parameters<typeof readyHearing>[0]) => Promise<ReadyHearing>; opened: TestCore[] } {
  const opened: TestCore[] = [];
  afterEach(() => {
    for (const core of opened.splice(0)) core.close();
  });
  return {
    opened,
    ready: async (options) => {
      const setup = await readyHearing(options);
      opened.push(setup.core);
      return setup;
    },
  };
}
