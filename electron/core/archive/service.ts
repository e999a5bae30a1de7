import { hearingStatuses, type ArchiveOutcome, type ArchiveRow, type ArchiveSort } from '../contract/index.js';
import type { Handlers } from '../router.js';
import type { ServiceDeps } from '../services.js';
import { selectHearings } from './select.js';

type ArchiveHandlers = Pick<Handlers, 'hearing.archive' | 'hearing.outcomes'>;

const byText = new Intl.Collator('zh-CN', { numeric: true });

/** Rows without the value (not yet finalized) stay at the end whichever way the column is sorted. */
function compareBy(by: ArchiveSort['by']): (a: ArchiveRow, b: ArchiveRow) => number | null {
  switch (by) {
    case 'plannedStart':
      return (a, b) => byText.compare(a.plannedStart, b.plannedStart);
    case 'matterNo':
      return (a, b) => byText.compare(a.matterNo, b.matterNo);
    case 'status':
      return (a, b) => hearingStatuses.indexOf(a.status) - hearingStatuses.indexOf(b.status);
    case 'updatedAt':
      return (a, b) => byText.compare(a.updatedAt, b.updatedAt);
    case 'finalizedAt':
      return (a, b) => (a.finalizedAt === null || b.finalizedAt === null ? null : byText.compare(a.finalizedAt, b.finalizedAt));
  }
}

export function sortRows(rows: readonly ArchiveRow[], sort: ArchiveSort): ArchiveRow[] {
  const compare = compareBy(sort.by);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const missing = (row: ArchiveRow) => (sort.by === 'finalizedAt' && row.finalizedAt === null ? 1 : 0);
  // Equal keys keep the list's own order (latest planned start first): Array.prototype.sort is stable.
  return [...rows].sort((a, b) => missing(a) - missing(b) || sign * (compare(a, b) ?? 0));
}

/** Each outcome id once, named as the first template that uses it names it (the default template comes first). */
function outcomesOf(templates: ServiceDeps['templates']): ArchiveOutcome[] {
  const byId = new Map<string, ArchiveOutcome>();
  for (const outcome of templates.flatMap((template) => template.deliberation.outcomes)) {
    if (!byId.has(outcome.id)) byId.set(outcome.id, { id: outcome.id, name: outcome.name });
  }
  return [...byId.values()];
}

export function archiveHandlers(deps: ServiceDeps): ArchiveHandlers {
  return {
    'hearing.archive': ({ filter, sort }) => sortRows(selectHearings(deps, filter), sort),
    'hearing.outcomes': () => outcomesOf(deps.templates),
  };
}
