import type { Acceptance, ArchiveRow, Side, StepStatus, StepType } from '../contract/index.js';
import { findSatisfaction } from '../db/deliberation.js';
import { listParticipants } from '../db/participants.js';
import { listSpeeches, listSteps } from '../db/procedure.js';
import { localDateOf } from '../deadlines/calendar.js';
import { panelDeliberationOf } from '../documents/deliberation-record-data.js';
import { runningMs } from '../procedure/clock.js';
import type { ServiceDeps } from '../services.js';
import type { HearingTemplate } from '../templates/schema.js';

/** Whether the hearing sat by its hold-by date: `open` while it may still do so, `noDeadline` without an application date. */
export type OnTime = 'onTime' | 'late' | 'open' | 'noDeadline';

/** What the figures and the 台账 need of one hearing, read once from the database. */
export interface HearingFacts {
  row: ArchiveRow;
  template: HearingTemplate | undefined;
  /** The decided outcome of each request the panel deliberates on, null while undecided or still secret. */
  requestOutcomes: Array<string | null>;
  satisfaction: { rating: string | null; acceptsConclusion: Acceptance } | null;
  steps: Array<{ type: StepType; status: StepStatus; plannedMinutes: number; actualMs: number }>;
  speeches: Array<{ side: Side; spokenMs: number }>;
  /** Panel members not recused. */
  panelMembers: number;
  /** The local date the sitting opened, if it has. */
  satOn: string | null;
  /** Whole days from the close (or the start) to the finalized record, for a finalized hearing. */
  daysToFinal: number | null;
  onTime: OnTime;
}

const msPerDay = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / msPerDay;
}

/** Calendar days between two local dates, as a clerk counts them on the wall calendar. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function requestOutcomesOf(deps: ServiceDeps, row: ArchiveRow, template: HearingTemplate | undefined): Array<string | null> {
  const panel = template ? panelDeliberationOf(deps.db, row.id, template) : undefined;
  // Requests count once the panel has begun to deliberate on them; before that nothing is decided or undecided.
  if (!panel) return [];
  // 检察: the decision taken on the 听证员代表's view answers the matter, every request with it.
  const finalOutcome = panel.record.finalOutcome;
  return panel.requests.map((request) => {
    if (finalOutcome) return finalOutcome;
    if (!panel.revealed || request.tally.decision.by === 'none') return null;
    return request.tally.decision.outcome;
  });
}

function onTimeOf(row: ArchiveRow, satOn: string | null, today: string): OnTime {
  const holdBy = row.deadlines.holdBy;
  if (!holdBy) return 'noDeadline';
  if (satOn) return satOn <= holdBy ? 'onTime' : 'late';
  return today > holdBy ? 'late' : 'open';
}

export function hearingFacts(deps: ServiceDeps, row: ArchiveRow): HearingFacts {
  const { db, clock, templates } = deps;
  const now = clock.now();
  const template = templates.find((candidate) => candidate.id === row.templateId);
  const satisfaction = findSatisfaction(db, row.id);
  const satOn = row.actualStart ? localDateOf(new Date(row.actualStart)) : null;
  const heldUntil = row.closedAt ?? row.actualStart;
  return {
    row,
    template,
    requestOutcomes: requestOutcomesOf(deps, row, template),
    satisfaction: satisfaction ? { rating: satisfaction.rating, acceptsConclusion: satisfaction.acceptsConclusion } : null,
    steps: listSteps(db, row.id).map((step) => ({
      type: step.type,
      status: step.status,
      plannedMinutes: step.plannedMinutes,
      actualMs: runningMs(step.activeMs, step.runningSince, now),
    })),
    speeches: listSpeeches(db, row.id).map((speech) => ({ side: speech.side, spokenMs: runningMs(speech.elapsedMs, speech.runningSince, now) })),
    panelMembers: listParticipants(db, row.id).filter((person) => person.role === 'panel' && !person.recused).length,
    satOn,
    daysToFinal: row.finalizedAt && heldUntil ? daysBetween(localDateOf(new Date(heldUntil)), localDateOf(new Date(row.finalizedAt))) : null,
    onTime: onTimeOf(row, satOn, localDateOf(now)),
  };
}
