import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, Result } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { upload, type UploadProgress } from '../../api/upload.js';
import { navigate } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AdminOnlyNotice } from '../accounts/AdminOnlyNotice.js';
import { useCan } from '../accounts/operator.js';
import { UploadStatus } from '../evidence/UploadStatus.js';

/**
 * The package's bytes go into the store like an exhibit's (api/files, in both
 * shells), and handover.import takes them by their hash: one contract, and
 * the renderer never needs a path on disk.
 */
function uploadPackage(file: File, signal: AbortSignal, onProgress: (progress: UploadProgress) => void): Promise<Result<{ sha256: string }> | 'cancelled'> {
  return upload<{ sha256: string }>(`api/files?name=${encodeURIComponent(file.name)}`, file, { signal, onProgress });
}

/** Copying the package in can be stopped (nothing is stored from a cut-off upload); the import itself is one transaction and runs to its end. */
type Stage = { name: 'idle' } | { name: 'uploading'; abort: AbortController; progress: UploadProgress | undefined } | { name: 'importing' };

/** 接收移交案卷: offered under a package that has just verified; received on confirmation, then the hearing opens. */
export function ReceiveHandover({ file, title }: { file: File; title: string }) {
  const { t } = useTranslation('handover');
  const { modal, message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [error, setError] = useState<AppErrorData>();
  const receiving = stage.name !== 'idle';
  const allowed = useCan('handover.import');

  async function receive() {
    const abort = new AbortController();
    setStage({ name: 'uploading', abort, progress: undefined });
    setError(undefined);
    const stored = await uploadPackage(file, abort.signal, (progress) =>
      setStage((current) => (current.name === 'uploading' ? { ...current, progress } : current)),
    );
    if (stored === 'cancelled') {
      setStage({ name: 'idle' });
      void message.info(t('receive.cancelled'));
      return;
    }
    setStage({ name: 'importing' });
    const result = stored.ok ? await api.call('handover.import', { sha256: stored.value.sha256 }) : stored;
    setStage({ name: 'idle' });
    if (!result.ok) return setError(result.error);
    void message.success(t('receive.received', { matterNo: result.value.matterNo }));
    navigate({ name: 'hearing', hearingId: result.value.hearingId, tab: 'overview' });
  }

  function confirm() {
    modal.confirm({
      title: t('receive.confirmTitle'),
      content: t('receive.confirmBody', { title }),
      okText: t('receive.confirm'),
      cancelText: t('receive.cancel'),
      onOk: () => void receive(),
    });
  }

  return (
    <Flex vertical gap={12} align="center" data-testid="receive-handover">
      <Typography.Text type="secondary">{t('receive.hint')}</Typography.Text>
      {!allowed && <AdminOnlyNotice />}
      <Button type="primary" icon={<ImportOutlined />} onClick={confirm} disabled={receiving || !allowed}>
        {t('receive.action')}
      </Button>
      {receiving && (
        <UploadStatus
          testId="receive-progress"
          label={stage.name === 'uploading' ? t('receive.uploading', { name: file.name }) : t('receive.receiving', { name: file.name })}
          progress={stage.name === 'uploading' ? stage.progress : undefined}
          action={
            stage.name === 'uploading' && (
              <Button size="small" onClick={() => stage.abort.abort()}>
                {t('receive.stop')}
              </Button>
            )
          }
          style={{ width: '100%', maxWidth: 560 }}
        />
      )}
      {error && <ErrorAlert error={error} />}
    </Flex>
  );
}
