import { App } from 'antd';
import { useMemo } from 'react';
import type { AppErrorData, MethodInput, MethodName, MethodOutput } from '../../../electron/core/contract/index.js';
import { issuesOf, useErrorText } from '../components/useErrorText.js';
import { api } from './client.js';

/** One call of a feature's methods: the value, or undefined once a refusal has been told or handed to `onError`. */
export type Action<Scope extends MethodName> = <M extends Scope>(
  method: M,
  input: MethodInput<M>,
  onError?: (error: AppErrorData) => void,
) => Promise<MethodOutput<M> | undefined>;

/**
 * Sends one call; on a refusal, says why in words (unless the caller places
 * the error itself) and answers undefined. With `issuesAlone`, a validation
 * refusal that lists its issues is told by the issues only, without the
 * general sentence about invalid input before them.
 */
export function useAction<Scope extends MethodName>({ issuesAlone = false }: { issuesAlone?: boolean } = {}): Action<Scope> {
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  return useMemo(
    () => async (method, input, onError) => {
      const result = await api.call(method, input);
      if (result.ok) return result.value;
      if (onError) onError(result.error);
      else {
        const issues = issuesOf(result.error).map(describeIssue);
        void message.error(
          issuesAlone && result.error.code === 'validation' && issues.length > 0 ? issues.join(' ') : [describe(result.error), ...issues].join(' '),
        );
      }
      return undefined;
    },
    [message, describe, describeIssue, issuesAlone],
  );
}
