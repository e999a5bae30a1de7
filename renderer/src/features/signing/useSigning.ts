import type { MethodName, Participant } from '../../../../electron/core/contract/index.js';
import { type Action, useAction } from '../../api/useAction.js';
import { useQuery } from '../../api/useQuery.js';
import { useParticipants } from '../participants/useParticipants.js';

/**
 * The signing round, refreshed by everything it depends on: a signature, the
 * record's text (its digest and the pending corrections), the people and
 * whether the hearing has started.
 */
export function useSigning(hearingId: string) {
  return useQuery('signing.view', { hearingId }, [
    'signing.changed',
    'minutes.changed',
    'participants.changed',
    'attendance.changed',
    'recusal.changed',
    'procedure.changed',
    'hearing.updated',
    'record.finalized',
  ]);
}

type SigningMethod = Extract<MethodName, `signing.${string}`>;

/** Sends one signing call; on a refusal, says why in words (unless the caller places the error itself) and answers undefined. */
export function useSigningCall(): Action<SigningMethod> {
  return useAction<SigningMethod>();
}

/** Who may enter a refusal or an absence on a signer's behalf: the presiding officer and the clerk, unless recused. */
export function useRecorders(hearingId: string): Participant[] {
  const { data } = useParticipants(hearingId);
  return (data?.participants ?? []).filter((person) => (person.role === 'chair' || person.role === 'clerk') && !person.recused);
}
