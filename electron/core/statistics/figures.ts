import { sides, stepTypes, type LocalizedText, type Side, type StatisticsFigures, type StepType } from '../contract/index.js';
import type { HearingTemplate } from '../templates/schema.js';
import type { HearingFacts } from './facts.js';

/** The kinds of step as the statistics group them; a template's own steps (价格 成本审查, 检察 总结) fall under 其他. */
export const stepTypeNames: Record<StepType, LocalizedText> = {
  checkIn: { 'zh-CN': '签到', en: 'Check-in' },
  discipline: { 'zh-CN': '宣布听证纪律', en: 'Discipline' },
  opening: { 'zh-CN': '宣布听证开始', en: 'Opening' },
  introductions: { 'zh-CN': '介绍听证人员', en: 'Introductions' },
  rights: { 'zh-CN': '告知权利义务', en: 'Rights and duties' },
  recusal: { 'zh-CN': '询问回避', en: 'Recusal' },
  nonPublicNotice: { 'zh-CN': '不公开说明', en: 'Non-public notice' },
  partyStatement: { 'zh-CN': '当事人陈述', en: 'Party’s statement' },
  agencyStatement: { 'zh-CN': '办理机关陈述', en: 'Agency’s statement' },
  evidence: { 'zh-CN': '质证', en: 'Evidence' },
  debate: { 'zh-CN': '辩论', en: 'Debate' },
  questions: { 'zh-CN': '询问', en: 'Questions' },
  finalStatements: { 'zh-CN': '最后陈述', en: 'Final statements' },
  deliberation: { 'zh-CN': '休会评议', en: 'Deliberation' },
  resumption: { 'zh-CN': '复会', en: 'Resumption' },
  readBack: { 'zh-CN': '宣读笔录', en: 'Read-back' },
  closing: { 'zh-CN': '宣布听证结束', en: 'Closing' },
  other: { 'zh-CN': '其他环节', en: 'Other steps' },
};

export const sideNames: Record<Side, LocalizedText> = {
  presiding: { 'zh-CN': '主持人', en: 'Presiding officer' },
  panel: { 'zh-CN': '听证员', en: 'Panel' },
  record: { 'zh-CN': '记录员', en: 'Clerk' },
  petitioner: { 'zh-CN': '信访人一方', en: 'Petitioner’s side' },
  agency: { 'zh-CN': '办理机关一方', en: 'Agency’s side' },
  third: { 'zh-CN': '第三人及其他', en: 'Third parties and others' },
  public: { 'zh-CN': '旁听', en: 'Public' },
};

