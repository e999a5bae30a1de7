import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../electron/core/contract/index.js';
import { useErrorText } from './useErrorText.js';

export function ErrorAlert({ error, onRetry }: { error: AppErrorData; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { describe } = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={describe(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )
      }
    />
  );
}
