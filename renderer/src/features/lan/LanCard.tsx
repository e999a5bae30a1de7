import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

const enableCommand = 'hearing-desk serve --lan';

/** The read-only follow view on the room's network: its QR code and address, or how to turn it on. */
export function LanCard() {
  const { t } = useTranslation('lan');
  const { data, error, reload } = useQuery('lan.info', {});
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return null;

  if (!data.enabled) {
    return (
      <Card size="small" title={t('title')}>
        <Typography.Paragraph>{t('disabled')}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('enableHint')} <Typography.Text code>{enableCommand}</Typography.Text>
        </Typography.Paragraph>
      </Card>
    );
  }

  return (
    <Card size="small" title={t('title')}>
      {data.url === null ? (
        <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
          {t('noAddress')}
        </Typography.Paragraph>
      ) : (
        <Flex gap={16} align="center" wrap>
          {data.qrSvg !== null && <img src={'data:image/svg+xml;utf8,' + encodeURIComponent(data.qrSvg)} alt={t('qrAlt')} width={180} height={180} />}
          <Flex vertical gap={8} style={{ minWidth: 240, flex: 1 }}>
            <Typography.Text strong>{t('explain')}</Typography.Text>
            <Flex vertical>
              <Typography.Text type="secondary">{t('address')}</Typography.Text>
              <Typography.Text copyable code>
                {data.url}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary">{t('tokenNote')}</Typography.Text>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
