import { FileDoneOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/route.js';

/** Before the hearing starts there is no record to sign: say where to start it. */
export function NotStarted({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('signing');
  return (
    <Card data-testid="signing-not-open">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Typography.Text type="secondary">{t('notOpen.body')}</Typography.Text>}>
        <Typography.Paragraph strong>{t('notOpen.title')}</Typography.Paragraph>
        <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => navigate({ name: 'hearing', hearingId, tab: 'procedure' })}>
          {t('notOpen.action')}
        </Button>
      </Empty>
    </Card>
  );
}

const toRecord = (hearingId: string) => () => navigate({ name: 'hearing', hearingId, tab: 'record' });

/** Everyone has an outcome that holds: the documents and the archive come next. */
export function RoundComplete({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('signing');
  return (
    <Card data-testid="signing-complete">
      <Result
        status="success"
        title={t('complete.title')}
        subTitle={t('complete.body')}
        extra={
          <Button type="primary" size="large" icon={<FileDoneOutlined />} onClick={toRecord(hearingId)}>
            {t('complete.action')}
          </Button>
        }
        style={{ padding: '16px 0' }}
      />
    </Card>
  );
}

/** A finalized record is not signed again; any change is an addendum on the record tab. */
export function RoundFinalized({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('signing');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="signing-finalized"
      title={t('finalized')}
      action={<Button onClick={toRecord(hearingId)}>{t('complete.action')}</Button>}
    />
  );
}
