import { evidenceSides, localDateTime, type LocalizedText, type RoleKind } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { findSatisfaction, listReports } from '../db/deliberation.js';
import { listExhibits, listFindings } from '../db/evidence.js';
import type { HearingRecord } from '../db/hearings.js';
import { listParticipants, type ParticipantWithState } from '../db/participants.js';
import { listSteps } from '../db/procedure.js';
import { listRequests } from '../db/requests.js';
import { sideName } from '../evidence/service.js';
import type { HearingTemplate } from '../templates/schema.js';
import { panelDeliberationOf } from './deliberation-record-data.js';
import type { PanelOpinion, ReportData, ReportPerson, ReportSatisfaction } from './report.js';

/**
 * Gathers the 听证报告 from the database, read-only. Only what the deciding
 * authority is to read leaves here: people by name, unit and post (never an
 * ID number, phone or address), and the panel's conclusions without the
 * votes behind them.
 */

function reportPerson(person: ParticipantWithState): ReportPerson {
  return {
    name: person.name,
    organization: person.organization,
    post: person.post,
    ...(person.attendance.status === 'absent' ? { absent: true } : {}),
  };
}

function panelOpinionOf(db: Db, hearingId: string, template: HearingTemplate): PanelOpinion {
  const panel = panelDeliberationOf(db, hearingId, template);
  if (!panel) return { state: 'notDeliberated' };
  const { record } = panel;
  if (record.status === 'open') return { state: 'deliberating' };
  const nameOf = (personId: string) => panel.people.find((person) => person.id === personId)?.name ?? '';
  const outcomeName = (outcome: string) => panel.outcomes.find((candidate) => candidate.id === outcome)?.name ?? null;
  const mode = template.deliberation.mode;
  return {
    state: 'concluded',
    mode,
    requests:
      mode === 'report'
        ? []
        : panel.requests.map(({ position, text, tally: { decision } }) => ({
            position,
            text,
            outcome: decision.by === 'none' ? null : outcomeName(decision.outcome),
          })),
    conclusion: panel.conclusion,
    representative: record.representativeId ? { name: nameOf(record.representativeId), statement: record.representativeStatement } : null,
    reports: mode === 'report' ? listReports(db, hearingId).map((report) => ({ member: nameOf(report.memberId), text: report.text })) : [],
    announcement:
      record.announcedAt && record.announcementManner
        ? { manner: record.announcementManner, on: localDateTime(record.announcedAt).slice(0, 10), serveBy: record.serveBy ?? '' }
        : null,
  };
}

function satisfactionOf(db: Db, hearingId: string, template: HearingTemplate): ReportSatisfaction {
  const found = findSatisfaction(db, hearingId);
  if (!found) return { state: 'notRecorded' };
  const common = { enteredBy: found.enteredBy, acceptsConclusion: found.acceptsConclusion };
  if (found.rating === null) return { state: 'declined', ...common };
  const level = template.satisfactionScale.find((candidate) => candidate.id === found.rating);
  return { state: 'rated', rating: level?.name ?? { 'zh-CN': found.rating, en: found.rating }, reason: found.reason, ...common };
}

export function reportDataOf(db: Db, hearing: HearingRecord, template: HearingTemplate): ReportData {
  const roleName = (role: RoleKind): LocalizedText => template.roles.find((candidate) => candidate.kind === role)?.name ?? { 'zh-CN': role, en: role };
  const people = listParticipants(db, hearing.id).filter((person) => !person.recused);
  const withRole = (role: RoleKind) => people.filter((person) => person.role === role);
  const steps = listSteps(db, hearing.id);
  const starts = steps.map((step) => step.startedAt).filter((at): at is string => at !== null);
  const ends = steps.map((step) => step.endedAt).filter((at): at is string => at !== null);
  const startsAt = starts.length > 0 ? localDateTime(starts.reduce((a, b) => (a < b ? a : b))) : hearing.plannedStart;
  const endsAt = ends.length > 0 ? localDateTime(ends.reduce((a, b) => (a > b ? a : b))) : startsAt;
  const exhibits = listExhibits(db, hearing.id);
  const findings = listFindings(db, hearing.id);
  const panelOpinion = panelOpinionOf(db, hearing.id, template);
  const agencyStaff = withRole('agency');
  const chair = withRole('chair')[0];
  const clerk = withRole('clerk')[0];
  return {
    matter: hearing.title,
    matterNo: hearing.matterNo,
    organizer: hearing.organizer,
    legalBasis: template.legalBasis,
    requests: listRequests(db, hearing.id).map(({ position, text }) => ({ position, text })),
    roleNames: {
      chair: roleName('chair'),
      panel: roleName('panel'),
      clerk: roleName('clerk'),
      party: roleName('party'),
      representative: roleName('representative'),
      agent: roleName('agent'),
      agency: roleName('agency'),
      thirdParty: roleName('thirdParty'),
    },
    chair: chair ? reportPerson(chair) : { name: '' },
    panel: withRole('panel').map(reportPerson),
    clerk: clerk ? reportPerson(clerk) : { name: '' },
    petitioners: withRole('party').map(reportPerson),
    representatives: withRole('representative').map(reportPerson),
    agents: withRole('agent').map(reportPerson),
    agencies:
      agencyStaff.length > 0 || hearing.agency
        ? [
            {
              name: hearing.agency || agencyStaff[0]?.organization || '',
              // The agency's own staff by post alone; someone from another office keeps their unit.
              attendees: agencyStaff.map((staff) => reportPerson({ ...staff, organization: staff.organization === hearing.agency ? '' : staff.organization })),
            },
          ]
        : [],
    thirdParties: withRole('thirdParty').map(reportPerson),
    startsAt,
    endsAt,
    venue: hearing.venue,
    isPublic: hearing.isPublic,
    nonPublicReason: hearing.nonPublicReason,
    steps: steps.flatMap((step) =>
      step.status === 'pending'
        ? []
        : [
            {
              name: { 'zh-CN': step.nameZh, en: step.nameEn },
              skipped: step.status === 'skipped',
              skipReason: step.skipReason,
              startedAt: step.startedAt ? localDateTime(step.startedAt) : null,
              endedAt: step.endedAt ? localDateTime(step.endedAt) : null,
            },
          ],
    ),
    evidence: evidenceSides.flatMap((side) => {
      const own = exhibits.filter((exhibit) => exhibit.side === side);
      if (own.length === 0) return [];
      const count = (finding: string) => own.filter((exhibit) => findings.some((found) => found.exhibitId === exhibit.id && found.finding === finding)).length;
      return [{ side: sideName(template, side), submitted: own.length, admitted: count('admitted'), rejected: count('rejected'), partial: count('partial') }];
    }),
    panelOpinion,
    satisfaction: satisfactionOf(db, hearing.id, template),
    // Dated the day the conclusion was announced, else the last day of the sitting: from the data, never the clock.
    dated: panelOpinion.state === 'concluded' && panelOpinion.announcement ? panelOpinion.announcement.on : endsAt.slice(0, 10),
  };
}
