import { Drawer, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MinuteEntry, MinuteRevision } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { clockTime } from './format.js';

const actionColors: Record<MinuteRevision['action'], string> = { created: 'blue', edited: 'orange', deleted: 'red', corrected: 'purple' };

function Versions({ entryId }: { entryId: number }) {
  const { t } = useTranslation('minutes');
  const { data: versions, error, reload } = useQuery('minutes.history', { entryId }, ['minutes.changed']);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!versions) return <Skeleton active />;
  if (versions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  return (
    <Timeline
      items={[...versions].reverse().map((version) => ({
        key: version.version,
        color: actionColors[version.action],
        content: (
          <Flex vertical gap={4} data-testid="minutes-version">
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{t('history.version', { version: version.version })}</Typography.Text>
              <Tag color={actionColors[version.action]} style={{ margin: 0 }}>
                {t(`history.action.${version.action}`)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('history.when', { when: dayjs(version.changedAt).format('YYYY-MM-DD HH:mm:ss'), who: version.changedBy })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} delete={version.action === 'deleted'}>
              {version.speakerLabel && <Typography.Text strong>{t('row.speaker', { label: version.speakerLabel })}</Typography.Text>}
              {version.text}
            </Typography.Paragraph>
            {version.offRecord && (
              <div>
                <Tag style={{ margin: 0 }}>{t('tags.offRecord')}</Tag>
              </div>
            )}
            {version.note && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {version.note}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
  );
}

/** Every version of one entry, newest first: what it said, who changed it and when. */
export function HistoryDrawer({ entry, onClose }: { entry: MinuteEntry | undefined; onClose: () => void }) {
  const { t } = useTranslation('minutes');
  return (
    <Drawer
      open={entry !== undefined}
      onClose={onClose}
      size={480}
      title={entry ? t('history.title', { time: clockTime(entry.startedAt), label: entry.speakerLabel || t(`kind.${entry.kind}`) }) : t('history.titleShort')}
      destroyOnHidden
    >
      {entry && <Versions entryId={entry.id} />}
    </Drawer>
  );
}
