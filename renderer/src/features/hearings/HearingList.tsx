import { ClearOutlined, PlusOutlined, ReadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatInstant, localDateTime, type ArchiveRow, type ArchiveSortKey } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { navigate } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { ArchiveFilterBar } from '../archive/ArchiveFilterBar.js';
import { defaultSort, emptyFilter, isFiltered, useArchiveState } from '../archive/archiveState.js';
import { StatusTag } from './StatusTag.js';
import { useTemplates } from './useTemplates.js';

const pageSize = 20;

/**
 * The hearing list is the office's archive: every hearing, narrowed by the
 * filter bar, sorted by a column header, and searchable in its minutes.
 */
export function HearingList() {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const language = useLanguage();
  const { nameOf } = useTemplates();
  const [state, update] = useArchiveState();
  const filtered = isFiltered(state.filter);
  const { data, error, loading, reload } = useQuery('hearing.archive', { filter: state.filter, sort: state.sort }, [
    'hearing.created',
    'hearing.updated',
    'procedure.changed',
    'deliberation.changed',
    'record.finalized',
    'calendar.changed',
  ]);
  // Received from another laptop: marked in the list as on the hearing's own page, with the office it came from.
  const received = useQuery('handover.list', {}, ['handover.imported']);
  const originOf = new Map((received.data ?? []).map((each) => [each.hearingId, each.origin.office]));
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
  const clearFilter = () => update({ filter: emptyFilter });
  const officeIsEmpty = !loading && !filtered && data?.length === 0;

  const sortable = (key: ArchiveSortKey) => ({
    key,
    sorter: true,
    sortDirections: ['ascend', 'descend'] as SortOrder[],
    sortOrder: (state.sort.by === key ? (state.sort.direction === 'asc' ? 'ascend' : 'descend') : null) as SortOrder,
  });
  const outcomeText = (row: ArchiveRow) => {
    if (row.outcomeName) return row.outcomeName[language];
    if (row.outcome === 'pending' || row.outcome === 'none') return t(`archive.outcomes.${row.outcome}`);
    return null;
  };

  if (error) return <ErrorAlert error={error} onRetry={reload} />;

  return (
    <Card
      title={
        <Flex align="baseline" gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('list.title')}
          </Typography.Title>
          {data && !officeIsEmpty && (
            <Typography.Text type="secondary" data-testid="archive-count">
              {filtered ? t('archive.countFiltered', { count: data.length }) : t('list.count', { count: data.length })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        officeIsEmpty ? undefined : (
          <Flex gap={8}>
            {sampleButton(false)}
            {newHearing(true)}
          </Flex>
        )
      }
    >
      {officeIsEmpty ? (
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
        <>
          <ArchiveFilterBar filter={state.filter} onChange={(filter) => update({ filter })} />
          <Table<ArchiveRow>
            rowKey="id"
            loading={loading}
            dataSource={data}
            pagination={{ pageSize, current: state.page, hideOnSinglePage: true, showSizeChanger: false }}
            onChange={(pagination, _filters, sorter, { action }) => {
              if (action === 'paginate') return update({ page: pagination.current ?? 1 });
              const chosen = Array.isArray(sorter) ? sorter[0] : sorter;
              update({
                sort: chosen?.order ? { by: chosen.columnKey as ArchiveSortKey, direction: chosen.order === 'ascend' ? 'asc' : 'desc' } : defaultSort,
              });
            }}
            locale={{
              emptyText: (
                <Empty
                  style={{ padding: '32px 0' }}
                  description={
                    <Flex vertical gap={4}>
                      <Typography.Text strong>{t('archive.noneMatchTitle')}</Typography.Text>
                      <Typography.Text type="secondary">{t('archive.noneMatchBody')}</Typography.Text>
                    </Flex>
                  }
                >
                  <Button icon={<ClearOutlined />} onClick={clearFilter}>
                    {t('archive.clear')}
                  </Button>
                </Empty>
              ),
            }}
            onRow={(hearing) => ({
              onClick: () => navigate({ name: 'hearing', hearingId: hearing.id, tab: 'overview' }),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { ...sortable('matterNo'), title: t('list.columns.matterNo'), dataIndex: 'matterNo', width: 205 },
              {
                key: 'title',
                title: t('list.columns.title'),
                render: (_, hearing) => (
                  <Flex vertical>
                    <a href={`#/hearings/${hearing.id}`}>{hearing.title}</a>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {hearing.organizer}
                      {originOf.has(hearing.id) && (
                        <Tag color="purple" style={{ marginInlineStart: 8 }} data-testid="received-tag">
                          {t('archive.received', { office: originOf.get(hearing.id) })}
                        </Tag>
                      )}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                key: 'template',
                title: t('list.columns.template'),
                width: 110,
                render: (_, hearing) => (
                  <Flex vertical>
                    <span>{nameOf(hearing.templateId)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t(`stage.${hearing.stage}`)}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                ...sortable('plannedStart'),
                title: t('list.columns.plannedStart'),
                width: 160,
                render: (_, hearing) => formatDateTime(hearing.plannedStart, language),
              },
              {
                ...sortable('status'),
                title: t('list.columns.status'),
                width: 105,
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
              {
                key: 'outcome',
                title: t('archive.columns.outcome'),
                width: 125,
                render: (_, row) => outcomeText(row) ?? <Typography.Text type="secondary">{t('archive.notDeliberated')}</Typography.Text>,
              },
              {
                ...sortable('finalizedAt'),
                title: t('archive.columns.finalizedAt'),
                width: 140,
                render: (_, row) => (row.finalizedAt ? formatDate(localDateTime(row.finalizedAt), language) : null),
              },
              {
                ...sortable('updatedAt'),
                title: t('archive.columns.updatedAt'),
                width: 140,
                render: (_, row) => <span title={formatInstant(row.updatedAt, language)}>{formatDate(localDateTime(row.updatedAt), language)}</span>,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
