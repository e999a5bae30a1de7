import type { LocalizedText } from './languages.js';

/** Who a person is in the hearing; a template names each kind in its own words (信访人, 当事人, 申请人 …). */
export const roleKinds = [
  'chair',
  'panel',
  'clerk',
  'party',
  'representative',
  'agent',
  'agency',
  'thirdParty',
  'witness',
  'expert',
  'interpreter',
  'observer',
  'media',
] as const;
export type RoleKind = (typeof roleKinds)[number];

/** Kinds that may apply for recusal and kinds it may be applied against (domain.md §3 step 5). */
export const recusalApplicantKinds: readonly RoleKind[] = ['party', 'representative', 'agent', 'agency', 'thirdParty'];
export const recusalTargetKinds: readonly RoleKind[] = ['chair', 'panel', 'clerk'];

/** Parties an agent may act for. */
export const principalKinds: readonly RoleKind[] = ['party', 'representative', 'thirdParty'];

/** A role as a hearing uses it: the template's definition with this hearing's overrides applied. */
export interface RoleRule {
  kind: RoleKind;
  name: LocalizedText;
  min: number;
  max: number | null;
  odd: boolean;
  maxPerParty?: number;
  speaks: boolean;
}
