import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainStatus } from '../../../../electron/core/contract/index.js';

/** The verdict on the whole chain, above the entries: green when every link holds, red naming the first entry that does not. */
export function ChainBanner({ status }: { status: ChainStatus | undefined }) {
  const { t } = useTranslation('audit');
  if (!status) return <Alert type="info" showIcon title={t('status.checking')} data-testid="audit-status" />;
  if (status.intact) {
    return <Alert type="success" showIcon role="status" title={t('status.intact', { count: status.entries })} data-testid="audit-status" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('status.broken', { seq: status.brokenAt })}
      description={t('status.brokenBody', { seq: status.brokenAt })}
      data-testid="audit-status"
    />
  );
}
