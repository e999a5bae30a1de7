import { localDateTime, type RoleKind } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { findHearing } from '../db/hearings.js';
import { listEntries } from '../db/minutes.js';
import { listParticipants, type ParticipantWithState } from '../db/participants.js';
import { listSteps } from '../db/procedure.js';
import { findFinalization, listSignatures } from '../db/signing.js';
import { signersOf } from '../signing/signers.js';
import type { HearingTemplate } from '../templates/schema.js';
import type { RecordAgency, RecordDocumentData, RecordPerson, RecordSigner } from './record.js';

/**
 * Gathers a hearing's 听证笔录 from the database, read-only: the header
 * from the hearing and its participants, the entries (deleted ones left out;
 * off-record ones kept, flagged, for the document to omit), the sitting's
 * times from the agenda. Instants are shown in this computer's time zone, as
 * the minutes' text export does. Signers come in the signing round's order
 * with their outcome; a copy made after finalizing carries the seal.
 */

function person(record: ParticipantWithState): RecordPerson {
  return {
    name: record.name,
    gender: record.gender,
    idNumber: record.idNumber,
    address: record.address,
    phone: record.phone,
    organization: record.organization,
    post: record.post,
  };
}

export function recordDataOf(db: Db, hearingId: string, template: HearingTemplate): RecordDocumentData | undefined {
  const hearing = findHearing(db, hearingId);
  if (!hearing) return undefined;
  const roleName = (role: RoleKind) => template.roles.find((candidate) => candidate.kind === role)?.name['zh-CN'] ?? '';
  const people = listParticipants(db, hearingId).sort((a, b) => a.position - b.position);
  const withRole = (role: RoleKind) => people.filter((candidate) => candidate.role === role);
  const entries = listEntries(db, hearingId)
    .filter((entry) => !entry.deleted)
    .sort((a, b) => a.id - b.id);
  const steps = listSteps(db, hearingId);

  const starts = steps.map((step) => step.startedAt).filter((at): at is string => at !== null);
  const ends = [...steps.map((step) => step.endedAt), ...entries.map((entry) => entry.startedAt)].filter((at): at is string => at !== null);
  const startsAt = starts.length > 0 ? localDateTime(starts.reduce((a, b) => (a < b ? a : b))) : hearing.plannedStart;
  const endsAt = ends.length > 0 ? localDateTime(ends.reduce((a, b) => (a > b ? a : b))) : startsAt;

  const agencyStaff = withRole('agency');
  const agencies: RecordAgency[] =
    agencyStaff.length > 0 || hearing.agency
      ? [
          {
            name: hearing.agency || agencyStaff[0]?.organization || '',
            attendees: agencyStaff.map((staff) => ({
              name: staff.name,
              post: staff.organization && staff.organization !== hearing.agency ? `${staff.organization}${staff.post}` : staff.post,
            })),
          },
        ]
      : [];

  const chair = withRole('chair')[0];
  const clerk = withRole('clerk')[0];
  const signatures = new Map(listSignatures(db, hearingId).map((row) => [row.participantId, row]));
  const signers = signersOf(people, template).map(({ person, group, label }): RecordSigner => {
    const row = signatures.get(person.id);
    const absent = row ? row.outcome === 'absent' : person.attendance.status === 'absent';
    return {
      role: group,
      label: label['zh-CN'],
      name: person.name,
      ...(person.role === 'party' ? { signsEveryPage: true } : {}),
      ...(absent ? { absent: true } : {}),
      ...(row?.outcome === 'refused' ? { refusal: row.reason } : {}),
      ...(row?.outcome === 'signed' && row.image
        ? { signature: { png: row.image, closingSentence: row.closingSentence, signedAt: localDateTime(row.recordedAt) } }
        : {}),
    };
  });
  const finalization = findFinalization(db, hearingId);

  return {
    matter: hearing.title,
    matterNo: hearing.matterNo,
    organizer: hearing.organizer,
    startsAt,
    endsAt,
    venue: hearing.venue,
    isPublic: hearing.isPublic,
    nonPublicReason: hearing.nonPublicReason,
    chair: chair ? person(chair) : { name: '' },
    panel: withRole('panel')
      .filter((member) => !member.recused)
      .map(person),
    clerk: clerk ? { name: clerk.name } : { name: '' },
    partyLabel: roleName('party') || undefined,
    petitioners: withRole('party').map(person),
    representatives: [
      ...withRole('representative').map((rep) => ({ ...person(rep), kind: 'representative' as const })),
      ...withRole('agent').map((agent) => ({ ...person(agent), kind: 'agent' as const, powers: agent.agentPowers, powersText: agent.agentPowersText })),
    ],
    agencies,
    thirdParties: withRole('thirdParty').map(person),
    witnesses: withRole('witness').map(person),
    observerCount: withRole('observer').filter((observer) => observer.attendance.status !== 'absent').length,
    entries: entries.map((entry) => ({
      time: localDateTime(entry.startedAt),
      speakerLabel: entry.speakerLabel,
      kind: entry.kind,
      text: entry.text,
      offRecord: entry.offRecord,
    })),
    closingSentence: template.closingSentence['zh-CN'],
    signers,
    ...(finalization
      ? {
          seal: {
            manifestSha256: finalization.manifestSha256,
            keyFingerprint: finalization.keyFingerprint,
            finalizedAt: localDateTime(finalization.finalizedAt),
          },
        }
      : {}),
  };
}
