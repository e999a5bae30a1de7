import { createHash } from 'node:crypto';
import type { ArchiveFilter } from '../contract/index.js';
import { selectHearings } from '../archive/select.js';
import { localDateOf } from '../deadlines/calendar.js';
import type { Handlers } from '../router.js';
import type { ServiceDeps } from '../services.js';
import { hearingFacts, type HearingFacts } from './facts.js';
import { computeFigures } from './figures.js';
import { ledgerRows } from './ledger.js';
import { ledgerWorkbook, statisticsWorkbook, workbookFileName } from './xlsx.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type StatisticsHandlers = Pick<Handlers, 'statistics.compute' | 'statistics.exportXlsx'>;

export function statisticsHandlers(deps: ServiceDeps): StatisticsHandlers {
  // The archive's selection, never a filter of our own: the figures always describe the rows the archive lists.
  const factsFor = (filter: ArchiveFilter): HearingFacts[] => selectHearings(deps, filter).map((row) => hearingFacts(deps, row));
  const today = () => localDateOf(deps.clock.now());
  return {
    'statistics.compute': ({ filter }) => computeFigures(factsFor(filter), deps.templates, today()),
    'statistics.exportXlsx': async ({ filter, kind, language }) => {
      const facts = factsFor(filter);
      const asOf = today();
      const bytes =
        kind === 'ledger'
          ? await ledgerWorkbook(ledgerRows(facts, language), asOf, language)
          : await statisticsWorkbook(computeFigures(facts, deps.templates, asOf), language);
      return {
        fileName: workbookFileName(kind, asOf, language),
        mediaType: xlsxType,
        base64: bytes.toString('base64'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    },
  };
}
