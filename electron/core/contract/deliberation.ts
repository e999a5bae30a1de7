import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { id, optionalText, requiredText } from './fields.js';
import type { LocalizedText } from './languages.js';

/** blind: nobody sees a vote until all are in or the chair closes (信访 default); open: each vote is shown as it is cast. */
export const ballotModes = ['blind', 'open'] as const;
export type BallotMode = (typeof ballotModes)[number];

export const deliberationStatuses = ['notOpened', 'open', 'closed', 'announced'] as const;
export type DeliberationStatus = (typeof deliberationStatuses)[number];

/** A member votes on the laptop themself, or the clerk enters their paper ballot. */
export const ballotSources = ['member', 'clerk'] as const;
export type BallotSource = (typeof ballotSources)[number];

export const announcementManners = ['onSpot', 'later'] as const;
export type AnnouncementManner = (typeof announcementManners)[number];

export const acceptances = ['yes', 'no', 'undecided'] as const;
export type Acceptance = (typeof acceptances)[number];

export const raterKinds = ['petitioner', 'staff'] as const;
export type RaterKind = (typeof raterKinds)[number];

/** The outcome word for abstaining, where the template allows it. */
export const abstention = 'abstain';

export interface DeliberationMember {
  participantId: string;
  name: string;
  /** Has left the room since the deliberation opened: still entitled, a paper ballot may be entered for them. */
  left: boolean;
}

export interface Ballot {
  memberId: string;
  memberName: string;
  /** Null while the ballot is secret (blind mode, before all have voted or the chair closes). */
  outcome: string | null;
  reasons: string | null;
  enteredBy: BallotSource;
  castAt: string;
  version: number;
}

export interface BallotChange {
  version: number;
  outcome: string;
  reasons: string;
  enteredBy: BallotSource;
  castAt: string;
  why: string;
}

export type RequestDecision =
  | { by: 'majority'; outcome: string }
  | { by: 'chair'; outcome: string; reason: string }
  | { by: 'none'; reason: 'tie' | 'noMajority' | 'noVotes' | 'awaitingChair' };

export interface RequestResult {
  counts: Array<{ outcome: string; votes: number }>;
  decision: RequestDecision;
  /** The votes against the decision, word for word: for the 评议笔录 only. */
  dissent: Array<{ memberId: string; memberName: string; outcome: string; reasons: string }>;
}

export interface RequestDeliberation {
  requestId: string;
  position: number;
  text: string;
  /** Who has voted on it, shown even while the votes are secret. */
  votedBy: string[];
  ballots: Ballot[];
  /** Null while the votes are secret. */
  result: RequestResult | null;
}

export type OverallConclusion = { kind: 'outcome'; outcome: string } | { kind: 'partial' } | { kind: 'pending' } | { kind: 'none' };

export interface Announcement {
  manner: AnnouncementManner;
  announcedAt: string;
  /** What the chair read out, as written into the minutes. */
  text: string;
  /** The day the written conclusion must be served by (template deadline). */
  serveBy: string;
}

export interface Satisfaction {
  /** Null when the petitioner declined to rate. */
  rating: string | null;
  declined: boolean;
  reason: string;
  enteredBy: RaterKind;
  recordedAt: string;
  acceptsConclusion: Acceptance;
}

export interface DeliberationView {
  hearingId: string;
  mode: 'vote' | 'discussion' | 'report';
  /** The procedure has reached the deliberation step, so the session may open. */
  canOpen: boolean;
  status: DeliberationStatus;
  ballot: BallotMode;
  openedAt: string | null;
  closedAt: string | null;
  closeReason: string;
  /** The entitled members, frozen when the session opened (present panel members, recused excluded). */
  members: DeliberationMember[];
  quorum: { minMembers: number; odd: boolean; allPresent: boolean };
  outcomes: Array<{ id: string; name: LocalizedText }>;
  abstentionAllowed: boolean;
  tieRule: 'chairDecides' | 'noConclusion';
  /** Votes are visible: open mode, or everyone has voted, or the session is closed. */
  revealed: boolean;
  requests: RequestDeliberation[];
  conclusion: OverallConclusion;
  /** How the overall conclusion reads: 予以支持, 部分支持 … */
  conclusionName: LocalizedText | null;
  /** 检察: the 听证员代表 who states the panel's view, and the decision taken on it. */
  representative: { participantId: string; name: string; statement: string } | null;
  finalDecision: { outcome: string; reason: string } | null;
  /** 价格: each 听证人's written report. */
  reports: Array<{ memberId: string; memberName: string; text: string; writtenAt: string }>;
  announcement: Announcement | null;
  satisfactionScale: Array<{ id: string; name: LocalizedText; needsReason: boolean }>;
  satisfaction: Satisfaction | null;
}

