import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInstant } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { navigate } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { StatusTag } from './StatusTag.js';
import { useTemplates } from './useTemplates.js';

export function HearingOverview({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const language = useLanguage();
  const { nameOf } = useTemplates();
  const { data: hearing, error, reload } = useQuery('hearing.get', { hearingId });

  const back = (
    <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'hearings' })}>
      {tc('nav.back')}
    </Button>
  );
  if (error) {
    return (
      <Flex vertical gap={16}>
        <div>{back}</div>
        <ErrorAlert error={error} onRetry={reload} />
      </Flex>
    );
  }
  if (!hearing) return <Skeleton active />;

  return (
    <Flex vertical gap={16}>
      <div>{back}</div>
      <Card>
        <Flex vertical gap={4} style={{ marginBottom: 24 }}>
          <Typography.Text type="secondary">{t('overview.title')}</Typography.Text>
          <Flex align="center" gap={12}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {hearing.title}
            </Typography.Title>
            <StatusTag status={hearing.status} />
          </Flex>
        </Flex>
        <Descriptions
          bordered
          column={2}
          size="middle"
          items={[
            { key: 'matterNo', label: t('overview.matterNo'), children: hearing.matterNo },
            { key: 'template', label: t('overview.template'), children: nameOf(hearing.templateId) },
            { key: 'plannedStart', label: t('overview.plannedStart'), children: formatDateTime(hearing.plannedStart, language) },
            { key: 'venue', label: t('overview.venue'), children: hearing.venue },
            { key: 'organizer', label: t('overview.organizer'), children: hearing.organizer },
            {
              key: 'publicity',
              label: t('overview.publicity'),
              children: hearing.isPublic ? t('overview.public') : `${t('overview.nonPublic')}（${hearing.nonPublicReason}）`,
            },
            { key: 'createdAt', label: t('overview.createdAt'), children: formatInstant(hearing.createdAt, language) },
          ]}
        />
      </Card>
    </Flex>
  );
}
