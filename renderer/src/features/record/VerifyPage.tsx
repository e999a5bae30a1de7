import { InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Flex, Result, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, type AppErrorData, type PackageVerdict, type Result as CoreResult } from '../../../../electron/core/contract/index.js';
import { upload, type UploadProgress } from '../../api/upload.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { UploadStatus } from '../evidence/UploadStatus.js';
import { ReceiveHandover } from '../handover/ReceiveHandover.js';
import { useLanguage } from '../../components/useLanguage.js';

type Check =
  | { state: 'idle' }
  | { state: 'checking'; name: string; progress: UploadProgress | undefined }
  | { state: 'done'; name: string; file: File; verdict: PackageVerdict }
  | { state: 'failed'; name: string; error: AppErrorData };

/** Sends the package's raw bytes to be checked; nothing is kept. */
function verifyPackage(file: File, onProgress: (progress: UploadProgress) => void): Promise<CoreResult<PackageVerdict>> {
  return upload<PackageVerdict>('api/packages/verify', file, { onProgress });
}

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } as const;

function Verdict({ verdict, name }: { verdict: PackageVerdict; name: string }) {
  const { t } = useTranslation('record');
  const language = useLanguage();
  if (verdict.valid) {
    return (
      <Result
        status="success"
        data-testid="verdict-valid"
        title={
          <span style={{ fontSize: 20 }}>{t('verify.valid.title', { fingerprint: verdict.fingerprint, date: formatInstant(verdict.signedAt, language) })}</span>
        }
        subTitle={
          <Flex vertical gap={4} align="center">
            <span>{t('verify.valid.hearing', { title: verdict.hearingTitle })}</span>
            <span>{t('verify.valid.files', { count: verdict.files })}</span>
            <span style={{ ...mono, fontSize: 12, wordBreak: 'break-all' }}>{t('verify.valid.manifest', { sha256: verdict.manifestSha256 })}</span>
            <span>{t('verify.checked', { name })}</span>
          </Flex>
        }
      />
    );
  }
  // The seal's two own files read as what they are, not as file names.
  const subject =
    verdict.file === 'manifest.json' ? t('verify.invalid.manifest') : verdict.file === 'manifest.sig' ? t('verify.invalid.signature') : verdict.file;
  return (
    <Result
      status="error"
      data-testid="verdict-invalid"
      title={t('verify.invalid.title')}
      subTitle={
        <Flex vertical gap={4} align="center">
          {subject && <Typography.Text strong>{t('verify.invalid.subject', { file: subject })}</Typography.Text>}
          <span>{t(`verify.invalid.reasons.${verdict.reason}`)}</span>
          <span>{t('verify.checked', { name })}</span>
        </Flex>
      }
    />
  );
}

/** 核验案卷: anyone handed a case package can check it is exactly as sealed, and by which key. */
export function VerifyPage() {
  const { t } = useTranslation('record');
  const [check, setCheck] = useState<Check>({ state: 'idle' });

  async function verify(file: File) {
    setCheck({ state: 'checking', name: file.name, progress: undefined });
    const result = await verifyPackage(file, (progress) => setCheck((current) => (current.state === 'checking' ? { ...current, progress } : current)));
    setCheck(result.ok ? { state: 'done', name: file.name, file, verdict: result.value } : { state: 'failed', name: file.name, error: result.error });
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        <SafetyCertificateOutlined /> {t('verify.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('verify.intro')}
      </Typography.Paragraph>
      <Card data-testid="verify-drop">
        <Upload.Dragger
          accept=".zip,application/zip"
          multiple={false}
          showUploadList={false}
          disabled={check.state === 'checking'}
          beforeUpload={(file) => {
            void verify(file);
            // The bytes go to the check, never to antd's upload.
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('verify.drop')}</p>
          <p className="ant-upload-hint">{t('verify.dropHint')}</p>
        </Upload.Dragger>
        {check.state === 'checking' && (
          <UploadStatus
            testId="verify-progress"
            label={t('verify.checking', { name: check.name })}
            progress={check.progress}
            style={{ marginTop: 24, marginInline: 'auto', width: '100%', maxWidth: 560 }}
          />
        )}
        {check.state === 'failed' && (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert error={check.error} />
          </div>
        )}
        {check.state === 'done' && <Verdict verdict={check.verdict} name={check.name} />}
        {check.state === 'done' && check.verdict.valid && <ReceiveHandover file={check.file} title={check.verdict.hearingTitle} />}
      </Card>
    </Flex>
  );
}
