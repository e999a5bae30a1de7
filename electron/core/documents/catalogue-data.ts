import { evidenceSides, type Exhibit, type Language } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { readNumbering } from '../db/evidence.js';
import { findHearing } from '../db/hearings.js';
import { presentExhibits, sideName } from '../evidence/service.js';
import { readSettings } from '../settings/service.js';
import type { HearingTemplate } from '../templates/schema.js';
import type { CatalogueDocumentData, CatalogueSheet } from './catalogue.js';

/**
 * Gathers a hearing's 证据目录 from the database, read-only: the exhibit
 * register numbered as the evidence screen numbers it, one sheet per side
 * that has exhibits, and the columns the office chose in the settings.
 */
export function catalogueDataOf(db: Db, hearingId: string, template: HearingTemplate, language: Language = 'zh-CN'): CatalogueDocumentData | undefined {
  const hearing = findHearing(db, hearingId);
  if (!hearing) return undefined;
  const grouped = readNumbering(db, hearingId) === 'grouped';
  // Reading order: through the side, or group by group; in flat numbering the group is kept but does not count.
  const inOrder = (a: Exhibit, b: Exhibit) => (grouped ? a.group - b.group : 0) || a.number - b.number;
  const register = presentExhibits(db, template, hearingId);
  const sheets: CatalogueSheet[] = evidenceSides.flatMap((side) => {
    const exhibits = register.filter((exhibit) => exhibit.side === side).sort(inOrder);
    if (exhibits.length === 0) return [];
    return [
      {
        side,
        sideLabel: sideName(template, side)[language],
        submitters: [...new Set(exhibits.map((exhibit) => exhibit.submitterName))],
        exhibits: exhibits.map((exhibit) => ({
          serial: exhibit.serial,
          name: exhibit.name,
          source: exhibit.source,
          purpose: exhibit.purpose,
          pages: exhibit.pages,
          copies: exhibit.copies,
          isOriginal: exhibit.isOriginal,
          form: exhibit.form,
          notes: exhibit.notes,
          late: exhibit.late,
        })),
      },
    ];
  });
  return {
    matter: hearing.title,
    organizer: hearing.organizer,
    startsAt: hearing.plannedStart,
    columns: readSettings(db).catalogueColumns,
    sheets,
  };
}
