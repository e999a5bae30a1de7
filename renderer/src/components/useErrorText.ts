import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ValidationIssue } from '../../../electron/core/contract/index.js';

function scalarParams(error: AppErrorData): Record<string, string | number | boolean | null> {
  return Object.fromEntries(Object.entries(error.params).filter(([, value]) => !Array.isArray(value))) as Record<string, string | number | boolean | null>;
}

export interface ErrorText {
  describe: (error: AppErrorData) => string;
  describeIssue: (issue: ValidationIssue) => string;
}

/** Words for an error from the core, in the current language; never the raw code or a stack. Stable between renders. */
export function useErrorText(): ErrorText {
  const { t } = useTranslation('errors');
  return useMemo(
    () => ({
      describe: (error) => t(`code.${error.code}`, scalarParams(error)),
      describeIssue: (issue) => t(issue.key, issue.params),
    }),
    [t],
  );
}

export function validationIssues(error: AppErrorData): ValidationIssue[] {
  return error.code === 'validation' ? issuesOf(error) : [];
}

/** The listed reasons of any refusal that gives them (field errors, unmet preconditions). */
export function issuesOf(error: AppErrorData): ValidationIssue[] {
  return Array.isArray(error.params.issues) ? error.params.issues : [];
}
