import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, type BackupSnapshot, type RecoveryStatus } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';
import { BackupSummaryView } from '../backup/BackupSummaryView.js';
import { RestoreDialog, type RestoreTarget } from '../backup/RestoreDialog.js';

type Active = RecoveryStatus & { active: true };

/** Why there is nothing to offer: no folder ever chosen, the folder not reachable now, or nothing in it that can be restored. */
function NothingToRestore({ status, onReload }: { status: Active; onReload: () => void }) {
  const { t } = useTranslation('recovery');
  const reason = status.folder === '' ? 'noFolder' : status.folderFound ? 'noGoodBackup' : 'folderMissing';
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="recovery-nothing"
      title={t(`nothing.${reason}`, { folder: status.folder })}
      description={t('nothing.then')}
      action={
        reason === 'folderMissing' && (
          <Button size="small" onClick={onReload}>
            {t('nothing.lookAgain')}
          </Button>
        )
      }
    />
  );
}

function OtherBackups({ snapshots, onRestore }: { snapshots: BackupSnapshot[]; onRestore: (target: RestoreTarget) => void }) {
  const { t } = useTranslation('recovery');
  const { t: tb } = useTranslation('backup');
  const language = useLanguage();
  return (
    <Table<BackupSnapshot>
      rowKey="fileName"
      size="small"
      pagination={false}
      dataSource={snapshots}
      columns={[
        {
          key: 'createdAt',
          title: tb('snapshots.createdAt'),
          render: (_, { fileName, summary }) => (
            <Flex vertical>
              <span>{summary ? formatInstant(summary.createdAt, language) : '—'}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fileName}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'contents',
          title: tb('snapshots.contents'),
          render: (_, { summary, problem }) =>
            summary ? (
              tb('counts', {
                hearings: summary.counts.hearings,
                finalized: summary.counts.finalized,
                entries: summary.counts.minuteEntries,
                evidence: summary.counts.evidenceFiles,
              })
            ) : (
              <Typography.Text type="danger">{problem === 'backup/newerVersion' ? tb('snapshots.newer') : tb('snapshots.unreadable')}</Typography.Text>
            ),
        },
        {
          key: 'actions',
          title: tb('snapshots.actions'),
          width: 120,
          render: (_, { fileName, summary }) =>
            summary && (
              <Button size="small" onClick={() => onRestore({ fileName, summary })}>
                {t('restoreThis')}
              </Button>
            ),
        },
      ]}
    />
  );
}

/**
 * 数据库损坏: the whole window when the database failed its check at start.
 * It says what happened, offers the latest good backup with what it holds,
 * lists the others, and says what to do when there is none; nothing else of
 * the app can work until a backup is restored.
 */
export function RecoveryPage({ status, onReload }: { status: Active; onReload: () => void }) {
  const { t } = useTranslation('recovery');
  const [restoring, setRestoring] = useState<RestoreTarget>();
  const latest = status.snapshots.find((snapshot) => snapshot.fileName === status.latest);
  const others = status.snapshots.filter((snapshot) => snapshot !== latest);

  return (
    <Flex vertical gap={20} style={{ maxWidth: 960, margin: '0 auto', padding: '40px 24px' }}>
      <Flex gap={16} align="center">
        <WarningOutlined style={{ fontSize: 40, color: '#cf1322' }} />
        <Flex vertical>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        </Flex>
      </Flex>

      <Card title={t('what.title')} size="small">
        <Typography.Paragraph style={{ marginTop: 0 }}>{t('what.body')}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('what.dataDir')} <Typography.Text code>{status.dataDir}</Typography.Text>
        </Typography.Paragraph>
        {status.detail !== '' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('what.detail', { detail: status.detail })}
          </Typography.Text>
        )}
      </Card>

      {latest?.summary ? (
        <Card
          title={t('latest.title')}
          data-testid="recovery-latest"
          extra={
            <Button type="primary" size="large" onClick={() => setRestoring({ fileName: latest.fileName, summary: latest.summary! })}>
              {t('restoreLatest')}
            </Button>
          }
        >
          <Flex vertical gap={12}>
            <Typography.Text>{t('latest.body', { folder: status.folder })}</Typography.Text>
            <BackupSummaryView fileName={latest.fileName} summary={latest.summary} />
          </Flex>
        </Card>
      ) : (
        <NothingToRestore status={status} onReload={onReload} />
      )}

      {others.length > 0 && (
        <Card title={t('others.title')} size="small">
          <OtherBackups snapshots={others} onRestore={setRestoring} />
        </Card>
      )}

      <Card title={t('help.title')} size="small">
        <Typography.Paragraph style={{ marginTop: 0 }}>{t('help.command')}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code copyable>
            {status.command ?? t('help.commandTemplate', { dataDir: status.dataDir })}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('help.call')}</Typography.Paragraph>
      </Card>

      <RestoreDialog target={restoring} recovery onClose={() => setRestoring(undefined)} />
    </Flex>
  );
}
