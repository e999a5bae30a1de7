import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData, MethodInput, MinuteDraft, MinuteEntry, MinutesView, Result } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { mergeEntries, withEarlierEntries } from './record.js';

/**
 * The older part of the record comes in parts of this many entries (about
 * half a megabyte each), so taking each in is a short task and the clerk can
 * type while the rest arrives.
 */
const earlierPart = 1000;

/** Runs `then` once the next frame has been drawn. */
function afterPaint(then: () => void): void {
  window.requestAnimationFrame(() => window.setTimeout(then, 0));
}

/** An entry sent to the core and not yet acknowledged: shown as "saving", never as saved. */
export interface PendingEntry {
  clientId: string;
  input: MethodInput<'minutes.append'>;
  status: 'saving' | 'failed';
  error: AppErrorData | undefined;
}

export type MinutesMeta = Omit<MinutesView, 'entries' | 'revision' | 'draft' | 'earlierEntries'>;

export interface MinutesState {
  /** The record in order, without deleted entries. */
  entries: MinuteEntry[];
  /** Entries older than the first of `entries` still being fetched after opening on the newest ones; 0 once the record is whole. */
  earlierCount: number;
  pending: PendingEntry[];
  meta: MinutesMeta | undefined;
  /** The draft found on opening: what was being typed when the app last stopped. */
  restoredDraft: MinuteDraft | null;
  error: AppErrorData | undefined;
  loading: boolean;
  /** Sends an entry; it shows as saving until the core answers that it is on disk. */
  append(input: MethodInput<'minutes.append'>): Promise<Result<MinuteEntry>>;
  /** Sends a failed entry again, with the same clientId, so it cannot be written twice. */
  retry(clientId: string): Promise<void>;
}

/**
 * The minutes of one hearing, kept current: the first load brings everything,
 * and after that each change announced by the core brings only the entries
 * written since, so a 4-hour record does not travel again on every keystroke.
 * With `tail`, the first load brings only that many of the newest entries and
 * the rest follows right after, so a screen that opens at the end of a long
 * record shows it without waiting for (and parsing) all of it.
 */
export function useMinutes(hearingId: string, { tail }: { tail?: number } = {}): MinutesState {
  const [entries, setEntries] = useState<MinuteEntry[]>([]);
  const [earlierCount, setEarlierCount] = useState(0);
  const [pending, setPending] = useState<PendingEntry[]>([]);
  const [meta, setMeta] = useState<MinutesMeta>();
  const [restoredDraft, setRestoredDraft] = useState<MinuteDraft | null>(null);
  const [error, setError] = useState<AppErrorData>();
  const [loading, setLoading] = useState(true);
  const revision = useRef<number | undefined>(undefined);
  const fetching = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  /** While the older part of the record is still to come: the id of the first entry shown. */
  const earlierBefore = useRef<number | undefined>(undefined);
  /** The hearing shown now ('' once closed): answers still arriving for another are dropped, and its fetches stop. */
  const shown = useRef(hearingId);

  const take = useCallback((view: MinutesView, full: boolean) => {
    const { entries: changed, revision: latest, draft, earlierEntries, ...rest } = view;
    setEntries((current) => (full ? changed : mergeEntries(current, changed)));
    setMeta(rest);
    if (full) {
      setRestoredDraft(draft);
      earlierBefore.current = earlierEntries > 0 ? changed[0]?.id : undefined;
      setEarlierCount(earlierEntries);
    }
    revision.current = Math.max(revision.current ?? 0, latest);
  }, []);

  /** The older parts leave the revision alone: what changed meanwhile anywhere in the record is fetched after the last one, by revision. */
  const takeEarlier = useCallback((view: MinutesView, firstShown: number) => {
    setEntries((current) => withEarlierEntries(current, view.entries, firstShown));
    earlierBefore.current = view.earlierEntries > 0 ? view.entries[0]?.id : undefined;
    setEarlierCount(view.earlierEntries);
  }, []);

  const refresh = useCallback((): Promise<void> => {
    if (shown.current !== hearingId) return Promise.resolve();
    if (fetching.current) {
      again.current = true;
      return fetching.current;
    }
    const since = revision.current;
    const firstShown = since === undefined ? undefined : earlierBefore.current;
    // Any fetch but the older part's brings the record up to now, so it answers every change announced before it starts.
    if (firstShown === undefined) again.current = false;
    let fetchedEarlier = false;
    const run = (async () => {
      const input =
        since === undefined
          ? { hearingId, ...(tail === undefined ? {} : { tail }) }
          : firstShown === undefined
            ? { hearingId, sinceRevision: since }
            : { hearingId, beforeEntryId: firstShown, tail: earlierPart };
      const result = await api.call('minutes.list', input);
      if (shown.current !== hearingId) return;
      if (result.ok) {
        if (firstShown === undefined) take(result.value, since === undefined);
        else {
          takeEarlier(result.value, firstShown);
          fetchedEarlier = true;
        }
        setError(undefined);
      } else setError(result.error);
      setLoading(false);
    })().finally(() => {
      if (fetching.current !== run) return;
      fetching.current = null;
      // Opened on the newest entries: the older ones once those are on screen, part by part, then whatever changed meanwhile.
      if (since === undefined && earlierBefore.current !== undefined && !again.current) afterPaint(() => void refresh());
      else if (again.current || fetchedEarlier) void refresh();
    });
    fetching.current = run;
    return run;
  }, [hearingId, tail, take, takeEarlier]);

  useEffect(() => {
    shown.current = hearingId;
    fetching.current = null;
    again.current = false;
    revision.current = undefined;
    earlierBefore.current = undefined;
    setEntries([]);
    setEarlierCount(0);
    setPending([]);
    setLoading(true);
    void refresh();
    const offMinutes = api.on(['minutes.changed'], (event) => {
      if (event.payload.hearingId === hearingId && event.payload.revision > (revision.current ?? 0)) void refresh();
    });
    // Names, roles and the palette's placeholders come from the roster and the evidence.
    const offContext = api.on(['participants.changed', 'evidence.changed', 'hearing.updated'], () => void refresh());
    return () => {
      shown.current = '';
      offMinutes();
      offContext();
    };
  }, [hearingId, refresh]);

  const send = useCallback(async (input: MethodInput<'minutes.append'>): Promise<Result<MinuteEntry>> => {
    const result = await api.call('minutes.append', input);
    if (result.ok) {
      setEntries((current) => mergeEntries(current, [result.value]));
      setPending((current) => current.filter((entry) => entry.clientId !== input.clientId));
    } else {
      setPending((current) =>
        current.map((entry) => (entry.clientId === input.clientId ? { ...entry, status: 'failed' as const, error: result.error } : entry)),
      );
    }
    return result;
  }, []);

  const append = useCallback(
    (input: MethodInput<'minutes.append'>) => {
      setPending((current) => [...current, { clientId: input.clientId, input, status: 'saving', error: undefined }]);
      return send(input);
    },
    [send],
  );

  const retry = useCallback(
    async (clientId: string) => {
      const failed = pending.find((entry) => entry.clientId === clientId);
      if (!failed) return;
      setPending((current) => current.map((entry) => (entry.clientId === clientId ? { ...entry, status: 'saving' as const, error: undefined } : entry)));
      await send(failed.input);
    },
    [pending, send],
  );

  return { entries, earlierCount, pending, meta, restoredDraft, error, loading, append, retry };
}
