import { archiveOutcomeStates, type HearingStage, type HearingStatus, type Language, type LocalizedText } from '../contract/index.js';
import { localDateOf } from '../deadlines/calendar.js';
import type { HearingFacts, OnTime } from './facts.js';

/** One line of the 台账 as the office keeps it; dates are local 'YYYY-MM-DD', blanks are null. */
export interface LedgerRow {
  number: number;
  matterNo: string;
  title: string;
  type: string;
  stage: string;
  organizer: string;
  agency: string;
  applicationDate: string | null;
  /** The day it sat, or the planned day while it has not. */
  hearingDate: string;
  venue: string;
  publicity: string;
  status: string;
  panelMembers: number;
  conclusion: string;
  satisfaction: string;
  acceptance: string;
  finalizedOn: string | null;
  onTime: string;
}

const words = {
  'zh-CN': {
    stage: { handling: '处理', review: '复查', reexamination: '复核' } satisfies Record<HearingStage, string>,
    status: { preparing: '筹备中', inProgress: '进行中', closed: '已结束', finalized: '已归档' } satisfies Record<HearingStatus, string>,
    publicity: { public: '公开', nonPublic: '不公开' },
    conclusion: { pending: '待评议', none: '未形成结论' },
    declined: '拒绝评价',
    acceptance: { yes: '是', no: '否', undecided: '未表态' },
    onTime: { onTime: '按期', late: '逾期', open: '未到期', noDeadline: '' } satisfies Record<OnTime, string>,
  },
  en: {
    stage: { handling: 'Handling', review: 'Review', reexamination: 'Re-examination' },
    status: { preparing: 'In preparation', inProgress: 'In progress', closed: 'Closed', finalized: 'Finalized' },
    publicity: { public: 'Public', nonPublic: 'Not public' },
    conclusion: { pending: 'Pending', none: 'No conclusion' },
    declined: 'Declined to rate',
    acceptance: { yes: 'Yes', no: 'No', undecided: 'Undecided' },
    onTime: { onTime: 'On time', late: 'Late', open: 'Not yet due', noDeadline: '' },
  },
} as const;

function conclusionOf(fact: HearingFacts, language: Language): string {
  const outcome = fact.row.outcome;
  if (outcome === null) return '';
  const deliberation = fact.template?.deliberation;
  if (outcome === 'partial') return deliberation?.partialName[language] ?? '';
  if ((archiveOutcomeStates as readonly string[]).includes(outcome)) return words[language].conclusion[outcome as 'pending' | 'none'];
  const named = deliberation?.outcomes.find((candidate) => candidate.id === outcome)?.name;
  return named?.[language] ?? outcome;
}

function satisfactionOf(fact: HearingFacts, language: Language): string {
  if (!fact.satisfaction) return '';
  const rating = fact.satisfaction.rating;
  if (rating === null) return words[language].declined;
  const name: LocalizedText | undefined = fact.template?.satisfactionScale.find((level) => level.id === rating)?.name;
  return name?.[language] ?? rating;
}

/** The 台账: one row per hearing, in the order the archive lists them. */
export function ledgerRows(facts: readonly HearingFacts[], language: Language): LedgerRow[] {
  const w = words[language];
  return facts.map((fact, index) => {
    const { row } = fact;
    return {
      number: index + 1,
      matterNo: row.matterNo,
      title: row.title,
      type: fact.template?.name[language] ?? row.templateId,
      stage: w.stage[row.stage],
      organizer: row.organizer,
      agency: row.agency,
      applicationDate: row.applicationDate,
      hearingDate: fact.satOn ?? row.plannedStart.slice(0, 10),
      venue: row.venue,
      publicity: row.isPublic ? w.publicity.public : w.publicity.nonPublic,
      status: w.status[row.status],
      panelMembers: fact.panelMembers,
      conclusion: conclusionOf(fact, language),
      satisfaction: satisfactionOf(fact, language),
      acceptance: fact.satisfaction ? w.acceptance[fact.satisfaction.acceptsConclusion] : '',
      finalizedOn: row.finalizedAt ? localDateOf(new Date(row.finalizedAt)) : null,
      onTime: w.onTime[fact.onTime],
    };
  });
}
