import { z } from 'zod';
import { query, returns } from './define.js';
import type { LocalizedText } from './languages.js';

export interface TemplateSummary {
  id: string;
  name: LocalizedText;
  legalBasis: LocalizedText;
  isDefault: boolean;
}

export const templateMethods = {
  'template.list': query(z.object({}).strict(), returns<TemplateSummary[]>(), 'The hearing templates this installation offers, the default first.'),
} as const;
