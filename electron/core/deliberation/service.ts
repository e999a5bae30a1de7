import { recordAudit } from '../audit/log.js';
import { abstention, type DeliberationView, type LocalizedText, type RequestDeliberation } from '../contract/index.js';
import { listCalendarDays } from '../db/calendar.js';
import {
  changeBallot,
  findDeliberation,
  findSatisfaction,
  insertBallot,
  insertDeliberation,
  insertTieDecision,
  listBallotChanges,
  listBallots,
  listMemberIds,
  listReports,
  listTieDecisions,
  updateDeliberation,
  writeReport,
  writeSatisfaction,
  type DeliberationRecord,
} from '../db/deliberation.js';
import type { HearingRecord } from '../db/hearings.js';
import { listParticipants, type ParticipantWithState } from '../db/participants.js';
import { findProcedure } from '../db/procedure.js';
import { listRequests } from '../db/requests.js';
import { addDays, localDateOf } from '../deadlines/calendar.js';
import { AppError } from '../errors.js';
import { officeCalendar } from '../hearings/deadlines.js';
import { recordHearingEvent } from '../record/events.js';
import type { CallContext, Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import type { HearingTemplate } from '../templates/schema.js';
import { announcementLater, announcementOnSpot } from './announcement.js';
import { rollUp, tallyRequest, type Decision } from './tally.js';

type DeliberationHandlers = Pick<Handlers, Extract<keyof Handlers, `deliberation.${string}`> | 'satisfaction.record'>;

/** Present in the room now: checked in and not gone. */
function inRoom(person: ParticipantWithState): boolean {
  return (person.attendance.status === 'present' || person.attendance.status === 'late') && person.attendance.leftAt === null;
}

/** The panel members entitled to deliberate: present, not recused (domain.md §6). */
export function entitledMembers(people: readonly ParticipantWithState[]): ParticipantWithState[] {
  return people.filter((person) => person.role === 'panel' && !person.recused && inRoom(person));
}

export function deliberationHandlers(deps: ServiceDeps): DeliberationHandlers {
  const { db, clock, bus, templates } = deps;

  interface Loaded {
    hearing: HearingRecord;
    template: HearingTemplate;
    record: DeliberationRecord | undefined;
    people: ParticipantWithState[];
  }

  function load(hearingId: string, editable = false): Loaded {
    const hearing = editable ? requireEditableHearing(db, hearingId) : requireHearing(db, hearingId);
    return {
      hearing,
      template: requireTemplate(templates, hearing.templateId),
      record: findDeliberation(db, hearingId),
      people: listParticipants(db, hearingId),
    };
  }

  function requireOpen(loaded: Loaded): DeliberationRecord {
    if (!loaded.record) throw new AppError('deliberation/notOpen', {});
    if (loaded.record.status !== 'open') throw new AppError('deliberation/closed', {});
    return loaded.record;
  }

  function outcomeNames(template: HearingTemplate): Map<string, LocalizedText> {
    const names = new Map(template.deliberation.outcomes.map((outcome) => [outcome.id, outcome.name]));
    names.set(abstention, { 'zh-CN': '弃权', en: 'Abstained' });
    return names;
  }

  function requireOutcome(template: HearingTemplate, outcome: string): void {
    const known = template.deliberation.outcomes.some((candidate) => candidate.id === outcome);
    if (!known && !(outcome === abstention && template.deliberation.abstentionAllowed)) throw new AppError('deliberation/unknownOutcome', { outcome });
  }

  /** A frozen member who has not since been recused. */
  function requireEntitled(loaded: Loaded, memberId: string): ParticipantWithState {
    const member = listMemberIds(db, loaded.hearing.id).includes(memberId) ? loaded.people.find((person) => person.id === memberId) : undefined;
    if (!member || member.recused) throw new AppError('deliberation/notEntitled', { name: member?.name ?? '' });
    return member;
  }

  function requireRequest(hearingId: string, requestId: string) {
    const request = listRequests(db, hearingId).find((candidate) => candidate.id === requestId);
    if (!request) throw new AppError('request/notFound', { requestId });
    return request;
  }

  function present(loaded: Loaded): DeliberationView {
    const { hearing, template, record, people } = loaded;
    const rules = template.deliberation;
    const names = outcomeNames(template);
    const nameOf = (personId: string) => people.find((person) => person.id === personId)?.name ?? '';
    const memberIds = record ? listMemberIds(db, hearing.id) : [];
    const members = memberIds.map((memberId) => {
      const person = people.find((candidate) => candidate.id === memberId);
      return { participantId: memberId, name: person?.name ?? '', left: person?.attendance.leftAt != null };
    });
    const requests = listRequests(db, hearing.id);
    const ballots = record ? listBallots(db, hearing.id) : [];
    const ties = record ? listTieDecisions(db, hearing.id) : [];
    const everyoneVoted = members.length > 0 && requests.length > 0 && ballots.length === members.length * requests.length;
    const revealed = record !== undefined && (record.ballot === 'open' || record.status !== 'open' || everyoneVoted);
    const vocabulary = rules.outcomes.map((outcome) => outcome.id);
    const decisions: Decision[] = [];
    const perRequest: RequestDeliberation[] = requests.map((request) => {
      const cast = ballots.filter((ballot) => ballot.requestId === request.id);
      const tie = ties.find((decision) => decision.requestId === request.id);
      const tally = tallyRequest(cast, vocabulary, rules.tieRule, tie && { outcome: tie.outcome, reason: tie.reason });
      decisions.push(tally.decision);
      return {
        requestId: request.id,
        position: request.position,
        text: request.text,
        votedBy: cast.map((ballot) => ballot.memberId),
        ballots: cast.map((ballot) => ({
          memberId: ballot.memberId,
          memberName: nameOf(ballot.memberId),
          outcome: revealed ? ballot.outcome : null,
          reasons: revealed ? ballot.reasons : null,
          enteredBy: ballot.enteredBy,
          castAt: ballot.castAt,
          version: ballot.version,
        })),
        result: revealed
          ? {
              counts: tally.counts,
              decision: tally.decision,
              dissent: tally.dissent.map(({ memberId, outcome, reasons }) => ({ memberId, memberName: nameOf(memberId), outcome, reasons })),
            }
          : null,
      };
    });
    const conclusion = revealed ? rollUp(decisions, vocabulary) : { kind: 'pending' as const };
    const finalOutcome = record?.finalOutcome ?? null;
    const conclusionName = finalOutcome
      ? (names.get(finalOutcome) ?? null)
      : conclusion.kind === 'outcome'
        ? (names.get(conclusion.outcome) ?? null)
        : conclusion.kind === 'partial'
          ? rules.partialName
          : null;
    const satisfaction = findSatisfaction(db, hearing.id);
    return {
      hearingId: hearing.id,
      mode: rules.mode,
      canOpen: !record && mayOpen(hearing.id, template),
      status: record?.status ?? 'notOpened',
      ballot: record?.ballot ?? 'blind',
      openedAt: record?.openedAt ?? null,
      closedAt: record?.closedAt ?? null,
      closeReason: record?.closeReason ?? '',
      members,
      quorum: rules.quorum,
      outcomes: rules.outcomes,
      abstentionAllowed: rules.abstentionAllowed,
      tieRule: rules.tieRule,
      revealed,
      requests: perRequest,
      conclusion,
      conclusionName,
      representative: record?.representativeId
        ? { participantId: record.representativeId, name: nameOf(record.representativeId), statement: record.representativeStatement }
        : null,
      finalDecision: finalOutcome ? { outcome: finalOutcome, reason: record?.finalReason ?? '' } : null,
      reports: record ? listReports(db, hearing.id).map((report) => ({ ...report, memberName: nameOf(report.memberId) })) : [],
      announcement:
        record?.announcedAt && record.announcementManner && record.serveBy
          ? { manner: record.announcementManner, announcedAt: record.announcedAt, text: record.announcementText, serveBy: record.serveBy }
          : null,
      satisfactionScale: template.satisfactionScale,
      satisfaction: satisfaction ? { ...satisfaction, declined: satisfaction.rating === null } : null,
    };
  }

  /** Writes in one transaction with its audit link, tells every window, and answers with the new view. */
  function commit(hearingId: string, ctx: CallContext, action: string, write: () => void, after?: unknown): DeliberationView {
    db.transaction(() => {
      write();
      recordAudit(db, clock, ctx, { action, hearingId, after });
    })();
    bus.emit('deliberation.changed', { hearingId });
    return present(load(hearingId));
  }

  /** Panels deliberate at the deliberation step; where they only write reports (价格), they may also do so once the hearing has closed. */
  function mayOpen(hearingId: string, template: HearingTemplate): boolean {
    const state = findProcedure(db, hearingId)?.state;
    return state === 'deliberating' || (template.deliberation.mode === 'report' && state === 'closed');
  }

  function today(): string {
    return localDateOf(clock.now());
  }

  return {
    'deliberation.view': ({ hearingId }) => present(load(hearingId)),
    'deliberation.open': ({ hearingId, ballot }, ctx) => {
      const loaded = load(hearingId, true);
      if (loaded.record) throw new AppError('deliberation/alreadyOpen', {});
      if (!mayOpen(hearingId, loaded.template)) throw new AppError('deliberation/notAtStep', {});
      const { quorum, mode } = loaded.template.deliberation;
      if (mode !== 'report' && listRequests(db, hearingId).length === 0) throw new AppError('deliberation/noRequests', {});
      const entitled = entitledMembers(loaded.people);
      const panel = loaded.people.filter((person) => person.role === 'panel' && !person.recused);
      const quorate =
        entitled.length >= quorum.minMembers && (!quorum.odd || entitled.length % 2 === 1) && (!quorum.allPresent || entitled.length === panel.length);
      if (!quorate)
        throw new AppError('deliberation/noQuorum', { present: entitled.length, panel: panel.length, required: quorum.minMembers, odd: quorum.odd });
      return commit(
        hearingId,
        ctx,
        'deliberation.open',
        () =>
          insertDeliberation(
            db,
            hearingId,
            ballot,
            clock.now().toISOString(),
            entitled.map((member) => member.id),
          ),
        { ballot, members: entitled.map((member) => member.id) },
      );
    },
    'deliberation.vote': ({ hearingId, requestId, memberId, outcome, reasons, enteredBy }, ctx) => {
      const loaded = load(hearingId, true);
      requireOpen(loaded);
      if (loaded.template.deliberation.mode === 'report') throw new AppError('deliberation/wrongMode', {});
      const member = requireEntitled(loaded, memberId);
      requireRequest(hearingId, requestId);
      requireOutcome(loaded.template, outcome);
      if (listBallots(db, hearingId).some((ballot) => ballot.requestId === requestId && ballot.memberId === memberId)) {
        throw new AppError('deliberation/alreadyVoted', { name: member.name });
      }
      const ballot = { requestId, memberId, outcome, reasons, enteredBy, castAt: clock.now().toISOString() };
      // The audit keeps only a hash of the vote: a secret ballot must not be readable from the trail.
      return commit(hearingId, ctx, 'deliberation.vote', () => insertBallot(db, hearingId, ballot), ballot);
    },
    'deliberation.changeVote': ({ hearingId, requestId, memberId, outcome, reasons, why }, ctx) => {
      const loaded = load(hearingId, true);
      requireOpen(loaded);
      requireEntitled(loaded, memberId);
      requireOutcome(loaded.template, outcome);
      const before = listBallots(db, hearingId).find((ballot) => ballot.requestId === requestId && ballot.memberId === memberId);
      if (!before) throw new AppError('deliberation/noVote', {});
      const after = { requestId, memberId, outcome, reasons, enteredBy: before.enteredBy, castAt: clock.now().toISOString() };
      return commit(hearingId, ctx, 'deliberation.changeVote', () => changeBallot(db, before, after, why), { ...after, why });
    },
    'deliberation.ballotHistory': ({ hearingId, requestId, memberId }) => {
      const view = present(load(hearingId));
      if (!view.revealed) throw new AppError('deliberation/secret', {});
      return listBallotChanges(db, requestId, memberId);
    },
    'deliberation.close': ({ hearingId, reason }, ctx) => {
      const loaded = load(hearingId, true);
      const record = requireOpen(loaded);
      const view = present(loaded);
      const missing =
        view.mode === 'report'
          ? view.members.length - view.reports.length
          : view.members.length * view.requests.length - view.requests.reduce((sum, request) => sum + request.votedBy.length, 0);
      if (missing > 0 && reason === '') throw new AppError('deliberation/reasonRequired', { missing });
      return commit(hearingId, ctx, 'deliberation.close', () =>
        updateDeliberation(db, { ...record, status: 'closed', closedAt: clock.now().toISOString(), closeReason: reason }),
      );
    },
    'deliberation.decideTie': ({ hearingId, requestId, outcome, reason }, ctx) => {
      const loaded = load(hearingId, true);
      if (!loaded.record) throw new AppError('deliberation/notOpen', {});
      const request = present(loaded).requests.find((candidate) => candidate.requestId === requestId);
      if (!request) throw new AppError('request/notFound', { requestId });
      const decision = request.result?.decision;
      if (!decision || decision.by !== 'none' || decision.reason !== 'awaitingChair') throw new AppError('deliberation/noTie', {});
      requireOutcome(loaded.template, outcome);
      if (outcome === abstention) throw new AppError('deliberation/unknownOutcome', { outcome });
      const tie = { requestId, outcome, reason, decidedAt: clock.now().toISOString() };
      return commit(hearingId, ctx, 'deliberation.decideTie', () => insertTieDecision(db, hearingId, tie), tie);
    },
    'deliberation.conclude': ({ hearingId, representativeId, statement, outcome, reason }, ctx) => {
      const loaded = load(hearingId, true);
      if (!loaded.record || loaded.record.status === 'announced') throw new AppError(loaded.record ? 'deliberation/closed' : 'deliberation/notOpen', {});
      if (loaded.template.deliberation.mode !== 'discussion') throw new AppError('deliberation/wrongMode', {});
      requireEntitled(loaded, representativeId);
      requireOutcome(loaded.template, outcome);
      const view = present(loaded);
      if (!view.revealed) throw new AppError('deliberation/secret', {});
      const majority = view.conclusion.kind === 'outcome' ? view.conclusion.outcome : null;
      // An advisory panel may be overruled, but never without a stated reason (检察 practice).
      if (majority !== outcome && reason === '') throw new AppError('deliberation/reasonRequired', { missing: 0 });
      const record = loaded.record;
      return commit(
        hearingId,
        ctx,
        'deliberation.conclude',
        () =>
          updateDeliberation(db, {
            ...record,
            representativeId,
            representativeStatement: statement,
            finalOutcome: outcome,
            finalReason: reason,
          }),
        { representativeId, outcome, reason },
      );
    },
    'deliberation.report': ({ hearingId, memberId, text }, ctx) => {
      const loaded = load(hearingId, true);
      requireOpen(loaded);
      if (loaded.template.deliberation.mode !== 'report') throw new AppError('deliberation/wrongMode', {});
      requireEntitled(loaded, memberId);
      return commit(hearingId, ctx, 'deliberation.report', () => writeReport(db, hearingId, memberId, text, clock.now().toISOString()), { memberId });
    },
    'deliberation.announce': ({ hearingId, manner }, ctx) => {
      const loaded = load(hearingId, true);
      const record = loaded.record;
      if (!record) throw new AppError('deliberation/notOpen', {});
      if (record.status !== 'closed') throw new AppError(record.status === 'open' ? 'deliberation/stillOpen' : 'deliberation/alreadyAnnounced', {});
      const view = present(loaded);
      if (view.mode !== 'report' && view.conclusion.kind === 'pending') throw new AppError('deliberation/undecided', {});
      if (view.mode === 'discussion' && !view.finalDecision) throw new AppError('deliberation/undecided', {});
      const deadline = manner === 'onSpot' ? loaded.template.deadlines.serveConclusionOnSpot : loaded.template.deadlines.serveConclusionLater;
      const serveBy = addDays(today(), deadline.days, deadline.unit, officeCalendar(listCalendarDays(db)));
      const names = outcomeNames(loaded.template);
      const text =
        manner === 'later'
          ? announcementLater(serveBy)
          : announcementOnSpot({
              mode: view.mode,
              requests: view.requests.flatMap((request) =>
                request.result ? [{ position: request.position, text: request.text, decision: request.result.decision }] : [],
              ),
              outcomeName: (outcome) => names.get(outcome)?.['zh-CN'] ?? outcome,
              conclusion: view.conclusion,
              conclusionName: view.conclusionName?.['zh-CN'] ?? '',
              representative: view.representative,
              serveBy,
            });
      const announcedAt = clock.now().toISOString();
      db.transaction(() => {
        updateDeliberation(db, { ...record, status: 'announced', announcedAt, announcementManner: manner, announcementText: text, serveBy });
        recordHearingEvent(deps, hearingId, { kind: 'deliberation.announced', manner, text });
        recordAudit(db, clock, ctx, { action: 'deliberation.announce', hearingId, after: { manner, text, serveBy } });
      })();
      bus.emit('deliberation.changed', { hearingId });
      bus.emit('procedure.changed', { hearingId });
      return present(load(hearingId));
    },
    'satisfaction.record': ({ hearingId, rating, reason, enteredBy, acceptsConclusion }, ctx) => {
      const loaded = load(hearingId, true);
      if (loaded.record?.status !== 'announced') throw new AppError('deliberation/notAnnounced', {});
      const level = rating === null ? undefined : loaded.template.satisfactionScale.find((candidate) => candidate.id === rating);
      if (rating !== null && !level) throw new AppError('satisfaction/unknownRating', { rating });
      if (level?.needsReason && reason === '') throw new AppError('satisfaction/reasonRequired', { rating: level.name['zh-CN'] });
      const record = { rating, reason, enteredBy, acceptsConclusion, recordedAt: clock.now().toISOString() };
      return commit(hearingId, ctx, 'satisfaction.record', () => writeSatisfaction(db, hearingId, record), record);
    },
  };
}
