import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant, type Finalization } from '../../../../electron/core/contract/index.js';
import { hrefFor } from '../../app/route.js';
import { useLanguage } from '../../components/useLanguage.js';
import { fileSize } from '../evidence/useEvidence.js';
import { AddendaCard } from './AddendaCard.js';

/** Relative, so the same link serves the browser host and the desktop shell's app:// scheme. */
export const packageUrl = (hearingId: string) => `packages/${hearingId}`;

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, wordBreak: 'break-all' } as const;

/** The sealed record: when, under which key, its identity, and the file itself; the addenda follow it. */
export function PackageCard({ finalization }: { finalization: Finalization }) {
  const { t } = useTranslation('record');
  const language = useLanguage();
  const size = fileSize(finalization.packageBytes);
  return (
    <Flex vertical gap={16}>
      <Card
        data-testid="record-package"
        title={
          <Flex gap={8} align="center">
            <SafetyCertificateOutlined style={{ color: '#389e0d' }} />
            {t('package.title')}
            <Tag color="green">{t('package.sealed')}</Tag>
          </Flex>
        }
        extra={<a href={hrefFor({ name: 'verify' })}>{t('package.verify')}</a>}
      >
        <Descriptions column={1} size="small" styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t('package.finalizedAt')}>{formatInstant(finalization.finalizedAt, language)}</Descriptions.Item>
          <Descriptions.Item label={t('package.manifest')}>
            <Typography.Text copyable style={mono} data-testid="package-manifest">
              {finalization.manifestSha256}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('package.fingerprint')}>
            <Typography.Text copyable style={mono} data-testid="package-fingerprint">
              {finalization.keyFingerprint}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('package.size')}>{t(size.unit === 'kb' ? 'package.sizeKb' : 'package.sizeMb', { value: size.value })}</Descriptions.Item>
        </Descriptions>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          href={packageUrl(finalization.hearingId)}
          download={finalization.packageName}
          style={{ marginTop: 12 }}
        >
          {t('package.download')}
        </Button>
      </Card>
      <AddendaCard hearingId={finalization.hearingId} addenda={finalization.addenda} />
    </Flex>
  );
}
