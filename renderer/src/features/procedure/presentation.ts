import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureState } from '../../../../electron/core/contract/index.js';
import type { ClockReading } from './useSpeechClock.js';

export const stateColors: Record<ProcedureState, string> = {
  notStarted: 'default',
  inProgress: 'green',
  adjourned: 'gold',
  suspended: 'volcano',
  postponed: 'purple',
  deliberating: 'blue',
  closed: 'default',
};

export const phaseColors: Record<ClockReading['phase'], string> = { normal: '#1f4e9c', warning: '#d46b08', over: '#cf1322' };

/**
 * A state's reason as words: the core writes some reasons as `i18n:<namespace>.<key>`
 * (e.g. `i18n:procedure.reason.chairRecused`); anything else was typed by the clerk.
 */
export function useReasonText(): (reason: string) => string {
  const { t } = useTranslation('procedure');
  return useCallback(
    (reason: string) => {
      if (!reason.startsWith('i18n:')) return reason;
      const [namespace = '', ...path] = reason.slice('i18n:'.length).split('.');
      return path.length > 0 ? t(path.join('.'), { ns: namespace }) : t(namespace);
    },
    [t],
  );
}
