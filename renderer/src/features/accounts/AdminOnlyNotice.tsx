import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Above a form only an administrator may use: others see it, and why it does not work for them. */
export function AdminOnlyNotice() {
  const { t } = useTranslation('accounts');
  return <Alert type="info" showIcon title={t('forbidden.adminOnly')} style={{ marginBottom: 16 }} data-testid="admin-only" />;
}
