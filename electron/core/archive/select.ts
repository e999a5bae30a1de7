import type { ArchiveFilter, ArchiveRow, Hearing, LocalizedText } from '../contract/index.js';
import { listHearings } from '../db/hearings.js';
import { listEntries } from '../db/minutes.js';
import { findProcedure, listSteps } from '../db/procedure.js';
import { listRequests } from '../db/requests.js';
import { findFinalization } from '../db/signing.js';
import { rollUp } from '../deliberation/tally.js';
import { panelDeliberationOf } from '../documents/deliberation-record-data.js';
import { presentHearings } from '../hearings/service.js';
import type { ServiceDeps } from '../services.js';

/**
 * The overall conclusion as the 评议 tab shows it: the decision on the 听证员代表's
 * view where one was taken (检察), else the roll-up of the requests' tallies; a
 * blind ballot still secret is pending, so the archive never reveals it early.
 */
function outcomeOf(deps: ServiceDeps, hearing: Hearing): Pick<ArchiveRow, 'outcome' | 'outcomeName'> {
  const template = deps.templates.find((candidate) => candidate.id === hearing.templateId);
  const panel = template && panelDeliberationOf(deps.db, hearing.id, template);
  if (!template || !panel) return { outcome: null, outcomeName: null };
  const rules = template.deliberation;
  const named = (outcome: string): LocalizedText | null => rules.outcomes.find((candidate) => candidate.id === outcome)?.name ?? null;
  if (panel.record.finalOutcome) return { outcome: panel.record.finalOutcome, outcomeName: named(panel.record.finalOutcome) };
  if (!panel.revealed) return { outcome: 'pending', outcomeName: null };
  const conclusion = rollUp(
    panel.requests.map((request) => request.tally.decision),
    rules.outcomes.map((outcome) => outcome.id),
  );
  if (conclusion.kind === 'outcome') return { outcome: conclusion.outcome, outcomeName: named(conclusion.outcome) };
  return { outcome: conclusion.kind, outcomeName: conclusion.kind === 'partial' ? rules.partialName : null };
}

function withArchiveColumns(deps: ServiceDeps, hearing: Hearing): ArchiveRow {
  const { db } = deps;
  const starts = listSteps(db, hearing.id)
    .map((step) => step.startedAt)
    .filter((at): at is string => at !== null)
    .sort();
  const procedure = findProcedure(db, hearing.id);
  return {
    ...hearing,
    ...outcomeOf(deps, hearing),
    finalizedAt: findFinalization(db, hearing.id)?.finalizedAt ?? null,
    requestCount: listRequests(db, hearing.id).length,
    entryCount: listEntries(db, hearing.id).length,
    actualStart: starts[0] ?? null,
    closedAt: procedure?.state === 'closed' ? procedure.since : null,
  };
}

/** Cheap tests first, on the stored hearing and its deadlines, so the costlier columns are read only for hearings that can still match. */
function matchesCase(hearing: Hearing, filter: ArchiveFilter): boolean {
  const plannedDate = hearing.plannedStart.slice(0, 10);
  const organizer = filter.organizer.toLocaleLowerCase();
  return (
    (filter.statuses.length === 0 || filter.statuses.includes(hearing.status)) &&
    (filter.templateIds.length === 0 || filter.templateIds.includes(hearing.templateId)) &&
    (filter.stages.length === 0 || filter.stages.includes(hearing.stage)) &&
    (filter.from === null || plannedDate >= filter.from) &&
    (filter.to === null || plannedDate <= filter.to) &&
    (organizer === '' || hearing.organizer.toLocaleLowerCase().includes(organizer)) &&
    (!filter.overdueOnly || hearing.deadlines.overdue.length > 0)
  );
}

/**
 * The hearings the filter describes, latest planned start first, each with the
 * archive's columns. Shared by the archive list and the statistics, so both
 * always count the same hearings.
 */
export function selectHearings(deps: ServiceDeps, filter: ArchiveFilter): ArchiveRow[] {
  return presentHearings(deps, listHearings(deps.db))
    .filter((hearing) => matchesCase(hearing, filter))
    .map((hearing) => withArchiveColumns(deps, hearing))
    .filter((row) => filter.outcomes.length === 0 || (row.outcome !== null && filter.outcomes.includes(row.outcome)));
}
