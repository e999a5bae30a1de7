import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import {
  maskIdNumber,
  participantInput,
  principalKinds,
  type ParsedInput,
  type RoleKind,
  type RosterPreview,
  type RosterPreviewRow,
  type ValidationIssue,
} from '../contract/index.js';
import { toValidationIssues, validationErrorMap } from '../contract/validation.js';
import { findParticipantByIdNumber, insertParticipant, listParticipants } from '../db/participants.js';
import { AppError } from '../errors.js';
import type { Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import type { HearingTemplate } from '../templates/schema.js';
import { parseRoster, type RosterRow } from './roster.js';
import { admitParticipant, type ParticipantFields } from './service.js';

/** Words clerks put in a 角色 column that are not a template's own role names. */
const roleSynonyms: Record<string, RoleKind> = {
  主持人: 'chair',
  听证主持人: 'chair',
  听证员: 'panel',
  记录员: 'clerk',
  书记员: 'clerk',
  听证秘书: 'clerk',
  代表: 'representative',
  信访代表: 'representative',
  委托代理人: 'agent',
  代理人: 'agent',
  办理机关: 'agency',
  承办人: 'agency',
  第三人: 'thirdParty',
  利害关系人: 'thirdParty',
  证人: 'witness',
  鉴定人: 'expert',
  翻译: 'interpreter',
  翻译人员: 'interpreter',
  旁听: 'observer',
  旁听人员: 'observer',
  媒体: 'media',
  记者: 'media',
};

const genderWords: Record<string, '' | 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female', m: 'male', f: 'female' };

function roleOf(template: HearingTemplate, text: string): RoleKind | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  const own = template.roles.find((role) => role.name['zh-CN'] === text.trim() || role.name.en.toLowerCase() === wanted || role.kind.toLowerCase() === wanted);
  if (own) return own.kind;
  const synonym = roleSynonyms[text.trim()];
  return synonym && template.roles.some((role) => role.kind === synonym) ? synonym : null;
}

interface JudgedRow {
  preview: RosterPreviewRow;
  fields: ParticipantFields | null;
  /** For an agent: the roster line or existing participant it acts for. */
  principal: { line: number } | { participantId: string } | null;
}

/**
 * Reads a roster and judges every row as participant.add would, without
 * storing anything, so the clerk sees all problems at once, row by row.
 */
async function judgeRoster(deps: ServiceDeps, hearingId: string, format: 'csv' | 'xlsx', contentBase64: string) {
  const hearing = requireHearing(deps.db, hearingId);
  const template = requireTemplate(deps.templates, hearing.templateId);
  const parsed = await parseRoster(Buffer.from(contentBase64, 'base64'), format);
  const existing = listParticipants(deps.db, hearingId);
  const idNumbersSeen = new Map<string, number>();

  const judged: JudgedRow[] = parsed.rows.map((row: RosterRow) => {
    const issues: ValidationIssue[] = [];
    const role = roleOf(template, row.role);
    if (!role) issues.push({ path: 'role', key: 'roster.unknownRole', params: { role: row.role } });
    const gender = genderWords[row.gender.trim().toLowerCase()] ?? (row.gender.trim() ? null : '');
    if (gender === null) issues.push({ path: 'gender', key: 'roster.unknownGender', params: { gender: row.gender } });

    let principal: JudgedRow['principal'] = null;
    if (role === 'agent') {
      const inRoster = parsed.rows.filter((other) => other.name === row.agentFor && principalKinds.includes(roleOf(template, other.role) as RoleKind));
      const inHearing = existing.filter((other) => other.name === row.agentFor && principalKinds.includes(other.role));
      if (!row.agentFor || inRoster.length + inHearing.length === 0)
        issues.push({ path: 'agentFor', key: 'roster.agentForUnknown', params: { name: row.agentFor } });
      else if (inRoster.length + inHearing.length > 1) issues.push({ path: 'agentFor', key: 'roster.agentForAmbiguous', params: { name: row.agentFor } });
      else principal = inRoster[0] ? { line: inRoster[0].line } : { participantId: (inHearing[0] as { id: string }).id };
    }

    const candidate = {
      hearingId,
      role: role ?? 'observer',
      name: row.name,
      gender: gender ?? '',
      idNumber: row.idNumber,
      phone: row.phone,
      address: row.address,
      organization: row.organization,
      post: row.post,
      agentFor: principal ? randomUUID() : null,
      notes: row.notes,
    };
    const checked = participantInput.safeParse(candidate, { error: validationErrorMap });
    if (!checked.success) issues.push(...toValidationIssues(checked.error));
    const idNumber = checked.success ? checked.data.idNumber : '';
    if (idNumber) {
      const firstLine = idNumbersSeen.get(idNumber);
      if (firstLine !== undefined) issues.push({ path: 'idNumber', key: 'roster.duplicateIdNumberInFile', params: { line: firstLine } });
      else if (findParticipantByIdNumber(deps.db, hearingId, idNumber)) issues.push({ path: 'idNumber', key: 'validation.duplicateIdNumber', params: {} });
      idNumbersSeen.set(idNumber, row.line);
    }

    const { hearingId: _hearingId, ...fields } = checked.success ? checked.data : ({} as ParsedInput<'participant.add'>);
    return {
      preview: { line: row.line, name: row.name, role, roleText: row.role, idNumberMasked: idNumber ? maskIdNumber(idNumber) : '', issues },
      fields: checked.success && issues.length === 0 ? (fields as ParticipantFields) : null,
      principal,
    };
  });

  const preview: RosterPreview = {
    rows: judged.map((row) => row.preview),
    problems: parsed.problems,
    ignoredColumns: parsed.ignoredColumns,
    importable: parsed.problems.length === 0 && judged.length > 0 && judged.every((row) => row.fields !== null),
  };
  return { preview, judged };
}

export function importRosterHandlers(
  deps: ServiceDeps,
  changed: (hearingId: string) => void,
): Pick<Handlers, 'participant.previewRoster' | 'participant.importRoster'> {
  const { db, clock } = deps;
  return {
    'participant.previewRoster': async ({ hearingId, format, contentBase64 }) => (await judgeRoster(deps, hearingId, format, contentBase64)).preview,
    'participant.importRoster': async ({ hearingId, format, contentBase64 }, ctx) => {
      requireEditableHearing(db, hearingId);
      const { preview, judged } = await judgeRoster(deps, hearingId, format, contentBase64);
      if (!preview.importable) {
        throw new AppError('participant/rosterInvalid', { rows: preview.rows.filter((row) => row.issues.length > 0).length + preview.problems.length });
      }
      // Principals first, so each agent can point at the person it acts for.
      const ordered = [...judged].sort((a, b) => Number(a.principal !== null) - Number(b.principal !== null));
      const idByLine = new Map<number, string>();
      db.transaction(() => {
        for (const row of ordered) {
          const fields = row.fields as ParticipantFields;
          const agentFor = row.principal === null ? null : 'line' in row.principal ? (idByLine.get(row.principal.line) ?? null) : row.principal.participantId;
          const record = admitParticipant(deps, hearingId, { ...fields, agentFor });
          insertParticipant(db, record, clock.now().toISOString());
          idByLine.set(row.preview.line, record.id);
        }
        recordAudit(db, clock, ctx, { action: 'participant.importRoster', hearingId, after: [...idByLine.values()] });
      })();
      changed(hearingId);
      return { added: judged.length };
    },
  };
}
