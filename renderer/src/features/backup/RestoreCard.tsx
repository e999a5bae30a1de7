import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * How restoring works: from the list above, or, for a backup kept elsewhere,
 * from the command line with the app closed.
 */
export function RestoreCard() {
  const { t } = useTranslation('backup');
  return (
    <Card title={t('restore.title')}>
      <Typography.Paragraph style={{ marginTop: 0 }}>{t('restore.intro')}</Typography.Paragraph>
      <Typography.Paragraph>{t('restore.after')}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('restore.elsewhere')}{' '}
        <Typography.Text code copyable>
          {t('restore.command')}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('restore.placeholders')}</Typography.Text>
      </Typography.Paragraph>
    </Card>
  );
}
