import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, BackupSummary } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { BackupSummaryView } from './BackupSummaryView.js';
import { OperationProgress, useOperationProgress, type ProgressEvent } from './OperationProgress.js';

export interface RestoreTarget {
  fileName: string;
  summary: BackupSummary;
}

type Stage = { name: 'confirm' } | { name: 'running'; operationId: string } | { name: 'failed'; error: AppErrorData };

/**
 * 恢复: what the backup holds and what restoring does, then the restore with
 * its progress. In the running app (`backup.restore`) a safety backup of the
 * current data is written first; in recovery mode (`recovery.restore`) the
 * damaged data cannot be read, so it is only kept beside. Either way every
 * window reloads once the core has the restored data (the `backup.restored`
 * event, see RecoveryGate); this window reloads on the answer as well.
 */
export function RestoreDialog({ target, recovery, onClose }: { target: RestoreTarget | undefined; recovery: boolean; onClose: () => void }) {
  const { t } = useTranslation('backup');
  const { t: tc } = useTranslation();
  const [stage, setStage] = useState<Stage>({ name: 'confirm' });
  const operationId = stage.name === 'running' ? stage.operationId : undefined;
  // In recovery mode only one restore can run, and the window cannot name it: any restore's progress is this one's.
  const matches = useCallback(
    (payload: ProgressEvent) => payload.operation === 'restore' && (recovery || payload.operationId === operationId),
    [recovery, operationId],
  );
  const progress = useOperationProgress(operationId ? matches : undefined);

  async function restore(fileName: string) {
    const id = crypto.randomUUID();
    setStage({ name: 'running', operationId: id });
    const result = recovery ? await api.call('recovery.restore', { fileName }) : await api.call('backup.restore', { fileName, operationId: id });
    if (result.ok) window.location.reload();
    else setStage({ name: 'failed', error: result.error });
  }

  function close() {
    setStage({ name: 'confirm' });
    onClose();
  }

  const running = stage.name === 'running';
  return (
    <Modal
      open={target !== undefined}
      title={t('restoreDialog.title')}
      width={720}
      closable={!running}
      maskClosable={false}
      keyboard={!running}
      onCancel={close}
      footer={
        stage.name === 'confirm' ? (
          <Flex justify="end" gap={8}>
            <Button onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="primary" danger onClick={() => target && void restore(target.fileName)}>
              {t('restoreDialog.confirm')}
            </Button>
          </Flex>
        ) : stage.name === 'failed' ? (
          <Button onClick={close}>{t('restoreDialog.close')}</Button>
        ) : null
      }
    >
      {target && (
        <Flex vertical gap={16}>
          <BackupSummaryView fileName={target.fileName} summary={target.summary} />
          {stage.name === 'confirm' && (
            <Alert
              type="warning"
              showIcon
              title={t('restoreDialog.what')}
              description={
                <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                  {(recovery ? ['damagedKept', 'reload'] : ['safety', 'kept', 'reload', 'wait']).map((step) => (
                    <li key={step}>{t(`restoreDialog.steps.${step}`)}</li>
                  ))}
                </ol>
              }
            />
          )}
          {running && (
            <OperationProgress progress={progress} onCancel={recovery ? undefined : () => void api.call('backup.cancel', { operationId: stage.operationId })} />
          )}
          {stage.name === 'failed' &&
            (stage.error.code === 'backup/cancelled' ? (
              <Alert type="info" showIcon title={t('restoreDialog.cancelled')} />
            ) : (
              <ErrorAlert error={stage.error} />
            ))}
          {running && <Typography.Text type="secondary">{t('restoreDialog.running')}</Typography.Text>}
        </Flex>
      )}
    </Modal>
  );
}
