import type { FormInstance } from 'antd';
import type { AppErrorData } from '../../../../electron/core/contract/index.js';
import type { ErrorText } from '../../components/useErrorText.js';
import { validationIssues } from '../../components/useErrorText.js';

/**
 * Puts a refusal where the person looks: each field's problem under that
 * field, anything else (a wrong password, a wait) under `fallbackField`.
 */
export function showRefusal(form: FormInstance, error: AppErrorData, text: ErrorText, fallbackField: string): void {
  const issues = validationIssues(error);
  if (issues.length > 0) {
    form.setFields(issues.map((issue) => ({ name: issue.path.split('.')[0] as string, errors: [text.describeIssue(issue)] })));
    return;
  }
  form.setFields([{ name: fallbackField, errors: [text.describe(error)] }]);
}
