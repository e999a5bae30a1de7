import {
  AudioOutlined,
  DeleteOutlined,
  DesktopOutlined,
  ExportOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileTextOutlined,
  InboxOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Tag, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, type AppErrorData, type Exhibit, type ExhibitFile, type Result } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { upload, type UploadProgress } from '../../api/upload.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { UploadStatus, useSize } from './UploadStatus.js';
import { fileUrl, inlineImage } from './useEvidence.js';

/** A file on its way to the store; its 取消 aborts the request. */
interface Uploading {
  key: number;
  name: string;
  size: number;
  abort: AbortController;
  progress: UploadProgress | undefined;
}

/** What the host answers to an upload (electron/host/files.ts). */
interface StoredFile {
  sha256: string;
  size: number;
  originalName: string;
  mediaType: string;
}

type Kind = 'image' | 'audio' | 'video' | 'pdf' | 'text' | 'other';

function kindOf(mediaType: string): Kind {
  if (inlineImage.test(mediaType)) return 'image';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType === 'text/plain') return 'text';
  return 'other';
}

const icons: Record<Kind, ReactNode> = {
  image: <FileImageOutlined />,
  audio: <AudioOutlined />,
  video: <VideoCameraOutlined />,
  pdf: <FilePdfOutlined />,
  text: <FileTextOutlined />,
  other: <FileOutlined />,
};

/** Sends one file's bytes to the store; a cancelled upload leaves nothing there (the host drops a half-received file). */
function uploadToStore(file: File, signal: AbortSignal, onProgress: (progress: UploadProgress) => void): Promise<Result<StoredFile> | 'cancelled'> {
  return upload<StoredFile>(`api/files?name=${encodeURIComponent(file.name)}`, file, { signal, onProgress });
}

/**
 * Why a stored file would not load: the host answers file/missing or
 * file/corrupt as JSON. The body of a good file is not read: the request is
 * dropped as soon as the answer's status is known.
 */
async function whyUnavailable(sha256: string, signal?: AbortSignal): Promise<AppErrorData | 'unknown' | null> {
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort());
  try {
    const response = await fetch(fileUrl(sha256), { signal: controller.signal, cache: 'no-store' });
    if (response.ok) {
      controller.abort();
      return null;
    }
    const body = (await response.json()) as Result<never>;
    return body.ok ? 'unknown' : body.error;
  } catch {
    return signal?.aborted ? null : 'unknown';
  }
}

function Failure({ failure }: { failure: AppErrorData | 'unknown' }) {
  const { t } = useTranslation('evidence');
  const { describe } = useErrorText();
  return <Alert type="error" showIcon role="alert" title={failure === 'unknown' ? t('files.previewFailed') : describe(failure)} />;
}

/** An image or a player inline; PDF and text open in a new tab; anything else downloads. A file that will not load says why. */
function Preview({ file }: { file: ExhibitFile }) {
  const { t } = useTranslation('evidence');
  const kind = kindOf(file.mediaType);
  const [failure, setFailure] = useState<AppErrorData | 'unknown' | null>(null);
  const inline = kind === 'image' || kind === 'audio' || kind === 'video';
  const diagnose = () => void whyUnavailable(file.sha256).then((reason) => setFailure(reason ?? 'unknown'));

  // A link shows nothing by itself, so ask the host up front whether the file is there and intact.
  useEffect(() => {
    if (inline) return;
    const controller = new AbortController();
    void whyUnavailable(file.sha256, controller.signal).then((reason) => !controller.signal.aborted && setFailure(reason));
    return () => controller.abort();
  }, [file.sha256, inline]);

  if (failure) return <Failure failure={failure} />;
  const src = fileUrl(file.sha256);
  switch (kind) {
    case 'image':
      return (
        <a href={src} target="_blank" rel="noreferrer" style={{ alignSelf: 'flex-start' }}>
          <img
            src={src}
            alt={file.originalName}
            onError={diagnose}
            style={{
              display: 'block',
              maxWidth: '100%',
              maxHeight: 260,
              objectFit: 'contain',
              borderRadius: 6,
              border: '1px solid #e5e8ef',
              background: '#fafbfc',
            }}
          />
        </a>
      );
    case 'audio':
      return <audio controls preload="metadata" src={src} onError={diagnose} style={{ width: '100%' }} aria-label={file.originalName} />;
    case 'video':
      return (
        <video
          controls
          preload="metadata"
          src={src}
          onError={diagnose}
          style={{ width: '100%', maxHeight: 300, background: '#000', borderRadius: 6 }}
          aria-label={file.originalName}
        />
      );
    default:
      return (
        <Typography.Link href={src} target="_blank" rel="noreferrer" download={kind === 'other' ? file.originalName : undefined}>
          <ExportOutlined /> {t(kind === 'other' ? 'files.download' : 'files.open', { name: file.originalName })}
        </Typography.Link>
      );
  }
}

