import { pinyin } from 'pinyin-pro';
import { roleKinds, type MinuteName, type MinuteSpeaker, type RoleKind } from '../contract/index.js';
import type { ParticipantRecord } from '../db/participants.js';
import { sideOfRole, type HearingTemplate } from '../templates/schema.js';

/** The speaker bar's order: the bench first, then the parties as they sit, so Alt+1 is always the presiding officer. Observers and the press do not speak on the record. */
const barOrder: readonly RoleKind[] = roleKinds.filter((kind) => kind !== 'observer' && kind !== 'media');

/** Roles the record names by their office alone: there is one of each in the room. */
const namedByOffice: readonly RoleKind[] = ['chair', 'clerk'];

export function roleNameIn(template: HearingTemplate): (role: string) => string {
  return (role) => template.roles.find((candidate) => candidate.kind === role)?.name['zh-CN'] ?? '';
}

/**
 * The speaker tag of the record (domain.md §5): 主持人, 听证员王某,
 * 信访人张某, 办理机关（县住建局 李某）.
 */
export function speakerLabel(person: Pick<ParticipantRecord, 'role' | 'name' | 'organization'>, template: HearingTemplate): string {
  const role = roleNameIn(template)(person.role);
  if (namedByOffice.includes(person.role)) return role;
  if (person.role === 'agency' && person.organization.trim()) return `${role}（${person.organization.trim()} ${person.name}）`;
  return `${role}${person.name}`;
}

function spelled(text: string, asName: boolean): { initials: string; pinyin: string } {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: asName ? 'head' : 'off' }).map((syllable) =>
    syllable.toLowerCase().replace(/[^a-z0-9]/g, ''),
  );
  return { initials: syllables.map((syllable) => syllable.charAt(0)).join(''), pinyin: syllables.join('') };
}

/** Everyone who may speak, in the order of the speaker bar. */
export function minuteSpeakers(people: readonly ParticipantRecord[], template: HearingTemplate): MinuteSpeaker[] {
  return people
    .filter((person) => barOrder.includes(person.role))
    .sort((a, b) => barOrder.indexOf(a.role) - barOrder.indexOf(b.role) || a.position - b.position)
    .map((person) => ({
      participantId: person.id,
      role: person.role,
      side: sideOfRole[person.role],
      name: person.name,
      label: speakerLabel(person, template),
      ...spelled(person.name, true),
    }));
}

/** The words the name autocomplete offers: every person and every organization, once each. */
export function minuteNames(people: readonly ParticipantRecord[]): MinuteName[] {
  const names = new Map<string, MinuteName>();
  for (const person of people) {
    if (person.name.trim() && !names.has(person.name)) names.set(person.name, { text: person.name, ...spelled(person.name, true) });
    const organization = person.organization.trim();
    if (organization && !names.has(organization)) names.set(organization, { text: organization, ...spelled(organization, false) });
  }
  return [...names.values()];
}
