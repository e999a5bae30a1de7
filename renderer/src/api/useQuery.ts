import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData, EventName, MethodInput, MethodName, MethodOutput } from '../../../electron/core/contract/index.js';
import { api } from './client.js';
import { onSessionResumed } from './session.js';

export interface QueryState<T> {
  data: T | undefined;
  error: AppErrorData | undefined;
  loading: boolean;
  reload: () => void;
}

/** Calls a query method and calls it again whenever one of `refreshOn` events arrives. */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M>, refreshOn: readonly EventName[] = []): QueryState<MethodOutput<M>> {
  const [state, setState] = useState<Omit<QueryState<MethodOutput<M>>, 'reload'>>({ data: undefined, error: undefined, loading: true });
  const inputKey = JSON.stringify(input);
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    void api.call(method, JSON.parse(inputKey) as MethodInput<M>).then((result) => {
      if (ticket !== latest.current) return;
      setState(result.ok ? { data: result.value, error: undefined, loading: false } : { data: undefined, error: result.error, loading: false });
    });
  }, [method, inputKey]);

  const refreshKey = refreshOn.join(' ');
  useEffect(() => {
    load();
    const stopEvents = api.on(refreshKey.split(' ').filter(Boolean) as EventName[], load);
    const stopResumed = onSessionResumed(load);
    return () => {
      stopEvents();
      stopResumed();
    };
  }, [load, refreshKey]);

  return { ...state, reload: load };
}
