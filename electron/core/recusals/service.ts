import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import { recusalApplicantKinds, recusalTargetKinds, type Recusal } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { findRecusal, insertRecusal, listRecusals, updateRecusalDecision } from '../db/recusals.js';
import { AppError } from '../errors.js';
import { requireParticipant } from '../participants/service.js';
import { procedureKit, stopClocks } from '../procedure/service.js';
import { recordHearingEvent } from '../record/events.js';
import type { Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, type ServiceDeps } from '../services.js';

/** A reason the system itself gives; screens translate it (see procedure.reason in the locales). */
export const chairRecusedReason = 'i18n:procedure.reason.chairRecused';

function requireRecusal(db: Db, recusalId: string): Recusal {
  const recusal = findRecusal(db, recusalId);
  if (!recusal) throw new AppError('recusal/notFound', { recusalId });
  return recusal;
}

/**
 * 回避: a party asks that the chair, a panel member or the clerk step aside;
 * the decision is taken once and stands. A granted recusal takes the person
 * out of their seat (see participant.recused), which the rule checks and the
 * deliberation then respect.
 */
export function recusalHandlers(deps: ServiceDeps): Pick<Handlers, 'recusal.apply' | 'recusal.decide' | 'recusal.list'> {
  const { db, clock, bus } = deps;
  const kit = procedureKit(deps);
  return {
    'recusal.apply': ({ hearingId, applicantId, againstId, grounds }, ctx) => {
      requireEditableHearing(db, hearingId);
      const applicant = requireParticipant(db, applicantId);
      const against = requireParticipant(db, againstId);
      if (applicant.hearingId !== hearingId || !recusalApplicantKinds.includes(applicant.role)) {
        throw new AppError('recusal/invalidApplicant', { name: applicant.name });
      }
      if (against.hearingId !== hearingId || !recusalTargetKinds.includes(against.role)) throw new AppError('recusal/invalidTarget', { name: against.name });
      const recusal: Recusal = {
        id: randomUUID(),
        hearingId,
        applicantId,
        againstId,
        grounds,
        appliedAt: clock.now().toISOString(),
        decision: 'pending',
        decidedBy: '',
        decisionReason: '',
        decidedAt: null,
      };
      db.transaction(() => {
        insertRecusal(db, recusal);
        recordAudit(db, clock, ctx, { action: 'recusal.apply', hearingId, after: recusal });
        recordHearingEvent(deps, hearingId, {
          kind: 'recusal.applied',
          recusalId: recusal.id,
          applicant: applicant.name,
          against: against.name,
          againstRole: against.role,
          grounds,
        });
      })();
      bus.emit('recusal.changed', { hearingId, recusalId: recusal.id });
      return recusal;
    },
    'recusal.decide': ({ recusalId, decision, decidedBy, reason }, ctx) => {
      const before = requireRecusal(db, recusalId);
      requireEditableHearing(db, before.hearingId);
      if (before.decision !== 'pending') throw new AppError('recusal/alreadyDecided', { recusalId });
      const against = requireParticipant(db, before.againstId);
      const after: Recusal = { ...before, decision, decidedBy, decisionReason: reason, decidedAt: clock.now().toISOString() };
      const procedure = kit.load(before.hearingId, ctx);
      // Without its chair the hearing cannot go on: it is suspended until another chair is present (domain.md §2).
      const suspendsHearing =
        decision === 'granted' && against.role === 'chair' && ['inProgress', 'adjourned', 'deliberating'].includes(procedure.procedure.state);
      db.transaction(() => {
        if (suspendsHearing) {
          stopClocks(db, procedure, 'suspended', chairRecusedReason);
          recordHearingEvent(deps, before.hearingId, { kind: 'procedure.suspended', reason: chairRecusedReason });
        }
        updateRecusalDecision(db, after);
        recordAudit(db, clock, ctx, { action: 'recusal.decide', hearingId: before.hearingId, before, after });
        recordHearingEvent(deps, before.hearingId, {
          kind: 'recusal.decided',
          recusalId,
          against: against.name,
          againstRole: against.role,
          decision,
          decidedBy,
          reason,
        });
      })();
      bus.emit('recusal.changed', { hearingId: before.hearingId, recusalId });
      bus.emit('participants.changed', { hearingId: before.hearingId });
      if (suspendsHearing) bus.emit('procedure.changed', { hearingId: before.hearingId });
      return after;
    },
    'recusal.list': ({ hearingId }) => {
      requireHearing(db, hearingId);
      return listRecusals(db, hearingId);
    },
  };
}
