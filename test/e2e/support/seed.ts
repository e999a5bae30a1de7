import type { Hearing, ParticipantDetail } from '../../../electron/core/contract/index.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { cast, requestsOfWang } from '../../fixtures/people.js';
import { invoke } from './api.js';

/** The 王建平 hearing on its morning, through the host's API: requests entered, the whole cast seated and checked in. */
export async function seedReadyHearing(
  url: string,
  options: { isPublic?: boolean } = {},
): Promise<{ hearing: Hearing; people: Record<string, ParticipantDetail> }> {
  const isPublic = options.isPublic ?? true;
  const hearing = await invoke(url, 'hearing.create', {
    ...wangJianpingHearing,
    agency: '青秀区住房和城乡建设局',
    isPublic,
    nonPublicReason: isPublic ? '' : '涉及个人隐私',
  });
  for (const text of requestsOfWang) await invoke(url, 'request.add', { hearingId: hearing.id, text });
  const people: Record<string, ParticipantDetail> = {};
  for (const person of [cast.chair, ...cast.panel, cast.clerk, cast.petitioner, ...cast.representatives, ...cast.agencyStaff]) {
    people[person.name] = await invoke(url, 'participant.add', { hearingId: hearing.id, ...person });
  }
  people[cast.agent.name] = await invoke(url, 'participant.add', { hearingId: hearing.id, ...cast.agent, agentFor: people['王建平']?.id ?? null });
  for (const person of Object.values(people)) await invoke(url, 'attendance.checkIn', { participantId: person.id, late: false });
  return { hearing, people };
}
