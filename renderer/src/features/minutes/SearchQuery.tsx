import { useEffect, useRef, useState } from 'react';
import type { AppErrorData, SearchResult } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';

export interface MinuteSearchState {
  /** The answer for `answered`, kept while the next query is on its way so the list does not flicker. */
  result: SearchResult | undefined;
  /** The query (trimmed) the result belongs to. */
  answered: string;
  error: AppErrorData | undefined;
  searching: boolean;
}

const idle: MinuteSearchState = { result: undefined, answered: '', error: undefined, searching: false };

/** Searches the minutes as the user types, a moment after the last keystroke; only the latest answer is kept. */
export function useMinuteSearch(query: string, options: { hearingId?: string | undefined; limit: number; delayMs?: number }): MinuteSearchState {
  const { hearingId, limit, delayMs = 250 } = options;
  const [state, setState] = useState<MinuteSearchState>(idle);
  const ticket = useRef(0);
  const trimmed = query.trim();

  useEffect(() => {
    const mine = ++ticket.current;
    if (!trimmed) {
      setState(idle);
      return;
    }
    setState((current) => ({ ...current, searching: true }));
    const timer = window.setTimeout(() => {
      void api.call('minutes.search', hearingId ? { query: trimmed, hearingId, limit } : { query: trimmed, limit }).then((answer) => {
        if (mine !== ticket.current) return;
        setState(
          answer.ok
            ? { result: answer.value, answered: trimmed, error: undefined, searching: false }
            : { result: undefined, answered: trimmed, error: answer.error, searching: false },
        );
      });
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [trimmed, hearingId, limit, delayMs]);

  return state;
}
