import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { draftDebounceMs, draftMaxWaitMs } from './draftTiming.js';

type DraftInput = MethodInput<'minutes.saveDraft'>;

export interface DraftSaver {
  /** Asks for this draft to be kept; the last one asked for wins. */
  schedule(input: DraftInput): void;
  /** Sends what is waiting now (on leaving the screen). */
  flush(): void;
  /** Forgets what is waiting (the entry was committed, which clears the draft in the core). */
  cancel(): void;
  /** When the core last confirmed a draft of this entry (by clientId), or undefined. */
  savedAt: { clientId: string; at: string } | undefined;
}

/**
 * Saves the entry being typed with `minutes.saveDraft`, debounced with a
 * maximum wait, so a crash loses at most about a second of typing.
 */
export function useDraftSaver(): DraftSaver {
  const [savedAt, setSavedAt] = useState<DraftSaver['savedAt']>();
  const waiting = useRef<DraftInput | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const firstAskedAt = useRef<number | null>(null);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    firstAskedAt.current = null;
    const input = waiting.current;
    waiting.current = null;
    if (!input) return;
    void api.call('minutes.saveDraft', input).then((result) => {
      if (result.ok) setSavedAt(input.text.trim() === '' ? undefined : { clientId: input.clientId, at: result.value.savedAt });
    });
  }, []);

  const schedule = useCallback(
    (input: DraftInput) => {
      waiting.current = input;
      const now = Date.now();
      firstAskedAt.current ??= now;
      window.clearTimeout(timer.current);
      const wait = Math.max(0, Math.min(draftDebounceMs, firstAskedAt.current + draftMaxWaitMs - now));
      timer.current = window.setTimeout(flush, wait);
    },
    [flush],
  );

  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    firstAskedAt.current = null;
    waiting.current = null;
    setSavedAt(undefined);
  }, []);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { schedule, flush, cancel, savedAt };
}
