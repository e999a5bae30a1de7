/** A member's choice on one request: an outcome of the template's vocabulary, or an abstention where the template allows it. */
export const abstain = 'abstain';

export interface CastVote {
  memberId: string;
  outcome: string;
  reasons: string;
}

/** How a request was decided: by a majority of the votes, by the chair after a tie, or not at all. */
export type Decision =
  | { by: 'majority'; outcome: string }
  | { by: 'chair'; outcome: string; reason: string }
  | { by: 'none'; reason: 'tie' | 'noMajority' | 'noVotes' | 'awaitingChair' };

export interface RequestTally {
  /** Votes per outcome, in the vocabulary's order, abstentions last. */
  counts: Array<{ outcome: string; votes: number }>;
  cast: number;
  abstained: number;
  /** An outcome with more than half of the votes that are not abstentions, if any. */
  majority: string | null;
  /** Two or more outcomes share the most votes. */
  tie: boolean;
  decision: Decision;
  /** The votes that differ from the decided outcome, with their reasons word for word (评议笔录). */
  dissent: CastVote[];
}

export type TieRule = 'chairDecides' | 'noConclusion';

/**
 * Counts one request's votes. The majority is of the votes cast for an
 * outcome (abstentions do not count either way), so 3:2 decides and 2:2
 * does not; a tie or a split without a majority is never settled silently:
 * under `chairDecides` it waits for the chair's decision with reasons, under
 * `noConclusion` it stands as no conclusion.
 */
export function tallyRequest(
  votes: readonly CastVote[],
  vocabulary: readonly string[],
  tieRule: TieRule,
  chairDecision?: { outcome: string; reason: string },
): RequestTally {
  const counted = votes.filter((vote) => vote.outcome !== abstain);
  const counts = vocabulary.map((outcome) => ({ outcome, votes: counted.filter((vote) => vote.outcome === outcome).length }));
  const abstained = votes.length - counted.length;
  if (abstained > 0) counts.push({ outcome: abstain, votes: abstained });
  const top = Math.max(0, ...counts.filter((count) => count.outcome !== abstain).map((count) => count.votes));
  const leaders = counts.filter((count) => count.outcome !== abstain && count.votes === top && top > 0);
  const majority = counted.length > 0 && top * 2 > counted.length ? (leaders[0]?.outcome ?? null) : null;
  const tie = leaders.length > 1;
  let decision: Decision;
  if (majority) decision = { by: 'majority', outcome: majority };
  else if (tieRule === 'chairDecides' && counted.length > 0)
    decision = chairDecision ? { by: 'chair', ...chairDecision } : { by: 'none', reason: 'awaitingChair' };
  else decision = { by: 'none', reason: counted.length === 0 ? 'noVotes' : tie ? 'tie' : 'noMajority' };
  const decided = decision.by === 'none' ? null : decision.outcome;
  const dissent = decided ? votes.filter((vote) => vote.outcome !== decided) : [];
  return { counts, cast: votes.length, abstained, majority, tie, decision, dissent };
}

/** The overall conclusion across requests. */
export type RollUp = { kind: 'outcome'; outcome: string } | { kind: 'partial' } | { kind: 'pending' } | { kind: 'none' };

/**
 * One word for the whole hearing (信访 practice): every request alike → that
 * outcome; the vocabulary's first (most favourable) outcome for some but not
 * all → 部分支持; otherwise the least favourable outcome decided, since
 * nothing was granted. A request still waiting for votes or for the chair
 * keeps it pending; one left without a conclusion leaves the whole without one.
 */
export function rollUp(decisions: readonly Decision[], vocabulary: readonly string[]): RollUp {
  if (decisions.length === 0) return { kind: 'none' };
  const outcomes: string[] = [];
  for (const decision of decisions) {
    if (decision.by === 'none') return decision.reason === 'noVotes' || decision.reason === 'awaitingChair' ? { kind: 'pending' } : { kind: 'none' };
    outcomes.push(decision.outcome);
  }
  const distinct = [...new Set(outcomes)];
  if (distinct.length === 1) return { kind: 'outcome', outcome: distinct[0] as string };
  if (outcomes.includes(vocabulary[0] as string)) return { kind: 'partial' };
  const leastFavourable = [...distinct].sort((a, b) => vocabulary.indexOf(b) - vocabulary.indexOf(a))[0] as string;
  return { kind: 'outcome', outcome: leastFavourable };
}
