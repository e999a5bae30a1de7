import type { LocalizedText, RoleKind, SigningGroup } from '../contract/index.js';
import type { ParticipantWithState } from '../db/participants.js';
import type { HearingTemplate } from '../templates/schema.js';

/** Who signs the 笔录, and in which group: the parties' side first, then the panel, the presiding officer, the clerk (domain.md §5). */
const groupOfRole: Partial<Record<RoleKind, SigningGroup>> = {
  party: 'party',
  representative: 'party',
  agent: 'party',
  agency: 'party',
  thirdParty: 'party',
  panel: 'panel',
  chair: 'chair',
  clerk: 'clerk',
};

const groupOrder: readonly SigningGroup[] = ['party', 'panel', 'chair', 'clerk'];

export interface Signer {
  person: ParticipantWithState;
  group: SigningGroup;
  /** 信访人, 办理机关（青秀区住房和城乡建设局）, 听证员: as the signature block names them. */
  label: LocalizedText;
}

/**
 * The signers of a hearing's record in signing order. Witnesses sign only
 * their own testimony and observers nothing; a recused member is no longer
 * part of the hearing.
 */
export function signersOf(people: readonly ParticipantWithState[], template: HearingTemplate): Signer[] {
  const roleName = (role: RoleKind): LocalizedText => template.roles.find((candidate) => candidate.kind === role)?.name ?? { 'zh-CN': '', en: '' };
  const signers = people.flatMap((person): Signer[] => {
    const group = groupOfRole[person.role];
    if (!group || person.recused) return [];
    const name = roleName(person.role);
    const label =
      person.role === 'agency' && person.organization
        ? { 'zh-CN': `${name['zh-CN']}（${person.organization}）`, en: `${name.en} (${person.organization})` }
        : name;
    return [{ person, group, label }];
  });
  return signers.sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || a.person.position - b.person.position);
}
