import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import { genderFromIdNumber, principalKinds, type ParsedInput, type ParticipantDetail } from '../contract/index.js';
import type { Db } from '../db/index.js';
import {
  deleteParticipant,
  findParticipant,
  findParticipantByIdNumber,
  insertParticipant,
  listParticipants,
  nextParticipantPosition,
  participantHasRecords,
  updateParticipant,
  type ParticipantRecord,
  type ParticipantWithState,
} from '../db/participants.js';
import { AppError } from '../errors.js';
import { checkParticipantRules, effectiveRules } from '../hearings/rules.js';
import type { Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import { maskedParticipant, participantDetail } from './present.js';
import { importRosterHandlers } from './roster-import.js';

type ParticipantHandlers = Pick<
  Handlers,
  | 'participant.list'
  | 'participant.get'
  | 'participant.add'
  | 'participant.update'
  | 'participant.remove'
  | 'participant.previewRoster'
  | 'participant.importRoster'
>;
export type ParticipantFields = Omit<ParsedInput<'participant.add'>, 'hearingId'>;

export function requireParticipant(db: Db, participantId: string): ParticipantWithState {
  const participant = findParticipant(db, participantId);
  if (!participant) throw new AppError('participant/notFound', { participantId });
  return participant;
}

function fieldError(path: string, key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('validation', { issues: [{ path, key, params }] });
}

/**
 * Judges one person's details against the hearing: a role the template
 * has, an agent tied to a party of the same hearing, an ID number used once,
 * a gender that agrees with the ID number. Returns the record to store.
 */
export function admitParticipant(deps: ServiceDeps, hearingId: string, fields: ParticipantFields, existing?: ParticipantRecord): ParticipantRecord {
  const { db, templates } = deps;
  const hearing = requireHearing(db, hearingId);
  const template = requireTemplate(templates, hearing.templateId);
  if (!template.roles.some((role) => role.kind === fields.role)) throw new AppError('participant/roleNotInTemplate', { role: fields.role });

  if (fields.role === 'agent') {
    if (!fields.agentFor) throw fieldError('agentFor', 'validation.agentForRequired');
    const principal = findParticipant(db, fields.agentFor);
    if (!principal || principal.hearingId !== hearingId || !principalKinds.includes(principal.role) || principal.id === existing?.id) {
      throw new AppError('participant/agentForInvalid', { agentFor: fields.agentFor });
    }
  }
  if (fields.idNumber) {
    const holder = findParticipantByIdNumber(db, hearingId, fields.idNumber);
    if (holder && holder.id !== existing?.id) throw fieldError('idNumber', 'validation.duplicateIdNumber');
  }
  const derivedGender = fields.idNumber ? genderFromIdNumber(fields.idNumber) : undefined;
  if (fields.gender && derivedGender && fields.gender !== derivedGender) throw fieldError('gender', 'validation.genderMismatch');

  const isAgent = fields.role === 'agent';
  return {
    id: existing?.id ?? randomUUID(),
    hearingId,
    position: existing?.position ?? nextParticipantPosition(db, hearingId),
    ...fields,
    gender: fields.gender || derivedGender || '',
    agentFor: isAgent ? fields.agentFor : null,
    agentPowers: isAgent ? fields.agentPowers : '',
    agentPowersText: isAgent ? fields.agentPowersText : '',
  };
}

export function participantHandlers(deps: ServiceDeps): ParticipantHandlers {
  const { db, clock, bus, templates } = deps;

  function changed(hearingId: string): void {
    bus.emit('participants.changed', { hearingId });
  }

  return {
    'participant.list': ({ hearingId }) => {
      const hearing = requireHearing(db, hearingId);
      const participants = listParticipants(db, hearingId);
      const rules = effectiveRules(requireTemplate(templates, hearing.templateId), hearing.ruleOverrides);
      return { participants: participants.map(maskedParticipant), warnings: checkParticipantRules(rules.roles, participants) };
    },
    'participant.get': ({ participantId }) => participantDetail(requireParticipant(db, participantId)),
    'participant.add': ({ hearingId, ...fields }, ctx): ParticipantDetail => {
      requireEditableHearing(db, hearingId);
      const record = admitParticipant(deps, hearingId, fields);
      db.transaction(() => {
        insertParticipant(db, record, clock.now().toISOString());
        recordAudit(db, clock, ctx, { action: 'participant.add', hearingId, after: record });
      })();
      changed(hearingId);
      return participantDetail(requireParticipant(db, record.id));
    },
    'participant.update': ({ participantId, ...fields }, ctx) => {
      const before = requireParticipant(db, participantId);
      requireEditableHearing(db, before.hearingId);
      const after = admitParticipant(deps, before.hearingId, fields, before);
      db.transaction(() => {
        updateParticipant(db, after, clock.now().toISOString());
        recordAudit(db, clock, ctx, { action: 'participant.update', hearingId: before.hearingId, before, after });
      })();
      changed(before.hearingId);
      return participantDetail(requireParticipant(db, participantId));
    },
    'participant.remove': ({ participantId }, ctx) => {
      const participant = requireParticipant(db, participantId);
      requireEditableHearing(db, participant.hearingId);
      if (participantHasRecords(db, participantId)) throw new AppError('participant/hasRecords', { name: participant.name });
      db.transaction(() => {
        deleteParticipant(db, participantId);
        recordAudit(db, clock, ctx, { action: 'participant.remove', hearingId: participant.hearingId, before: participant });
      })();
      changed(participant.hearingId);
      return { removed: true as const };
    },
    ...importRosterHandlers(deps, changed),
  };
}
