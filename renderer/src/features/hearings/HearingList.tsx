import { PlusOutlined, ReadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type Hearing } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { navigate } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { StatusTag } from './StatusTag.js';
import { useTemplates } from './useTemplates.js';

export function HearingList() {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const language = useLanguage();
  const { nameOf } = useTemplates();
  const { data, error, loading, reload } = useQuery('hearing.list', {}, ['hearing.created']);
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const [openingSample, setOpeningSample] = useState(false);
  // The sample is held and sealed on the spot: a few seconds, so the button shows it is working.
  const openSample = async () => {
    setOpeningSample(true);
    const result = await api.call('sample.create', {});
    setOpeningSample(false);
    if (result.ok) navigate({ name: 'hearing', hearingId: result.value.id, tab: 'overview' });
    else void message.error(describe(result.error));
  };
  const sampleButton = (primary: boolean) => (
    <Button type={primary ? 'primary' : 'default'} icon={<ReadOutlined />} loading={openingSample} onClick={() => void openSample()}>
      {openingSample ? t('list.sampleOpening') : t('list.openSample')}
    </Button>
  );
  const newHearing = (primary: boolean) => (
    <Button type={primary ? 'primary' : 'default'} icon={<PlusOutlined />} onClick={() => navigate({ name: 'newHearing' })}>
      {tc('actions.newHearing')}
    </Button>
  );

  if (error) return <ErrorAlert error={error} onRetry={reload} />;

  return (
    <Card
      title={
        <Flex align="baseline" gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('list.title')}
          </Typography.Title>
          {data && data.length > 0 && <Typography.Text type="secondary">{t('list.count', { count: data.length })}</Typography.Text>}
        </Flex>
      }
      extra={
        data && data.length > 0 ? (
          <Flex gap={8}>
            {sampleButton(false)}
            {newHearing(true)}
          </Flex>
        ) : undefined
      }
    >
      {!loading && data?.length === 0 ? (
        <Empty
          style={{ padding: '48px 0' }}
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('list.emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('list.emptyBody')}</Typography.Text>
            </Flex>
          }
        >
          <Flex gap={8} justify="center" wrap>
            {sampleButton(true)}
            {newHearing(false)}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('list.sampleHint')}
          </Typography.Paragraph>
        </Empty>
      ) : (
        <Table<Hearing>
          rowKey="id"
          loading={loading}
          dataSource={data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(hearing) => ({
            onClick: () => navigate({ name: 'hearing', hearingId: hearing.id, tab: 'overview' }),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { key: 'matterNo', title: t('list.columns.matterNo'), dataIndex: 'matterNo', width: 230 },
            {
              key: 'title',
              title: t('list.columns.title'),
              render: (_, hearing) => <a href={`#/hearings/${hearing.id}`}>{hearing.title}</a>,
            },
            { key: 'template', title: t('list.columns.template'), width: 150, render: (_, hearing) => nameOf(hearing.templateId) },
            {
              key: 'plannedStart',
              title: t('list.columns.plannedStart'),
              width: 190,
              render: (_, hearing) => formatDateTime(hearing.plannedStart, language),
            },
            { key: 'venue', title: t('list.columns.venue'), dataIndex: 'venue', width: 220, ellipsis: true },
            {
              key: 'status',
              title: t('list.columns.status'),
              width: 170,
              render: (_, hearing) => (
                <Flex gap={4} wrap>
                  <StatusTag status={hearing.status} />
                  {hearing.deadlines.overdue.map((check) => (
                    <Tag key={check} color="red">
                      {t(`deadlines.overdue.${check}`)}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
