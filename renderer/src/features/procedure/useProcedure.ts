import { useQuery } from '../../api/useQuery.js';

/** Where the hearing stands, refreshed on every change any window makes: all views render from the same core events. */
export function useProcedure(hearingId: string) {
  return useQuery('procedure.view', { hearingId }, ['procedure.changed', 'participants.changed', 'attendance.changed', 'requests.changed', 'hearing.updated']);
}

/** The public display's own, stripped-down view. */
export function useDisplay(hearingId: string) {
  return useQuery('display.view', { hearingId }, ['procedure.changed', 'participants.changed', 'hearing.updated']);
}
