import { abstention, localDateTime, type LocalizedText } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { findDeliberation, listBallots, listMemberIds, listReports, listTieDecisions, type BallotRecord, type DeliberationRecord } from '../db/deliberation.js';
import type { HearingRecord } from '../db/hearings.js';
import { listParticipants, type ParticipantWithState } from '../db/participants.js';
import { listRequests } from '../db/requests.js';
import { rollUp, tallyRequest, type RequestTally } from '../deliberation/tally.js';
import { AppError } from '../errors.js';
import type { HearingTemplate } from '../templates/schema.js';
import type { DeliberationRecordData, NamedOutcome } from './deliberation-record.js';

/**
 * Reads a hearing's deliberation the way the deliberation service presents
 * it — the same pure tally and roll-up — for the two documents built on it:
 * the 评议笔录 takes everything, the 听证报告 only the conclusions.
 */

export interface PanelRequest {
  position: number;
  text: string;
  ballots: BallotRecord[];
  tally: RequestTally;
}

export interface PanelDeliberation {
  record: DeliberationRecord;
  /** The members frozen when the session opened, in their order. */
  members: ParticipantWithState[];
  people: ParticipantWithState[];
  requests: PanelRequest[];
  /** The outcome vocabulary, abstention last. */
  outcomes: NamedOutcome[];
  /** The overall conclusion's name: the decision taken on the 听证员代表's view (检察), else the roll-up of the requests. */
  conclusion: LocalizedText | null;
  /** The votes may be read: open ballot, a closed session, or every vote in (as the service reveals them). */
  revealed: boolean;
}

export function panelDeliberationOf(db: Db, hearingId: string, template: HearingTemplate): PanelDeliberation | undefined {
  const record = findDeliberation(db, hearingId);
  if (!record) return undefined;
  const rules = template.deliberation;
  const people = listParticipants(db, hearingId);
  const members = listMemberIds(db, hearingId).flatMap((memberId) => people.filter((person) => person.id === memberId));
  const ballots = listBallots(db, hearingId);
  const ties = listTieDecisions(db, hearingId);
  const vocabulary = rules.outcomes.map((outcome) => outcome.id);
  const requests = listRequests(db, hearingId).map((request) => {
    const cast = ballots.filter((ballot) => ballot.requestId === request.id);
    const tie = ties.find((decision) => decision.requestId === request.id);
    return { position: request.position, text: request.text, ballots: cast, tally: tallyRequest(cast, vocabulary, rules.tieRule, tie) };
  });
  const outcomes: NamedOutcome[] = [...rules.outcomes, { id: abstention, name: { 'zh-CN': '弃权', en: 'Abstained' } }];
  const nameOf = (outcome: string) => outcomes.find((candidate) => candidate.id === outcome)?.name ?? null;
  const overall = rollUp(
    requests.map((request) => request.tally.decision),
    vocabulary,
  );
  const conclusion = record.finalOutcome
    ? nameOf(record.finalOutcome)
    : overall.kind === 'outcome'
      ? nameOf(overall.outcome)
      : overall.kind === 'partial'
        ? rules.partialName
        : null;
  const everyoneVoted = members.length > 0 && requests.length > 0 && ballots.length === members.length * requests.length;
  const revealed = record.ballot === 'open' || record.status !== 'open' || everyoneVoted;
  return { record, members, people, requests, outcomes, conclusion, revealed };
}

/**
 * The 评议笔录 of a hearing. Refused (documents/notAvailable) before the
 * panel has deliberated, and while a blind ballot is still secret: the
 * document would otherwise show votes the panel itself may not yet see.
 */
export function deliberationRecordDataOf(db: Db, hearing: HearingRecord, template: HearingTemplate): DeliberationRecordData {
  const panel = panelDeliberationOf(db, hearing.id, template);
  if (!panel?.revealed) throw new AppError('documents/notAvailable', { kind: 'deliberationRecord' });
  const { record, members, people, requests } = panel;
  const nameOf = (personId: string | null) => people.find((person) => person.id === personId)?.name ?? '';
  const withRole = (role: ParticipantWithState['role']) => people.filter((person) => person.role === role && !person.recused);
  const reports = listReports(db, hearing.id);
  const voting = template.deliberation.mode !== 'report';
  return {
    matter: hearing.title,
    matterNo: hearing.matterNo,
    organizer: hearing.organizer,
    venue: hearing.venue,
    openedAt: localDateTime(record.openedAt),
    closedAt: record.closedAt ? localDateTime(record.closedAt) : null,
    chair: withRole('chair')[0]?.name ?? '',
    clerk: withRole('clerk')[0]?.name ?? '',
    members: members.map((member) => ({ name: member.name, organization: member.organization })),
    mode: template.deliberation.mode,
    ballot: record.ballot,
    outcomes: panel.outcomes,
    requests: voting
      ? requests.map((request) => ({
          position: request.position,
          text: request.text,
          votes: members.map((member) => {
            const ballot = request.ballots.find((candidate) => candidate.memberId === member.id);
            return ballot
              ? { member: member.name, outcome: ballot.outcome, reasons: ballot.reasons, enteredBy: ballot.enteredBy }
              : { member: member.name, outcome: null, reasons: '', enteredBy: 'member' as const };
          }),
          counts: request.tally.counts,
          decision: request.tally.decision,
          dissent: request.tally.dissent.map((vote) => ({ member: nameOf(vote.memberId), outcome: vote.outcome, reasons: vote.reasons })),
        }))
      : [],
    missingVotes: voting
      ? members.length * requests.length - requests.reduce((sum, request) => sum + request.ballots.length, 0)
      : members.length - reports.length,
    closeReason: record.closeReason,
    representative: record.representativeId ? { name: nameOf(record.representativeId), statement: record.representativeStatement } : null,
    finalDecision: record.finalOutcome ? { outcome: record.finalOutcome, reason: record.finalReason } : null,
    reports: voting ? [] : members.map((member) => ({ member: member.name, text: reports.find((report) => report.memberId === member.id)?.text ?? null })),
    conclusion: panel.conclusion,
  };
}
