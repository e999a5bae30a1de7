import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveFilterInput, StatisticsFigures } from '../../../electron/core/contract/index.js';
import { officeYearCoreHost, officeYearToday, planOfficeYear, seedOfficeYear, type HearingPlan } from '../../fixtures/office-year.js';
import { fixedClock, openTestCore, resourcesDir, type TestCore } from '../support/core.js';

/**
 * A year of 200 hearings of one city, seeded through the router from a plan
 * (test/fixtures/office-year.ts). Every figure is counted here again from
 * the plan, by the rules the dashboard states, and compared with the core.
 */

const plans = planOfficeYear(resourcesDir);
const clock = fixedClock('2025-12-15T01:00:00.000Z');
let core: TestCore;

beforeAll(async () => {
  core = openTestCore(undefined, clock);
  await seedOfficeYear(officeYearCoreHost(core, clock), plans);
}, 240_000);

afterAll(() => core?.close());

const compute = (filter: ArchiveFilterInput = {}) => core.ok('statistics.compute', { filter });

const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The decision on each request, by the rules of the 评议 tab: a majority of the votes, else the chair; 检察 by the decision on the representative's view. */
function decidedByHand(plan: HearingPlan): Array<string | null> {
  if (!plan.deliberated) return [];
  if (!plan.announced) return plan.requests.map(() => null);
  if (plan.finalOutcome) return plan.requests.map(() => plan.finalOutcome);
  return plan.votes.map((votes, position) => {
    const tally = new Map<string, number>();
    for (const vote of votes) tally.set(vote, (tally.get(vote) ?? 0) + 1);
    const majority = [...tally].find(([, votesFor]) => votesFor * 2 > votes.length)?.[0];
    return majority ?? plan.chairDecisions[position] ?? null;
  });
}

