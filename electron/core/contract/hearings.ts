import { z } from 'zod';
import { mutation, officeMutation, query, returns } from './define.js';
import { id, localDate, localDateTime, optionalText, requiredText } from './fields.js';
import { roleKinds, type RoleRule } from './roles.js';

export const hearingStatuses = ['preparing', 'inProgress', 'closed', 'finalized'] as const;
export type HearingStatus = (typeof hearingStatuses)[number];

/** 处理 / 复查 / 复核: the level of handling the hearing belongs to. */
export const hearingStages = ['handling', 'review', 'reexamination'] as const;
export type HearingStage = (typeof hearingStages)[number];

const caseFields = {
  matterNo: requiredText(64),
  title: requiredText(200),
  plannedStart: localDateTime,
  venue: requiredText(200),
  organizer: requiredText(200),
  agency: optionalText(200).default(''),
  stage: z.enum(hearingStages).default('handling'),
  applicationDate: localDate.nullable().default(null),
  isPublic: z.boolean(),
  nonPublicReason: optionalText(500).default(''),
};

function requireReasonWhenClosed(value: { isPublic: boolean; nonPublicReason: string }, ctx: z.RefinementCtx): void {
  if (!value.isPublic && value.nonPublicReason.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['nonPublicReason'], message: 'validation.nonPublicReasonRequired' });
  }
}

export const hearingCreateInput = z
  .object({ templateId: requiredText(64), ...caseFields })
  .strict()
  .superRefine(requireReasonWhenClosed);
export type HearingCreateInput = z.input<typeof hearingCreateInput>;

export const hearingUpdateInput = z
  .object({ hearingId: id, ...caseFields })
  .strict()
  .superRefine(requireReasonWhenClosed);
export type HearingUpdateInput = z.input<typeof hearingUpdateInput>;
/** The facts of the case as the clerk edits them. */
export type CaseFields = Omit<z.output<typeof hearingUpdateInput>, 'hearingId'>;

export const deadlineKeys = ['noticeBeforeHearing', 'decideAfterApplication', 'holdAfterApplication', 'serveConclusionOnSpot', 'serveConclusionLater'] as const;
export type DeadlineKey = (typeof deadlineKeys)[number];
export const deadlineRuleSchema = z.object({ days: z.number().int().min(0).max(365), unit: z.enum(['calendar', 'working']) }).strict();
export type DeadlineRuleValue = z.output<typeof deadlineRuleSchema>;

const roleOverride = z
  .object({
    min: z.number().int().min(0).max(500).optional(),
    max: z.number().int().min(0).max(500).nullable().optional(),
    odd: z.boolean().optional(),
    maxPerParty: z.number().int().min(1).max(20).optional(),
  })
  .strict();

/** This hearing's changes to its template's numbers; what is absent follows the template. */
export const ruleOverridesSchema = z
  .object({
    roles: z.partialRecord(z.enum(roleKinds), roleOverride).optional(),
    deadlines: z.partialRecord(z.enum(deadlineKeys), deadlineRuleSchema).optional(),
    speakingMinutes: z.number().int().min(1).max(120).optional(),
  })
  .strict();
export type RuleOverrides = z.output<typeof ruleOverridesSchema>;

export interface EffectiveRules {
  roles: RoleRule[];
  deadlines: Record<DeadlineKey, DeadlineRuleValue>;
  speakingMinutes: number;
}

export const deadlineChecks = ['decideBy', 'holdBy', 'noticeBy'] as const;
export type DeadlineCheck = (typeof deadlineChecks)[number];

export interface HearingDeadlines {
  decideBy: string | null;
  holdBy: string | null;
  noticeBy: string | null;
  /** Dates passed while the thing they guard is still open, or a sitting planned after the hold-by date. */
  overdue: DeadlineCheck[];
}

export interface Hearing {
  id: string;
  matterNo: string;
  title: string;
  templateId: string;
  plannedStart: string;
  venue: string;
  organizer: string;
  agency: string;
  stage: HearingStage;
  applicationDate: string | null;
  isPublic: boolean;
  nonPublicReason: string;
  status: HearingStatus;
  ruleOverrides: RuleOverrides;
  deadlines: HearingDeadlines;
  createdAt: string;
  updatedAt: string;
}

export interface HearingRules {
  effective: EffectiveRules;
  overrides: RuleOverrides;
}

export const hearingMethods = {
  'hearing.create': officeMutation(hearingCreateInput, returns<Hearing>(), 'Creates a hearing in preparation from a template.'),
  'hearing.update': mutation(
    hearingUpdateInput,
    returns<Hearing>(),
    'Replaces the facts of the case; after the start, each change stays visible in the audit trail.',
  ),
  'hearing.list': query(z.object({}).strict(), returns<Hearing[]>(), 'Lists every hearing, latest planned start first, with its deadlines.'),
  'hearing.get': query(z.object({ hearingId: id }).strict(), returns<Hearing>(), 'One hearing by id.'),
  'hearing.rules': query(
    z.object({ hearingId: id }).strict(),
    returns<HearingRules>(),
    'The numbers this hearing follows: its template’s, with its own changes.',
  ),
  'hearing.setRules': mutation(
    z.object({ hearingId: id, overrides: ruleOverridesSchema }).strict(),
    returns<HearingRules>(),
    'Changes the template’s numbers for this hearing only.',
  ),
} as const;

export const hearingEvents = {
  'hearing.created': z.object({ hearingId: id }),
  'hearing.updated': z.object({ hearingId: id }),
} as const;
