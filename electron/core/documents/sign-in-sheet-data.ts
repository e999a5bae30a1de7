import { localDateTime, roleKinds, type Language, type RoleKind } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { findHearing } from '../db/hearings.js';
import { listParticipants } from '../db/participants.js';
import type { HearingTemplate } from '../templates/schema.js';
import type { SignInSheetData } from './sign-in-sheet.js';

/**
 * Gathers a hearing's 签到表 from the database, read-only: everyone on the
 * roster, in the template's order of roles and then as the roster lists
 * them, with the time the clerk checked them in, in this computer's time
 * zone. Only names, roles and organizations are read.
 */
export function signInSheetDataOf(db: Db, hearingId: string, template: HearingTemplate, language: Language = 'zh-CN'): SignInSheetData | undefined {
  const hearing = findHearing(db, hearingId);
  if (!hearing) return undefined;
  const templateOrder = template.roles.map((role) => role.kind);
  // A role the template does not list (kept from an earlier version of it) goes after those it does, in the contract's order.
  const rank = (kind: RoleKind) => (templateOrder.includes(kind) ? templateOrder.indexOf(kind) : templateOrder.length + roleKinds.indexOf(kind));
  const roleName = (kind: RoleKind) => template.roles.find((role) => role.kind === kind)?.name[language] ?? kind;
  const people = listParticipants(db, hearingId).sort((a, b) => rank(a.role) - rank(b.role) || a.position - b.position);
  return {
    matter: hearing.title,
    organizer: hearing.organizer,
    startsAt: hearing.plannedStart,
    venue: hearing.venue,
    rows: people.map((person) => ({
      name: person.name,
      roleLabel: roleName(person.role),
      organization: person.organization,
      post: person.post,
      arrivedAt: person.attendance.arrivedAt ? localDateTime(person.attendance.arrivedAt) : null,
      absent: person.attendance.status === 'absent',
    })),
  };
}