describe('the statistics of a year of 200 hearings', () => {
  let figures: StatisticsFigures;
  beforeAll(async () => {
    figures = await compute();
  });

  it('counts every hearing, per type and per month of the planned sitting', () => {
    expect(plans).toHaveLength(200);
    expect(figures.asOf).toBe(officeYearToday);
    expect(figures.hearings).toBe(200);
    const templateIds = [...new Set(plans.map((plan) => plan.input.templateId))];
    expect(figures.templates.map((template) => template.id).sort()).toEqual([...templateIds].sort());
    expect(figures.perTemplate).toHaveLength(templateIds.length);
    for (const templateId of templateIds) {
      expect(figures.perTemplate.find((entry) => entry.templateId === templateId)?.hearings).toBe(count(plans, (plan) => plan.input.templateId === templateId));
    }
    const months = Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}`);
    expect(figures.perMonth.map((month) => month.month)).toEqual(months);
    for (const month of figures.perMonth) {
      const inMonth = plans.filter((plan) => plan.input.plannedStart.startsWith(month.month));
      expect(month.total).toBe(inMonth.length);
      for (const entry of month.byTemplate) expect(entry.hearings).toBe(count(inMonth, (plan) => plan.input.templateId === entry.templateId));
    }
  });

  it('counts the outcome of every request the panel deliberated, in each type’s vocabulary', () => {
    const families: Record<string, string[]> = { petition: ['support', 'explain', 'reject'], procuratorate: ['agree', 'partlyAgree', 'disagree'] };
    expect(figures.outcomes.map((family) => family.templateId).sort()).toEqual(Object.keys(families).sort());
    for (const [templateId, vocabulary] of Object.entries(families)) {
      const decided = plans.filter((plan) => plan.input.templateId === templateId).flatMap(decidedByHand);
      const family = figures.outcomes.find((entry) => entry.templateId === templateId);
      expect(family?.requests).toBe(decided.length);
      expect(family?.undecided).toBe(count(decided, (outcome) => outcome === null));
      expect(family?.outcomes.map((outcome) => [outcome.id, outcome.requests])).toEqual(
        vocabulary.map((id) => [id, count(decided, (outcome) => outcome === id)]),
      );
    }
    const petition = figures.outcomes.find((entry) => entry.templateId === 'petition');
    expect(petition?.outcomes.map((outcome) => outcome.name['zh-CN'])).toEqual(['予以支持', '作出解释说明', '不予支持']);
    // The seeded year has requests of every kind: a tie the chair decided, and a blind vote left half-cast.
    expect(plans.some((plan) => plan.chairDecisions.some(Boolean))).toBe(true);
    expect(petition?.undecided).toBeGreaterThan(0);
  });

  it('gives the satisfaction rate as 满意 + 基本满意 over the ratings given, with the declined counted apart', () => {
    const answers = plans.flatMap((plan) => (plan.satisfaction ? [plan.satisfaction] : []));
    const rated = answers.filter((answer) => answer.rating !== null);
    const satisfied = count(rated, (answer) => answer.rating === 'satisfied' || answer.rating === 'basicallySatisfied');
    expect(figures.satisfaction.satisfied).toEqual({ numerator: satisfied, denominator: rated.length });
    expect(figures.satisfaction.declined).toBe(count(answers, (answer) => answer.rating === null));
    expect(figures.satisfaction.declined).toBeGreaterThan(0);
    expect(figures.satisfaction.levels.map((level) => [level.id, level.satisfied, level.count])).toEqual([
      ['satisfied', true, count(rated, (answer) => answer.rating === 'satisfied')],
      ['basicallySatisfied', true, count(rated, (answer) => answer.rating === 'basicallySatisfied')],
      ['dissatisfied', false, count(rated, (answer) => answer.rating === 'dissatisfied')],
    ]);
  });

  it('gives the 息诉罢访 rate as the petitioners who accept the conclusion over those asked', () => {
    const answers = plans.flatMap((plan) => (plan.satisfaction ? [plan.satisfaction.acceptsConclusion] : []));
    expect(figures.acceptance).toEqual({
      accepted: { numerator: count(answers, (answer) => answer === 'yes'), denominator: answers.length },
      refused: count(answers, (answer) => answer === 'no'),
      undecided: count(answers, (answer) => answer === 'undecided'),
    });
  });

  it('sums planned and actual minutes of the steps held, by kind of step, and counts the skipped', () => {
    const steps = plans.flatMap((plan) => plan.steps);
    const types = [...new Set(steps.filter((step) => step.status === 'done' || step.status === 'skipped').map((step) => step.type))];
    expect(figures.steps.map((step) => step.type).sort()).toEqual(types.sort());
    for (const type of types) {
      const held = steps.filter((step) => step.type === type && step.status === 'done');
      expect(figures.steps.find((step) => step.type === type)).toMatchObject({
        held: held.length,
        skipped: count(steps, (step) => step.type === type && step.status === 'skipped'),
        plannedMinutes: sum(held.map((step) => step.plannedMinutes)),
        actualMs: sum(held.map((step) => step.actualMinutes * 60_000)),
      });
    }
    expect(figures.steps.find((step) => step.type === 'questions')?.skipped).toBeGreaterThan(0);
  });

  it('sums the speaking time and the turns of each side', () => {
    const speeches = plans.flatMap((plan) => plan.steps.flatMap((step) => step.speeches));
    expect(figures.speaking.map(({ side, spokenMs, turns }) => ({ side, spokenMs, turns }))).toEqual(
      (['panel', 'petitioner', 'agency'] as const).map((side) => ({
        side,
        spokenMs: sum(speeches.filter((speech) => speech.side === side).map((speech) => speech.seconds * 1000)),
        turns: count(speeches, (speech) => speech.side === side),
      })),
    );
  });

  it('counts the days from the close of each finalized hearing to its sealed record', () => {
    const days = plans.flatMap((plan) => (plan.daysToFinal === null ? [] : [plan.daysToFinal]));
    expect(days).toHaveLength(3);
    expect(figures.toFinal).toEqual({ hearings: 3, totalDays: sum(days), minDays: Math.min(...days), maxDays: Math.max(...days) });
  });

  it('gives the on-time rate against the template’s hold-by date, with the hearings still open and those without an application apart', () => {
    const kept = count(plans, (plan) => plan.onTime === 'onTime');
    const late = count(plans, (plan) => plan.onTime === 'late');
    expect(figures.onTime).toEqual({
      onTime: { numerator: kept, denominator: kept + late },
      late,
      open: count(plans, (plan) => plan.onTime === 'open'),
      noDeadline: count(plans, (plan) => plan.onTime === 'noDeadline'),
    });
    expect(count(plans, (plan) => plan.fate === 'preparing' && plan.onTime === 'late')).toBeGreaterThan(0);
  });
});

describe('the statistics follow the archive filter', () => {
  it('counts only the 信访 hearings of one bureau', async () => {
    const mine = plans.filter((plan) => plan.input.templateId === 'petition' && plan.input.organizer.includes('西乡塘'));
    const figures = await compute({ templateIds: ['petition'], organizer: '西乡塘' });
    expect(figures.hearings).toBe(mine.length);
    expect(figures.perTemplate).toEqual([{ templateId: 'petition', hearings: mine.length }]);
    const answers = mine.flatMap((plan) => (plan.satisfaction ? [plan.satisfaction.acceptsConclusion] : []));
    expect(figures.acceptance.accepted).toEqual({ numerator: count(answers, (answer) => answer === 'yes'), denominator: answers.length });
  });

  it('counts one quarter by the planned sitting', async () => {
    const figures = await compute({ from: '2026-04-01', to: '2026-06-30' });
    expect(figures.hearings).toBe(count(plans, (plan) => plan.input.plannedStart >= '2026-04-01' && plan.input.plannedStart < '2026-07-01'));
    expect(figures.perMonth.map((month) => month.month)).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('keeps both counts of a rate where nothing was counted, and lists no month where no hearing matches', async () => {
    const pricing = await compute({ templateIds: ['pricing'] });
    expect(pricing.hearings).toBe(count(plans, (plan) => plan.input.templateId === 'pricing'));
    expect(pricing.satisfaction.satisfied).toEqual({ numerator: 0, denominator: 0 });
    expect(pricing.acceptance.accepted).toEqual({ numerator: 0, denominator: 0 });
    expect(pricing.outcomes).toEqual([]);
    const none = await compute({ organizer: '不存在的机关' });
    expect(none).toMatchObject({ hearings: 0, perMonth: [], steps: [], speaking: [], toFinal: { hearings: 0, totalDays: 0, minDays: null, maxDays: null } });
    expect(none.onTime.onTime).toEqual({ numerator: 0, denominator: 0 });
  });
});
