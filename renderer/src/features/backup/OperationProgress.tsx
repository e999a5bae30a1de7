import { Button, Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useSize } from './BackupSummaryView.js';

export type ProgressEvent = EventPayload<'operation.progress'>;

/** The latest progress of the operation `matches` picks out (by the id the window chose, or the one restore that can run). */
export function useOperationProgress(matches: ((payload: ProgressEvent) => boolean) | undefined): ProgressEvent | undefined {
  const [progress, setProgress] = useState<ProgressEvent>();
  useEffect(() => {
    setProgress(undefined);
    if (!matches) return undefined;
    return api.on(['operation.progress'], (event) => {
      if (matches(event.payload)) setProgress(event.payload);
    });
  }, [matches]);
  return progress;
}

const finished = new Set(['swap', 'reopen', 'done']);

/** A progress bar with the phase in words, the bytes so far, and 取消 while the operation can still be stopped. */
export function OperationProgress({ progress, onCancel }: { progress: ProgressEvent | undefined; onCancel?: () => void }) {
  const { t } = useTranslation('backup');
  const size = useSize();
  const phase = progress?.phase ?? (onCancel ? 'database' : 'check');
  const percent = progress && progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : finished.has(phase) ? 100 : 0;
  return (
    <Flex vertical gap={4} data-testid="operation-progress">
      <Flex justify="space-between" align="center" gap={16}>
        <Typography.Text>
          {t(`progress.phases.${phase}`)}
          {progress && progress.total > 0 && (
            <Typography.Text type="secondary"> {t('progress.bytes', { done: size(progress.done), total: size(progress.total) })}</Typography.Text>
          )}
        </Typography.Text>
        {onCancel && (progress?.cancellable ?? true) ? (
          <Button size="small" onClick={onCancel}>
            {t('progress.cancel')}
          </Button>
        ) : (
          progress?.cancellable === false && <Typography.Text type="warning">{t('progress.notCancellable')}</Typography.Text>
        )}
      </Flex>
      <Progress percent={percent} status={phase === 'done' ? 'success' : 'active'} aria-label={t(`progress.phases.${phase}`)} />
    </Flex>
  );
}
