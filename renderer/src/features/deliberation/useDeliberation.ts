import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  abstention,
  type DeliberationMember,
  type DeliberationView,
  type MethodName,
  type RequestDeliberation,
} from '../../../../electron/core/contract/index.js';
import { type Action, useAction } from '../../api/useAction.js';
import { useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../components/useLanguage.js';

/** The panel's deliberation, refreshed by every change to it and to what it depends on (the procedure's step, the people, the requests). */
export function useDeliberation(hearingId: string) {
  return useQuery('deliberation.view', { hearingId }, [
    'deliberation.changed',
    'procedure.changed',
    'participants.changed',
    'attendance.changed',
    'recusal.changed',
    'requests.changed',
    'hearing.updated',
  ]);
}

type DeliberationMethod = Extract<MethodName, `deliberation.${string}` | 'satisfaction.record'>;

/**
 * Sends one deliberation call; on a refusal, says why in words (unless the
 * caller places the error itself) and answers undefined. A validation
 * refusal is told by its issues alone, as the procedure's actions tell theirs.
 */
export function useDeliberationCall(): Action<DeliberationMethod> {
  return useAction<DeliberationMethod>({ issuesAlone: true });
}

/** Outcome words in the current language: the template's vocabulary, and 弃权. */
export function useOutcomeName(view: Pick<DeliberationView, 'outcomes'> | undefined): (outcome: string) => string {
  const { t } = useTranslation('deliberation');
  const language = useLanguage();
  return useCallback(
    (outcome: string) => {
      if (outcome === abstention) return t('abstain');
      return view?.outcomes.find((candidate) => candidate.id === outcome)?.name[language] ?? outcome;
    },
    [t, language, view],
  );
}

/** The choices a member has on a request: the template's outcomes, and 弃权 where it allows abstaining. */
export function outcomeChoices(view: DeliberationView): string[] {
  const ids = view.outcomes.map((outcome) => outcome.id);
  return view.abstentionAllowed ? [...ids, abstention] : ids;
}

/** The requests a member has not voted on yet. */
export function remainingFor(view: DeliberationView, memberId: string): RequestDeliberation[] {
  return view.requests.filter((request) => !request.votedBy.includes(memberId));
}

/** Members who have voted on every request (or written their report). */
export function doneMembers(view: DeliberationView): DeliberationMember[] {
  if (view.mode === 'report') return view.members.filter((member) => view.reports.some((report) => report.memberId === member.participantId));
  return view.members.filter((member) => remainingFor(view, member.participantId).length === 0);
}

/** How many opinions are still missing: what closing the session without them has to explain. */
export function missingVotes(view: DeliberationView): number {
  if (view.mode === 'report') return view.members.length - view.reports.length;
  return view.members.length * view.requests.length - view.requests.reduce((sum, request) => sum + request.votedBy.length, 0);
}

/** The colour of an outcome tag: the first (most favourable) outcome blue, the last red, the ones between gold. */
export function outcomeColor(view: DeliberationView, outcome: string): string {
  if (outcome === abstention) return 'default';
  const index = view.outcomes.findIndex((candidate) => candidate.id === outcome);
  if (index === 0) return 'blue';
  if (index === view.outcomes.length - 1) return 'red';
  return 'gold';
}
