import type { EffectiveRules, RoleKind, RoleRule, RuleOverrides, RuleWarning } from '../contract/index.js';
import type { HearingTemplate } from '../templates/schema.js';

/** The template's numbers with this hearing's own changes laid over them. */
export function effectiveRules(template: HearingTemplate, overrides: RuleOverrides): EffectiveRules {
  return {
    roles: template.roles.map((role) => {
      const change = overrides.roles?.[role.kind] ?? {};
      const rule: RoleRule = {
        kind: role.kind,
        name: role.name,
        min: change.min ?? role.min,
        max: change.max === undefined ? role.max : change.max,
        odd: change.odd ?? role.odd,
        speaks: role.speaks,
      };
      const maxPerParty = change.maxPerParty ?? role.maxPerParty;
      return maxPerParty === undefined ? rule : { ...rule, maxPerParty };
    }),
    deadlines: { ...template.deadlines, ...overrides.deadlines },
    speakingMinutes: overrides.speakingMinutes ?? template.speakingMinutes,
  };
}

interface Counted {
  id: string;
  role: RoleKind;
  name: string;
  agentFor: string | null;
  recused: boolean;
}

/**
 * Checks a roster against the hearing's role rules (domain.md §2, §10):
 * counts, an odd panel, agents per party. A recused person no longer fills
 * their seat, so a recused chair leaves the hearing without one.
 */
export function checkParticipantRules(roles: readonly RoleRule[], participants: readonly Counted[]): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  const active = participants.filter((participant) => !participant.recused);
  for (const role of roles) {
    const count = active.filter((participant) => participant.role === role.kind).length;
    if (count < role.min) warnings.push({ key: 'rules.tooFew', params: { role: role.kind, min: role.min, count } });
    if (role.max !== null && count > role.max) warnings.push({ key: 'rules.tooMany', params: { role: role.kind, max: role.max, count } });
    if (role.odd && count > 0 && count % 2 === 0) warnings.push({ key: 'rules.mustBeOdd', params: { role: role.kind, count } });
    if (role.maxPerParty !== undefined) {
      const perPrincipal = new Map<string, number>();
      for (const participant of active) {
        if (participant.role === role.kind && participant.agentFor) perPrincipal.set(participant.agentFor, (perPrincipal.get(participant.agentFor) ?? 0) + 1);
      }
      for (const [principalId, agents] of perPrincipal) {
        if (agents > role.maxPerParty) {
          const principal = participants.find((participant) => participant.id === principalId)?.name ?? '';
          warnings.push({ key: 'rules.tooManyPerParty', params: { role: role.kind, max: role.maxPerParty, count: agents, principal } });
        }
      }
    }
  }
  const known = new Set(roles.map((role) => role.kind));
  for (const participant of participants) {
    if (!known.has(participant.role)) warnings.push({ key: 'rules.roleNotInTemplate', params: { role: participant.role, name: participant.name } });
  }
  return warnings;
}