/**
 * The exhibit's files: drop them (or click for the file dialog), each is
 * stored under its hash and attached; each shows its name, its size and a
 * preview.
 */
export function ExhibitFiles({
  exhibit,
  presentingSha,
  onPresent,
}: {
  exhibit: Exhibit;
  /** The file of this exhibit on the public display, if any. */
  presentingSha: string | null | undefined;
  onPresent: (sha256: string) => void;
}) {
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const language = useLanguage();
  const { describe } = useErrorText();
  const size = useSize();
  const [uploading, setUploading] = useState<Uploading[]>([]);

  async function add(file: File, key: number) {
    const abort = new AbortController();
    setUploading((list) => [...list, { key, name: file.name, size: file.size, abort, progress: undefined }]);
    const stored = await uploadToStore(file, abort.signal, (progress) =>
      setUploading((list) => list.map((each) => (each.key === key ? { ...each, progress } : each))),
    );
    if (stored === 'cancelled') {
      setUploading((list) => list.filter((each) => each.key !== key));
      void message.info(t('files.cancelled', { name: file.name }));
      return;
    }
    const attached = stored.ok
      ? await api.call('evidence.attachFile', { exhibitId: exhibit.id, sha256: stored.value.sha256, originalName: file.name })
      : stored;
    setUploading((list) => list.filter((each) => each.key !== key));
    if (attached.ok) void message.success(t('files.attached', { name: file.name }));
    else void message.error(describe(attached.error));
  }

  async function detach(file: ExhibitFile) {
    const result = await api.call('evidence.detachFile', { exhibitId: exhibit.id, sha256: file.sha256 });
    if (!result.ok) void message.error(describe(result.error));
  }

  return (
    <Flex vertical gap={12}>
      <Upload.Dragger
        multiple
        showUploadList={false}
        aria-label={t('files.dropLabel', { label: exhibit.label[language] })}
        beforeUpload={(file) => {
          void add(file, Date.now() + Math.random());
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('files.drop')}</p>
        <p className="ant-upload-hint">{t('files.dropHint')}</p>
      </Upload.Dragger>
      {uploading.map((each) => (
        <UploadStatus
          key={each.key}
          testId="exhibit-upload"
          label={t('files.uploading', { name: each.name, size: size(each.size) })}
          progress={each.progress}
          action={
            // Once every byte is sent the store is finishing its copy, which cannot be stopped halfway.
            (each.progress === undefined || each.progress.sent < each.progress.total) && (
              <Button size="small" onClick={() => each.abort.abort()} aria-label={t('files.cancelNamed', { name: each.name })}>
                {t('files.cancelUpload')}
              </Button>
            )
          }
          style={{ padding: '10px 14px', borderRadius: 8, background: '#f0f5ff' }}
        />
      ))}
      {exhibit.files.length === 0 && uploading.length === 0 && <Typography.Text type="secondary">{t('files.none')}</Typography.Text>}
      {exhibit.files.map((file) => {
        const kind = kindOf(file.mediaType);
        const onDisplay = presentingSha === file.sha256;
        return (
          <Flex
            key={file.sha256}
            vertical
            gap={10}
            data-testid="exhibit-file"
            style={{ padding: 12, borderRadius: 8, border: `1px solid ${onDisplay ? '#1f4e9c' : '#e5e8ef'}`, background: '#fff' }}
          >
            <Flex align="center" gap={10}>
              <span style={{ fontSize: 20, color: '#1f4e9c' }}>{icons[kind]}</span>
              <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong ellipsis={{ tooltip: file.originalName }}>
                  {file.originalName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('files.meta', { size: size(file.size), type: t(`files.kinds.${kind}`), time: formatInstant(file.addedAt, language) })}
                </Typography.Text>
              </Flex>
              {onDisplay && <Tag color="blue">{t('present.onDisplay')}</Tag>}
              <Tooltip title={t('files.presentHint')}>
                <Button
                  size="small"
                  icon={<DesktopOutlined />}
                  onClick={() => onPresent(file.sha256)}
                  aria-label={t('files.presentNamed', { name: file.originalName })}
                >
                  {t('present.button')}
                </Button>
              </Tooltip>
              <Popconfirm title={t('files.detachConfirm', { name: file.originalName })} onConfirm={() => void detach(file)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('files.detachNamed', { name: file.originalName })} />
              </Popconfirm>
            </Flex>
            <Preview file={file} />
          </Flex>
        );
      })}
    </Flex>
  );
}
