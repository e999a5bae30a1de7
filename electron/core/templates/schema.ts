import { z } from 'zod';

const localized = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();

/** A hearing template as stored in resources/templates/<id>.json. */
export const templateSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
    name: localized,
    isDefault: z.boolean().default(false),
    legalBasis: localized,
  })
  .strict();

export type HearingTemplate = z.output<typeof templateSchema>;
