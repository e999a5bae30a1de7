import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData, MethodInput, MinuteDraft, MinuteEntry, MinutesView, Result } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';

/** An entry sent to the core and not yet acknowledged: shown as "saving", never as saved. */
export interface PendingEntry {
  clientId: string;
  input: MethodInput<'minutes.append'>;
  status: 'saving' | 'failed';
  error: AppErrorData | undefined;
}

export type MinutesMeta = Omit<MinutesView, 'entries' | 'revision' | 'draft'>;

export interface MinutesState {
  /** The record in order, without deleted entries. */
  entries: MinuteEntry[];
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

/** Puts changed entries in place by id: the record stays in commit order, deleted entries leave it. */
export function mergeEntries(current: readonly MinuteEntry[], changes: readonly MinuteEntry[]): MinuteEntry[] {
  if (changes.length === 0) return current as MinuteEntry[];
  const byId = new Map(current.map((entry) => [entry.id, entry]));
  for (const change of changes) {
    if (change.deleted) byId.delete(change.id);
    else byId.set(change.id, change);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * The minutes of one hearing, kept current: the first load brings everything,
 * and after that each change announced by the core brings only the entries
 * written since, so a 4-hour record does not travel again on every keystroke.
 */
export function useMinutes(hearingId: string): MinutesState {
  const [entries, setEntries] = useState<MinuteEntry[]>([]);
  const [pending, setPending] = useState<PendingEntry[]>([]);
  const [meta, setMeta] = useState<MinutesMeta>();
  const [restoredDraft, setRestoredDraft] = useState<MinuteDraft | null>(null);
  const [error, setError] = useState<AppErrorData>();
  const [loading, setLoading] = useState(true);
  const revision = useRef<number | undefined>(undefined);
  const fetching = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const take = useCallback((view: MinutesView, full: boolean) => {
    const { entries: changed, revision: latest, draft, ...rest } = view;
    setEntries((current) => (full ? changed : mergeEntries(current, changed)));
    setMeta(rest);
    if (full) setRestoredDraft(draft);
    revision.current = Math.max(revision.current ?? 0, latest);
  }, []);

  const refresh = useCallback((): Promise<void> => {
    if (fetching.current) {
      again.current = true;
      return fetching.current;
    }
    const since = revision.current;
    const run = (async () => {
      const result = await api.call('minutes.list', since === undefined ? { hearingId } : { hearingId, sinceRevision: since });
      if (result.ok) {
        take(result.value, since === undefined);
        setError(undefined);
      } else setError(result.error);
      setLoading(false);
    })().finally(() => {
      fetching.current = null;
      if (again.current) {
        again.current = false;
        void refresh();
      }
    });
    fetching.current = run;
    return run;
  }, [hearingId, take]);

  useEffect(() => {
    revision.current = undefined;
    setEntries([]);
    setPending([]);
    setLoading(true);
    void refresh();
    const offMinutes = api.on(['minutes.changed'], (event) => {
      if (event.payload.hearingId === hearingId && event.payload.revision > (revision.current ?? 0)) void refresh();
    });
    // Names, roles and the palette's placeholders come from the roster and the evidence.
    const offContext = api.on(['participants.changed', 'evidence.changed', 'hearing.updated'], () => void refresh());
    return () => {
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

  return { entries, pending, meta, restoredDraft, error, loading, append, retry };
}
