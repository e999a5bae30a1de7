import { describe, expect, it } from 'vitest';
import { abstain, rollUp, tallyRequest, type CastVote } from '../../../electron/core/deliberation/tally.js';

const vocabulary = ['support', 'explain', 'reject'];

function votes(...outcomes: string[]): CastVote[] {
  const members = ['黄志刚', '梁秀英', '韦建国', '覃丽华', '陆海峰', '蒙丽萍', '农国栋'];
  return outcomes.map((outcome, index) => ({ memberId: members[index] as string, outcome, reasons: `${members[index]}的理由` }));
}

describe('tallying one request', () => {
  it('3 members: 2:1 decides, and the one against is the dissent, word for word', () => {
    const tally = tallyRequest(votes('support', 'support', 'reject'), vocabulary, 'chairDecides');
    expect(tally.decision).toEqual({ by: 'majority', outcome: 'support' });
    expect(tally.dissent).toEqual([{ memberId: '韦建国', outcome: 'reject', reasons: '韦建国的理由' }]);
    expect(tally.counts).toEqual([
      { outcome: 'support', votes: 2 },
      { outcome: 'explain', votes: 0 },
      { outcome: 'reject', votes: 1 },
    ]);
  });

  it('5 members: 3:2 decides; unanimity leaves no dissent', () => {
    expect(tallyRequest(votes('reject', 'support', 'reject', 'support', 'reject'), vocabulary, 'chairDecides').decision).toEqual({
      by: 'majority',
      outcome: 'reject',
    });
    expect(tallyRequest(votes('explain', 'explain', 'explain', 'explain', 'explain'), vocabulary, 'chairDecides').dissent).toEqual([]);
  });

  it('7 members: 3:2:2 is no majority, and waits for the chair under chairDecides', () => {
    const tally = tallyRequest(votes('support', 'support', 'support', 'explain', 'explain', 'reject', 'reject'), vocabulary, 'chairDecides');
    expect(tally.majority).toBeNull();
    expect(tally.tie).toBe(false);
    expect(tally.decision).toEqual({ by: 'none', reason: 'awaitingChair' });
    const decided = tallyRequest(votes('support', 'support', 'support', 'explain', 'explain', 'reject', 'reject'), vocabulary, 'chairDecides', {
      outcome: 'support',
      reason: '多数听证员倾向支持，且有房产证为据',
    });
    expect(decided.decision).toEqual({ by: 'chair', outcome: 'support', reason: '多数听证员倾向支持，且有房产证为据' });
    expect(decided.dissent.map((vote) => vote.memberId)).toEqual(['覃丽华', '陆海峰', '蒙丽萍', '农国栋']);
  });

  it('a tie (a member left early, 2:2) is never settled silently: no conclusion under noConclusion', () => {
    const tally = tallyRequest(votes('support', 'reject', 'support', 'reject'), vocabulary, 'noConclusion');
    expect(tally.tie).toBe(true);
    expect(tally.decision).toEqual({ by: 'none', reason: 'tie' });
    expect(tally.dissent).toEqual([]);
  });

  it('abstentions, where the template allows them, count for nothing: 2 for, 1 against, 2 abstaining decides', () => {
    const tally = tallyRequest(votes('support', abstain, 'support', 'reject', abstain), vocabulary, 'noConclusion');
    expect(tally.decision).toEqual({ by: 'majority', outcome: 'support' });
    expect(tally.abstained).toBe(2);
    expect(tally.counts.at(-1)).toEqual({ outcome: abstain, votes: 2 });
    expect(tally.dissent.map((vote) => vote.outcome)).toEqual([abstain, 'reject', abstain]);
  });

  it('no votes yet is pending, not a conclusion', () => {
    expect(tallyRequest([], vocabulary, 'chairDecides').decision).toEqual({ by: 'none', reason: 'noVotes' });
  });
});

describe('the overall conclusion', () => {
  const majority = (outcome: string) => ({ by: 'majority' as const, outcome });

  it('is the common outcome when every request ends alike', () => {
    expect(rollUp([majority('support'), majority('support')], vocabulary)).toEqual({ kind: 'outcome', outcome: 'support' });
  });

  it('is 部分支持 when some but not all requests are supported', () => {
    expect(rollUp([majority('support'), majority('reject'), majority('explain')], vocabulary)).toEqual({ kind: 'partial' });
  });

  it('is the least favourable outcome when nothing is supported', () => {
    expect(rollUp([majority('explain'), majority('reject')], vocabulary)).toEqual({ kind: 'outcome', outcome: 'reject' });
  });

  it('waits while a request still awaits votes or the chair, and has none when a request ended without a conclusion', () => {
    expect(rollUp([majority('support'), { by: 'none', reason: 'awaitingChair' }], vocabulary)).toEqual({ kind: 'pending' });
    expect(rollUp([majority('support'), { by: 'none', reason: 'tie' }], vocabulary)).toEqual({ kind: 'none' });
    expect(rollUp([], vocabulary)).toEqual({ kind: 'none' });
  });
});