const hearingRef = { hearingId: id };
const outcome = z.string().regex(/^[a-zA-Z]{1,40}$/, 'validation.invalidOption');

export const deliberationMethods = {
  'deliberation.view': query(z.object(hearingRef).strict(), returns<DeliberationView>(), 'The panel’s deliberation; secret votes are withheld.'),
  'deliberation.open': mutation(
    z.object({ ...hearingRef, ballot: z.enum(ballotModes, 'validation.invalidOption').default('blind') }).strict(),
    returns<DeliberationView>(),
    'Opens the deliberation at the deliberation step, freezing the entitled members and checking the quorum.',
  ),
  'deliberation.vote': mutation(
    z
      .object({
        ...hearingRef,
        requestId: id,
        memberId: id,
        outcome,
        reasons: requiredText(5000),
        enteredBy: z.enum(ballotSources, 'validation.invalidOption').default('member'),
      })
      .strict(),
    returns<DeliberationView>(),
    'A member’s vote on one request, with written reasons; once only.',
  ),
  'deliberation.changeVote': mutation(
    z.object({ ...hearingRef, requestId: id, memberId: id, outcome, reasons: requiredText(5000), why: requiredText(500) }).strict(),
    returns<DeliberationView>(),
    'Changes a vote before the session closes; the earlier vote stays in the history.',
  ),
  'deliberation.ballotHistory': query(
    z.object({ ...hearingRef, requestId: id, memberId: id }).strict(),
    returns<BallotChange[]>(),
    'Every version of one vote, once the votes are revealed.',
  ),
  'deliberation.close': mutation(
    z.object({ ...hearingRef, reason: optionalText(500).default('') }).strict(),
    returns<DeliberationView>(),
    'Closes the session; a reason is needed while votes are missing.',
  ),
  'deliberation.decideTie': mutation(
    z.object({ ...hearingRef, requestId: id, outcome, reason: requiredText(1000) }).strict(),
    returns<DeliberationView>(),
    'The chair’s decision, with reasons, where the votes reached no majority and the template lets the chair decide.',
  ),
  'deliberation.conclude': mutation(
    z
      .object({
        ...hearingRef,
        representativeId: id,
        statement: requiredText(5000),
        outcome,
        reason: optionalText(1000).default(''),
      })
      .strict(),
    returns<DeliberationView>(),
    'Discussion mode (检察): the 听证员代表 states the panel’s view and the decision taken; departing from the majority needs a reason.',
  ),
  'deliberation.report': mutation(
    z.object({ ...hearingRef, memberId: id, text: requiredText(20000) }).strict(),
    returns<DeliberationView>(),
    'Report mode (价格): a 听证人’s written report.',
  ),
  'deliberation.announce': mutation(
    z.object({ ...hearingRef, manner: z.enum(announcementManners, 'validation.invalidOption') }).strict(),
    returns<DeliberationView>(),
    'The chair announces the conclusion on the spot, or that it will be served later; written into the minutes and shown on the display.',
  ),
  'satisfaction.record': mutation(
    z
      .object({
        ...hearingRef,
        rating: z
          .string()
          .regex(/^[a-zA-Z]{1,40}$/, 'validation.invalidOption')
          .nullable(),
        reason: optionalText(1000).default(''),
        enteredBy: z.enum(raterKinds, 'validation.invalidOption'),
        acceptsConclusion: z.enum(acceptances, 'validation.invalidOption'),
      })
      .strict(),
    returns<DeliberationView>(),
    'The petitioner’s rating after the announcement (null: declined to rate); never pre-filled.',
  ),
} as const;

export const deliberationEvents = {
  'deliberation.changed': z.object(hearingRef),
} as const;
