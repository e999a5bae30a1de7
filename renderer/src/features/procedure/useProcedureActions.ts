import { App } from 'antd';
import { useMemo } from 'react';
import type { MethodInput, MethodName } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { issuesOf, useErrorText } from '../../components/useErrorText.js';

type ProcedureMethod = Extract<MethodName, `procedure.${string}` | `agenda.${string}` | `speakers.${string}`>;

/** Sends one procedure action and says why in words when the core refuses it. */
export function useProcedureActions(): <M extends ProcedureMethod>(method: M, input: MethodInput<M>) => Promise<boolean> {
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  return useMemo(
    () => async (method, input) => {
      const result = await api.call(method, input);
      if (result.ok) return true;
      const issues = issuesOf(result.error).map(describeIssue);
      if (result.error.code === 'validation' && issues.length > 0) void message.error(issues.join(' '));
      else void message.error([describe(result.error), ...issues].join(' '));
      return false;
    },
    [message, describe, describeIssue],
  );
}
