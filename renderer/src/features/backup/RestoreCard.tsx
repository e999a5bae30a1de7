import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Restoring replaces the data the running app has open, so it is a
 * command-line step with the app closed; the screen only says how.
 */
export function RestoreCard() {
  const { t } = useTranslation('backup');
  return (
    <Card title={t('restore.title')}>
      <Typography.Paragraph style={{ marginTop: 0 }}>{t('restore.intro')}</Typography.Paragraph>
      <ol style={{ margin: 0, paddingInlineStart: 20, lineHeight: 2 }}>
        <li>{t('restore.close')}</li>
        <li>
          {t('restore.run')}{' '}
          <Typography.Text code copyable>
            {t('restore.command')}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">{t('restore.placeholders')}</Typography.Text>
          </div>
        </li>
        <li>{t('restore.after')}</li>
      </ol>
    </Card>
  );
}
