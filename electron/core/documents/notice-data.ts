import { localDateTime, type Language, type RoleKind } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { findHearing } from '../db/hearings.js';
import { listParticipants, type ParticipantWithState } from '../db/participants.js';
import { effectiveRules } from '../hearings/rules.js';
import type { HearingTemplate } from '../templates/schema.js';
import type { NoticeAddressee, NoticeAddresseeKind, NoticeDocumentData, NoticeOfficer } from './notice.js';

/**
 * Gathers a hearing's 听证通知书 from the database, read-only. Every party,
 * representative, agent and third party gets a notice of their own; the
 * handling agency gets one as a body, addressed to the agency the hearing
 * names (or, without one, to each organization its staff come from). Only
 * names and organizations are read: an outward document has no use for
 * identity numbers or phones. The notice is dated the day the hearing was
 * entered, when notices go out, so that the same hearing always gives the
 * same notice.
 */

const addresseeKinds: ReadonlySet<RoleKind> = new Set<NoticeAddresseeKind>(['party', 'representative', 'agent', 'agency', 'thirdParty']);

const isAddresseeKind = (kind: RoleKind): kind is NoticeAddresseeKind => addresseeKinds.has(kind);

function officer(record: ParticipantWithState | undefined): NoticeOfficer {
  return record ? { name: record.name, organization: record.organization } : { name: '' };
}

export function noticeDataOf(db: Db, hearingId: string, template: HearingTemplate, language: Language = 'zh-CN'): NoticeDocumentData | undefined {
  const hearing = findHearing(db, hearingId);
  if (!hearing) return undefined;
  const people = listParticipants(db, hearingId).sort((a, b) => a.position - b.position);
  const sitting = (role: RoleKind) => people.filter((candidate) => candidate.role === role && !candidate.recused);
  const byId = new Map(people.map((candidate) => [candidate.id, candidate]));

  // In the template's order of roles, so the notices come out as the roster reads.
  const addressees = template.roles.flatMap((role): NoticeAddressee[] => {
    const kind = role.kind;
    if (!isAddresseeKind(kind)) return [];
    const roleLabel = role.name[language];
    const ofKind = people.filter((candidate) => candidate.role === kind);
    if (kind === 'agency') {
      const bodies = hearing.agency ? [hearing.agency] : [...new Set(ofKind.map((staff) => staff.organization || staff.name))];
      return bodies.map((name) => ({ kind, name, roleLabel }));
    }
    return ofKind.map((candidate) => {
      const principal = candidate.agentFor ? byId.get(candidate.agentFor)?.name : undefined;
      return { kind, name: candidate.name, roleLabel, ...(principal ? { principal } : {}) };
    });
  });

  const agentRule = effectiveRules(template, hearing.ruleOverrides).roles.find((role) => role.kind === 'agent');
  return {
    matter: hearing.title,
    matterNo: hearing.matterNo,
    organizer: hearing.organizer,
    startsAt: hearing.plannedStart,
    venue: hearing.venue,
    isPublic: hearing.isPublic,
    nonPublicReason: hearing.nonPublicReason,
    chair: officer(sitting('chair')[0]),
    panel: sitting('panel').map(officer),
    clerk: officer(sitting('clerk')[0]),
    agentsPerParty: agentRule ? (agentRule.maxPerParty ?? agentRule.max) : 0,
    addressees,
    issuedOn: localDateTime(hearing.createdAt).slice(0, 10),
  };
}
