import { Flex, Progress, Spin, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../../api/upload.js';
import { fileSize } from './useEvidence.js';

/** Bytes as the evidence screens show them: 0.1 KB … 999.9 KB, then MB. */
export function useSize(): (bytes: number) => string {
  const { t } = useTranslation('evidence');
  return (bytes) => {
    // fileSize shows a tiny file as 0.1 KB; an upload that has sent nothing yet reads as 0.
    if (bytes === 0) return t('files.size.kb', { value: '0' });
    const { unit, value } = fileSize(bytes);
    return t(`files.size.${unit}`, { value });
  };
}

/**
 * A file on its way to the host: what is happening in words, with the
 * spinner; once the shell reports progress, a bar and 已上传 120.0 MB /
 * 500.0 MB（24%）. A shell that reports none keeps the words and spinner
 * alone rather than show a percentage it does not know.
 */
export function UploadStatus({
  label,
  progress,
  action,
  testId,
  style,
}: {
  label: ReactNode;
  progress: UploadProgress | undefined;
  /** 取消 or 停止, while the upload can still be stopped. */
  action?: ReactNode;
  testId?: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation('evidence');
  const size = useSize();
  const known = progress !== undefined && progress.total > 0;
  const percent = known ? Math.floor((progress.sent * 100) / progress.total) : 0;
  return (
    <Flex vertical gap={6} role="status" data-testid={testId} style={style}>
      <Flex align="center" gap={12}>
        <Spin size="small" />
        <Typography.Text style={{ flex: 1, minWidth: 0 }}>{label}</Typography.Text>
        {action}
      </Flex>
      {known && (
        <Flex align="center" gap={12}>
          <Progress percent={percent} showInfo={false} status="active" aria-label={t('files.progressLabel')} style={{ flex: 1, margin: 0 }} />
          <Typography.Text type="secondary" data-testid="upload-progress" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
            {t('files.progress', { sent: size(progress.sent), total: size(progress.total), percent })}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
