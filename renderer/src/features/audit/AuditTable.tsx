import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, ChainStatus } from '../../../../electron/core/contract/index.js';
import { hrefFor } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAuditLog } from './useAuditLog.js';

/**
 * A label for a stored name, or the name itself: the log outlives the code,
 * so an action or field renamed since keeps showing as it was written
 * instead of as a missing translation.
 */
function useLabel(prefix: 'actions' | 'fields'): (name: string) => string {
  const { t, i18n } = useTranslation('audit');
  return (name) => (i18n.exists(`audit:${prefix}.${name}`) ? t(`${prefix}.${name}`) : name);
}

/** One filter's entries, newest first, with "load more" for older pages. Keyed by the filter, so a new one starts over. */
export function AuditTable({ hearingId, status }: { hearingId: string | undefined; status: ChainStatus | undefined }) {
  const { t } = useTranslation('audit');
  const actionLabel = useLabel('actions');
  const fieldLabel = useLabel('fields');
  const log = useAuditLog(hearingId);
  const brokenAt = status && !status.intact ? status.brokenAt : undefined;

  return (
    <Flex vertical gap={12}>
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        aria-label={t('table')}
        data-testid="audit-table"
        loading={log.loading && log.entries.length === 0}
        dataSource={log.entries}
        pagination={false}
        // Only the entry the banner names is tinted: tinting every later one would drown it.
        onRow={(entry) => (entry.seq === brokenAt ? { style: { background: '#fff1f0' } } : {})}
        locale={{
          emptyText: (
            <Empty
              style={{ padding: '32px 0' }}
              description={
                <Flex vertical gap={4}>
                  <Typography.Text strong>{t('empty.title')}</Typography.Text>
                  <Typography.Text type="secondary">{hearingId ? t('empty.bodyFiltered') : t('empty.body')}</Typography.Text>
                </Flex>
              }
            />
          ),
        }}
        columns={[
          {
            key: 'seq',
            title: t('columns.seq'),
            dataIndex: 'seq',
            width: 72,
            align: 'right',
            render: (seq: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{seq}</span>,
          },
          {
            key: 'at',
            title: t('columns.at'),
            width: 210,
            render: (_, entry) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{dayjs(entry.at).format(t('timeFormat'))}</span>,
          },
          { key: 'actor', title: t('columns.actor'), dataIndex: 'actor', width: 130 },
          {
            key: 'action',
            title: t('columns.action'),
            width: 200,
            render: (_, entry) => <span title={entry.action}>{actionLabel(entry.action)}</span>,
          },
          {
            key: 'hearing',
            title: t('columns.hearing'),
            render: (_, entry) =>
              entry.hearingId ? (
                <a href={hrefFor({ name: 'hearing', hearingId: entry.hearingId, tab: 'overview' })}>{entry.hearingTitle ?? entry.hearingId}</a>
              ) : (
                <Typography.Text type="secondary">{t('officeWide')}</Typography.Text>
              ),
          },
          {
            key: 'fields',
            title: t('columns.fields'),
            width: 260,
            render: (_, entry) => (
              <Flex gap={4} wrap>
                {entry.fields.map((field) => (
                  <Tag key={field}>{fieldLabel(field)}</Tag>
                ))}
                {entry.afterStart && (
                  <Tag color="orange" title={t('afterStartHint')}>
                    {t('afterStart')}
                  </Tag>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {log.error && <ErrorAlert error={log.error} onRetry={log.retry} />}
      {log.entries.length > 0 && (
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">{t('shown', { count: log.entries.length })}</Typography.Text>
          {log.nextBefore !== null ? (
            <Button onClick={log.loadMore} loading={log.loading}>
              {t('loadMore')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('end')}</Typography.Text>
          )}
        </Flex>
      )}
    </Flex>
  );
}
