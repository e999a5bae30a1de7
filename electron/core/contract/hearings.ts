import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { id, localDateTime, optionalText, requiredText } from './fields.js';

export const hearingStatuses = ['preparing', 'inProgress', 'closed', 'finalized'] as const;
export type HearingStatus = (typeof hearingStatuses)[number];

export const hearingCreateInput = z
  .object({
    matterNo: requiredText(64),
    title: requiredText(200),
    templateId: requiredText(64),
    plannedStart: localDateTime,
    venue: requiredText(200),
    organizer: requiredText(200),
    isPublic: z.boolean(),
    nonPublicReason: optionalText(500).default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.isPublic && value.nonPublicReason.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['nonPublicReason'], message: 'validation.nonPublicReasonRequired' });
    }
  });
export type HearingCreateInput = z.input<typeof hearingCreateInput>;

export interface Hearing {
  id: string;
  matterNo: string;
  title: string;
  templateId: string;
  plannedStart: string;
  venue: string;
  organizer: string;
  isPublic: boolean;
  nonPublicReason: string;
  status: HearingStatus;
  createdAt: string;
  updatedAt: string;
}

export const hearingMethods = {
  'hearing.create': mutation(hearingCreateInput, returns<Hearing>(), 'Creates a hearing in preparation from a template.'),
  'hearing.list': query(z.object({}).strict(), returns<Hearing[]>(), 'Lists every hearing, the next planned first.'),
  'hearing.get': query(z.object({ hearingId: id }).strict(), returns<Hearing>(), 'One hearing by id.'),
} as const;

export const hearingEvents = {
  'hearing.created': z.object({ hearingId: id }),
} as const;
