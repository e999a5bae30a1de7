import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';

type Failure = EventPayload<'backup.failed'>;

/**
 * An automatic backup (after finalizing, or the day's first start) that
 * failed: nobody asked for it, so nobody would notice unless it is shown.
 * A later backup that succeeds makes the warning stale, so it clears it.
 */
export function AutomaticFailureAlert({ folder }: { folder: string }) {
  const { t } = useTranslation('backup');
  const { describe } = useErrorText();
  const [failure, setFailure] = useState<Failure>();

  useEffect(() => {
    const offFailed = api.on(['backup.failed'], (event) => setFailure(event.payload));
    const offCreated = api.on(['backup.created'], () => setFailure(undefined));
    return () => {
      offFailed();
      offCreated();
    };
  }, []);

  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose: () => setFailure(undefined) }}
      role="alert"

      title={t('failed.title', { reason: t(`failed.reasons.${failure.reason}`) })}
      // The event names only the code; the folder it was writing to is the one set.
      description={describe({ code: failure.code, params: { folder } })}
    />
  );
}
