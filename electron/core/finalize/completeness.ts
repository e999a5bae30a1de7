import type { Completeness, MissingItem } from '../contract/index.js';
import { findDeliberation, listBallots, listMemberIds, listReports } from '../db/deliberation.js';
import type { HearingRecord } from '../db/hearings.js';
import type { Db } from '../db/index.js';
import { listCorrections } from '../db/minutes.js';
import { listParticipants } from '../db/participants.js';
import { listSteps } from '../db/procedure.js';
import { listRequests } from '../db/requests.js';
import { presentExhibits } from '../evidence/service.js';
import { signingView } from '../signing/service.js';
import type { HearingTemplate } from '../templates/schema.js';

/** The header fields domain.md §5 requires on the record's first page. */
const headerFields = ['matterNo', 'title', 'venue', 'organizer'] as const;

/**
 * Everything that must be settled before the record is finalized, as a list
 * to work through (issue 8): the hearing closed, the header filled, every
 * step held or skipped with a reason, every exhibit examined and decided,
 * every vote in, every correction decided, every signer with a current
 * outcome.
 */
export function completenessOf(db: Db, hearing: HearingRecord, template: HearingTemplate): Completeness {
  const missing: MissingItem[] = [];
  if (hearing.status !== 'closed' && hearing.status !== 'finalized') missing.push({ kind: 'notClosed', params: {} });

  for (const field of headerFields) {
    if (hearing[field].trim() === '') missing.push({ kind: 'headerField', params: { field } });
  }
  const people = listParticipants(db, hearing.id);
  for (const role of ['chair', 'clerk'] as const) {
    if (!people.some((person) => person.role === role && !person.recused)) missing.push({ kind: 'headerField', params: { field: role } });
  }

  for (const step of listSteps(db, hearing.id)) {
    const settled = step.status === 'done' || (step.status === 'skipped' && step.skipReason.trim() !== '');
    if (!settled) missing.push({ kind: 'stepOpen', params: { nameZh: step.nameZh, nameEn: step.nameEn } });
  }

  for (const exhibit of presentExhibits(db, template, hearing.id)) {
    const params = { labelZh: exhibit.label['zh-CN'], labelEn: exhibit.label.en, name: exhibit.name };
    if (exhibit.examinations.length === 0) missing.push({ kind: 'exhibitUnexamined', params });
    if (exhibit.finding === null) missing.push({ kind: 'exhibitNoFinding', params });
  }

  const deliberation = findDeliberation(db, hearing.id);
  if (!deliberation) {
    missing.push({ kind: 'deliberationMissing', params: {} });
  } else if (deliberation.closeReason === '') {
    // A session closed with votes missing states why; otherwise every entitled member has spoken on every request.
    const members = listMemberIds(db, hearing.id);
    const expected = template.deliberation.mode === 'report' ? members.length : members.length * listRequests(db, hearing.id).length;
    const given = template.deliberation.mode === 'report' ? listReports(db, hearing.id).length : listBallots(db, hearing.id).length;
    if (template.deliberation.mode !== 'discussion' && given < expected) missing.push({ kind: 'voteMissing', params: { count: expected - given } });
  }

  const pending = listCorrections(db, hearing.id).filter((correction) => correction.status === 'pending').length;
  if (pending > 0) missing.push({ kind: 'correctionPending', params: { count: pending } });

  for (const signer of signingView(db, hearing, template).signers) {
    if (signer.outcome === 'pending') missing.push({ kind: 'signerPending', params: { name: signer.name } });
    else if (signer.stale) missing.push({ kind: 'signatureStale', params: { name: signer.name } });
  }
  return { complete: missing.length === 0, missing };
}
