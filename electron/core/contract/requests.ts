import { z } from 'zod';
import { mutation, query, returns } from './define.js';
import { id, requiredText } from './fields.js';

/** One 诉求: the panel judges each request on its own. */
export interface HearingRequest {
  id: string;
  hearingId: string;
  position: number;
  text: string;
}

export const requestMethods = {
  'request.list': query(z.object({ hearingId: id }).strict(), returns<HearingRequest[]>(), 'The requests of a hearing in order.'),
  'request.add': mutation(z.object({ hearingId: id, text: requiredText(2000) }).strict(), returns<HearingRequest>(), 'Adds a request at the end.'),
  'request.update': mutation(z.object({ requestId: id, text: requiredText(2000) }).strict(), returns<HearingRequest>(), 'Rewords a request.'),
  'request.move': mutation(
    z.object({ requestId: id, position: z.number().int().min(1).max(1000) }).strict(),
    returns<HearingRequest[]>(),
    'Moves a request to a 1-based position; the others close up.',
  ),
  'request.remove': mutation(z.object({ requestId: id }).strict(), returns<{ removed: true }>(), 'Removes a request.'),
} as const;

export const requestEvents = {
  'requests.changed': z.object({ hearingId: id }),
} as const;
