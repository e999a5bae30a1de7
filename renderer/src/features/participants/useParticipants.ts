import { useQuery } from '../../api/useQuery.js';

/** The hearing's people, kept current by every change to them, their attendance or a recusal. */
export function useParticipants(hearingId: string) {
  return useQuery('participant.list', { hearingId }, ['participants.changed', 'attendance.changed', 'recusal.changed', 'hearing.updated']);
}
