import type { EvidenceSide, Exhibit, Participant, RoleKind } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { useRoles } from '../participants/useRoles.js';

/** The register of a hearing, kept current by every change any window makes to it or to the people named in it. */
export function useExhibits(hearingId: string) {
  return useQuery('evidence.list', { hearingId }, ['evidence.changed', 'participants.changed', 'hearing.updated', 'procedure.changed']);
}

/** The hearing's numbering style and whether it may still change (not once the hearing has started). */
export function useNumbering(hearingId: string) {
  return useQuery('evidence.numbering', { hearingId }, ['evidence.changed', 'procedure.changed']);
}

/** The installation's settings (evidence size limit, catalogue columns), kept current when any window changes them. */
export function useSettings() {
  return useQuery('settings.get', {}, ['settings.changed']);
}

/** Who may submit and examine evidence, and on which side that puts them (as the core decides it). */
export const sideOfRole: Partial<Record<RoleKind, EvidenceSide>> = {
  party: 'petitioner',
  representative: 'petitioner',
  agent: 'petitioner',
  agency: 'agency',
  thirdParty: 'third',
};

export const submitterKinds = Object.keys(sideOfRole) as RoleKind[];

const roleNamingSide: Record<EvidenceSide, RoleKind> = { petitioner: 'party', agency: 'agency', third: 'thirdParty' };

/** 信访人 / 办理机关 / 第三人 in the template's own words, the same words the exhibit labels begin with. */
export function useSideNames(hearingId: string): { sideName: (side: EvidenceSide) => string; roleName: (kind: RoleKind) => string } {
  const { roleName } = useRoles(hearingId);
  return { sideName: (side) => roleName(roleNamingSide[side]), roleName };
}

/** The sides other than the submitter's that have someone in the hearing to give a 质证 opinion. */
export function opposingSides(exhibit: Exhibit, participants: readonly Participant[]): EvidenceSide[] {
  const present = new Set(participants.map((person) => sideOfRole[person.role]).filter((side): side is EvidenceSide => side !== undefined));
  return [...present].filter((side) => side !== exhibit.side);
}

/** Image types the host serves inline (anything else would be offered as a download and not show). */
export const inlineImage = /^image\/(png|jpeg|gif|webp)$/;

/** 0.1 KB … 999.9 KB, then MB. */
export function fileSize(bytes: number): { unit: 'kb' | 'mb'; value: string } {
  if (bytes < 1024 * 1024) return { unit: 'kb', value: Math.max(0.1, bytes / 1024).toFixed(1) };
  return { unit: 'mb', value: (bytes / (1024 * 1024)).toFixed(1) };
}

export const fileUrl = (sha256: string) => `files/${sha256}`;