/** The months from the first to the last, so a chart's axis has no holes. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

function perMonth(facts: readonly HearingFacts[], templateIds: readonly string[]): StatisticsFigures['perMonth'] {
  const months = facts.map((fact) => fact.row.plannedStart.slice(0, 7)).sort();
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  return monthsBetween(first, last).map((month) => {
    const inMonth = facts.filter((fact) => fact.row.plannedStart.startsWith(month));
    return {
      month,
      total: inMonth.length,
      byTemplate: templateIds.map((templateId) => ({ templateId, hearings: inMonth.filter((fact) => fact.row.templateId === templateId).length })),
    };
  });
}

function outcomes(facts: readonly HearingFacts[], templates: readonly HearingTemplate[]): StatisticsFigures['outcomes'] {
  return templates
    .filter((template) => template.deliberation.outcomes.length > 0)
    .flatMap((template) => {
      const decided = facts.filter((fact) => fact.row.templateId === template.id).flatMap((fact) => fact.requestOutcomes);
      if (decided.length === 0) return [];
      return [
        {
          templateId: template.id,
          requests: decided.length,
          outcomes: template.deliberation.outcomes.map(({ id, name }) => ({ id, name, requests: decided.filter((outcome) => outcome === id).length })),
          undecided: decided.filter((outcome) => outcome === null).length,
        },
      ];
    });
}

function satisfaction(facts: readonly HearingFacts[], templates: readonly HearingTemplate[]): StatisticsFigures['satisfaction'] {
  const levels: StatisticsFigures['satisfaction']['levels'] = [];
  for (const template of templates) {
    for (const level of template.satisfactionScale) {
      if (!levels.some((known) => known.id === level.id)) levels.push({ id: level.id, name: level.name, satisfied: !level.needsReason, count: 0 });
    }
  }
  let declined = 0;
  for (const fact of facts) {
    if (!fact.satisfaction) continue;
    const rating = fact.satisfaction.rating;
    if (rating === null) declined += 1;
    else {
      const level = levels.find((known) => known.id === rating);
      if (level) level.count += 1;
    }
  }
  const rated = levels.reduce((sum, level) => sum + level.count, 0);
  const satisfied = levels.filter((level) => level.satisfied).reduce((sum, level) => sum + level.count, 0);
  return { satisfied: { numerator: satisfied, denominator: rated }, levels, declined };
}

function acceptance(facts: readonly HearingFacts[]): StatisticsFigures['acceptance'] {
  const answers = facts.flatMap((fact) => (fact.satisfaction ? [fact.satisfaction.acceptsConclusion] : []));
  const count = (answer: string) => answers.filter((candidate) => candidate === answer).length;
  return { accepted: { numerator: count('yes'), denominator: answers.length }, refused: count('no'), undecided: count('undecided') };
}

function steps(facts: readonly HearingFacts[]): StatisticsFigures['steps'] {
  const all = facts.flatMap((fact) => fact.steps);
  return stepTypes.flatMap((type) => {
    const ofType = all.filter((step) => step.type === type);
    const held = ofType.filter((step) => step.status === 'done');
    const skipped = ofType.filter((step) => step.status === 'skipped').length;
    if (held.length === 0 && skipped === 0) return [];
    return [
      {
        type,
        name: stepTypeNames[type],
        held: held.length,
        skipped,
        plannedMinutes: held.reduce((sum, step) => sum + step.plannedMinutes, 0),
        actualMs: held.reduce((sum, step) => sum + step.actualMs, 0),
      },
    ];
  });
}

function speaking(facts: readonly HearingFacts[]): StatisticsFigures['speaking'] {
  const all = facts.flatMap((fact) => fact.speeches);
  return sides.flatMap((side) => {
    const ofSide = all.filter((speech) => speech.side === side);
    if (ofSide.length === 0) return [];
    return [{ side, name: sideNames[side], spokenMs: ofSide.reduce((sum, speech) => sum + speech.spokenMs, 0), turns: ofSide.length }];
  });
}

function toFinal(facts: readonly HearingFacts[]): StatisticsFigures['toFinal'] {
  const days = facts.flatMap((fact) => (fact.daysToFinal === null ? [] : [fact.daysToFinal]));
  return {
    hearings: days.length,
    totalDays: days.reduce((sum, value) => sum + value, 0),
    minDays: days.length > 0 ? Math.min(...days) : null,
    maxDays: days.length > 0 ? Math.max(...days) : null,
  };
}

function onTime(facts: readonly HearingFacts[]): StatisticsFigures['onTime'] {
  const count = (status: HearingFacts['onTime']) => facts.filter((fact) => fact.onTime === status).length;
  const [kept, late] = [count('onTime'), count('late')];
  return { onTime: { numerator: kept, denominator: kept + late }, late, open: count('open'), noDeadline: count('noDeadline') };
}

/** Every figure of the dashboard over the same hearings, as pure counts: the renderer and the workbook only format them. */
export function computeFigures(facts: readonly HearingFacts[], templates: readonly HearingTemplate[], asOf: string): StatisticsFigures {
  const present = templates.filter((template) => facts.some((fact) => fact.row.templateId === template.id));
  const templateIds = present.map((template) => template.id);
  return {
    asOf,
    hearings: facts.length,
    templates: present.map((template) => ({ id: template.id, name: template.name })),
    perMonth: perMonth(facts, templateIds),
    perTemplate: templateIds.map((templateId) => ({ templateId, hearings: facts.filter((fact) => fact.row.templateId === templateId).length })),
    outcomes: outcomes(facts, present),
    satisfaction: satisfaction(facts, present),
    acceptance: acceptance(facts),
    steps: steps(facts),
    speaking: speaking(facts),
    toFinal: toFinal(facts),
    onTime: onTime(facts),
  };
}
