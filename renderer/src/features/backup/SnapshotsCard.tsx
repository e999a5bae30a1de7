import { CloudUploadOutlined, EyeOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Modal, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatInstant,
  type AppErrorData,
  type BackupSnapshot,
  type BackupSummary,
  type EventName,
  type MethodOutput,
} from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { fileSize } from '../evidence/useEvidence.js';
import { BackupSummaryView } from './BackupSummaryView.js';
import { OperationProgress, useOperationProgress, type ProgressEvent } from './OperationProgress.js';
import { RestoreDialog, type RestoreTarget } from './RestoreDialog.js';
import { useCan } from '../accounts/operator.js';

/** Any backup, automatic ones included, and a new folder change what the folder holds. */
const refreshOn: readonly EventName[] = ['backup.created', 'backup.failed', 'settings.changed'];

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;

function useCounts(): (summary: BackupSummary) => string {
  const { t } = useTranslation('backup');
  return ({ counts }) => t('counts', { hearings: counts.hearings, finalized: counts.finalized, entries: counts.minuteEntries, evidence: counts.evidenceFiles });
}

interface TableProps {
  snapshots: BackupSnapshot[];
  hasFolder: boolean;
  loading: boolean;
  onPreview: (target: RestoreTarget) => void;
  onRestore: (target: RestoreTarget) => void;
}

function SnapshotTable({ snapshots, hasFolder, loading, onPreview, onRestore }: TableProps) {
  const { t } = useTranslation('backup');
  const language = useLanguage();
  const counts = useCounts();
  // Replacing the whole office's data is an administrator's act; everyone may look at what a backup holds.
  const canRestore = useCan('backup.restore');
  return (
    <Table<BackupSnapshot>
      rowKey="fileName"
      size="middle"
      pagination={false}
      loading={loading}
      dataSource={snapshots}
      locale={{ emptyText: hasFolder ? t('snapshots.none') : t('snapshots.noFolder') }}
      columns={[
        {
          key: 'createdAt',
          title: t('snapshots.createdAt'),
          width: 260,
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
          key: 'size',
          title: t('snapshots.size'),
          width: 110,
          render: (_, { summary }) => {
            if (!summary) return '—';
            const size = fileSize(summary.bytes.total);
            return t(size.unit === 'kb' ? 'sizeKb' : 'sizeMb', { value: size.value });
          },
        },
        {
          key: 'contents',
          title: t('snapshots.contents'),
          render: (_, { summary, problem }) =>
            summary ? (
              counts(summary)
            ) : (
              // The preview's own error texts need details (the damage found) the list does not carry.
              <Typography.Text type="danger">{problem === 'backup/newerVersion' ? t('snapshots.newer') : t('snapshots.unreadable')}</Typography.Text>
            ),
        },
        {
          key: 'key',
          title: t('snapshots.keyFingerprint'),
          // Wide enough for the 16 groups of the fingerprint to read as two lines of eight.
          width: 340,
          render: (_, { summary }) =>
            summary &&
            (summary.keyFingerprint ? (
              <Typography.Text style={mono}>{summary.keyFingerprint}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('snapshots.noKey')}</Typography.Text>
            )),
        },
        {
          key: 'actions',
          title: t('snapshots.actions'),
          width: 190,
          render: (_, { fileName, summary }) =>
            summary && (
              <Flex gap={8}>
                <Button size="small" icon={<EyeOutlined />} onClick={() => onPreview({ fileName, summary })}>
                  {t('snapshots.preview')}
                </Button>
                {canRestore && (
                  <Button size="small" danger icon={<HistoryOutlined />} onClick={() => onRestore({ fileName, summary })}>
                    {t('snapshots.restore')}
                  </Button>
                )}
              </Flex>
            ),
        },
      ]}
    />
  );
}

type Made = MethodOutput<'backup.create'>;

/** 立即备份 and the snapshots in the folder, newest first as the core lists them. */
export function SnapshotsCard({ hasFolder }: { hasFolder: boolean }) {
  const { t } = useTranslation('backup');
  const counts = useCounts();
  const list = useQuery('backup.list', {}, refreshOn);
  const [creating, setCreating] = useState<string>();
  const [outcome, setOutcome] = useState<{ made: Made } | { error: AppErrorData }>();
  const [preview, setPreview] = useState<RestoreTarget>();
  const [restoring, setRestoring] = useState<RestoreTarget>();
  const matches = useCallback((payload: ProgressEvent) => payload.operationId === creating, [creating]);
  const progress = useOperationProgress(creating ? matches : undefined);

  async function create() {
    // Chosen here, so the progress events and the cancel name this backup.
    const operationId = crypto.randomUUID();
    setCreating(operationId);
    setOutcome(undefined);
    const result = await api.call('backup.create', { operationId });
    setCreating(undefined);
    setOutcome(result.ok ? { made: result.value } : { error: result.error });
  }

  return (
    <Card
      title={t('snapshots.title')}

      extra={
        <Button type="primary" icon={<CloudUploadOutlined />} loading={creating !== undefined} disabled={!hasFolder} onClick={() => void create()}>
          {creating ? t('create.running') : t('create.button')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('snapshots.retention')}</Typography.Text>
        {creating && <OperationProgress progress={progress} onCancel={() => void api.call('backup.cancel', { operationId: creating })} />}
        {outcome && 'made' in outcome && (
          <Alert
            type="success"
            showIcon
            data-testid="backup-made"
            title={t('create.done', { file: outcome.made.fileName })}
            description={counts(outcome.made.summary)}
          />
        )}
        {outcome &&
          'error' in outcome &&
          (outcome.error.code === 'backup/cancelled' ? (
            <Alert type="info" showIcon data-testid="backup-cancelled" title={t('create.cancelled')} />
          ) : (
            <ErrorAlert error={outcome.error} />
          ))}
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={list.reload} />
        ) : (
          <SnapshotTable snapshots={list.data?.snapshots ?? []} hasFolder={hasFolder} loading={list.loading} onPreview={setPreview} onRestore={setRestoring} />
        )}
        <Modal open={preview !== undefined} title={t('preview.title')} width={720} footer={null} onCancel={() => setPreview(undefined)}>
          {preview && <BackupSummaryView fileName={preview.fileName} summary={preview.summary} />}
        </Modal>
        <RestoreDialog target={restoring} recovery={false} onClose={() => setRestoring(undefined)} />
      </Flex>
    </Card>
  );
}
