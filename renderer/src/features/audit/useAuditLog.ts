import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData, AuditEntry } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';

interface Loaded {
  entries: AuditEntry[];
  /** The seq to ask older entries before; null once the oldest has been shown. */
  nextBefore: number | null;
  loading: boolean;
  error: AppErrorData | undefined;
}

export interface AuditLogState extends Loaded {
  loadMore: () => void;
  /** Asks again for the page that failed. */
  retry: () => void;
}

/**
 * The audit log of one filter, page by page, newest first. Pages are
 * appended, so "load more" keeps what the reader has already read. The
 * caller keys its component by the filter: a new filter starts from empty.
 */
export function useAuditLog(hearingId: string | undefined): AuditLogState {
  const [state, setState] = useState<Loaded>({ entries: [], nextBefore: null, loading: true, error: undefined });
  const failedBefore = useRef<number | undefined>(undefined);

  const fetchPage = useCallback(
    (before: number | undefined, shown: AuditEntry[]) =>
      api.call('audit.list', { ...(hearingId ? { hearingId } : {}), ...(before ? { before } : {}) }).then((result) => {
        failedBefore.current = result.ok ? undefined : before;
        setState(
          result.ok
            ? { entries: [...shown, ...result.value.entries], nextBefore: result.value.nextBefore, loading: false, error: undefined }
            : { entries: shown, nextBefore: null, loading: false, error: result.error },
        );
      }),
    [hearingId],
  );

  useEffect(() => void fetchPage(undefined, []), [fetchPage]);

  const ask = (before: number | undefined) => {
    // One request at a time: a second click while a page is on its way would append it twice.
    if (state.loading) return;
    setState({ ...state, loading: true, error: undefined });
    void fetchPage(before, state.entries);
  };

  return {
    ...state,
    loadMore: () => {
      if (state.nextBefore !== null) ask(state.nextBefore);
    },
    retry: () => ask(failedBefore.current),
  };
}
