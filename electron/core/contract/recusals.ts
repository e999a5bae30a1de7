import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { id, requiredText } from './fields.js';

export const recusalDecisions = ['pending', 'granted', 'refused'] as const;

export interface Recusal {
  id: string;
  hearingId: string;
  applicantId: string;
  againstId: string;
  grounds: string;
  appliedAt: string;
  decision: (typeof recusalDecisions)[number];
  decidedBy: string;
  decisionReason: string;
  decidedAt: string | null;
}

export const recusalMethods = {
  'recusal.apply': mutation(
    z.object({ hearingId: id, applicantId: id, againstId: id, grounds: requiredText(1000) }).strict(),
    returns<Recusal>(),
    'Records a party’s application for the recusal of the chair, a panel member or the clerk.',
  ),
  'recusal.decide': mutation(
    z.object({ recusalId: id, decision: z.enum(['granted', 'refused']), decidedBy: requiredText(50), reason: requiredText(1000) }).strict(),
    returns<Recusal>(),
    'Records the decision on a recusal application, once.',
  ),
  'recusal.list': query(z.object({ hearingId: id }).strict(), returns<Recusal[]>(), 'The recusal applications of a hearing, oldest first.'),
} as const;

export const recusalEvents = {
  'recusal.changed': z.object({ hearingId: id, recusalId: id }),
} as const;
