import { EditOutlined, ExportOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SigningView } from '../../../../electron/core/contract/index.js';
import { hrefFor } from '../../app/route.js';
import { useLanguage } from '../../components/useLanguage.js';

/** Settled: an outcome that still holds for the record as it reads now. */
export function settledCount(view: SigningView): number {
  return view.signers.filter((signer) => signer.outcome !== 'pending' && !signer.stale).length;
}

/**
 * Where the round stands and whose turn it is: the next signer's name large
 * enough to read from across the table, one button to hand them the pad.
 */
export function RoundHeader({ view, editable, onSign }: { view: SigningView; editable: boolean; onSign: (participantId: string) => void }) {
  const { t } = useTranslation('signing');
  const language = useLanguage();
  const settled = settledCount(view);
  const total = view.signers.length;
  const next = editable ? view.signers.find((signer) => signer.participantId === view.nextSignerId) : undefined;
  const corrections = view.signers.reduce((sum, signer) => sum + signer.pendingCorrections, 0);
  return (
    <Card size="small">
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex align="center" gap={16} wrap style={{ flex: 1, minWidth: 280 }}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="signing-progress">
              {t('progress', { settled, total })}
            </Typography.Text>
            <Progress percent={Math.round((settled / Math.max(1, total)) * 100)} showInfo={false} strokeColor="#1f4e9c" style={{ maxWidth: 320, margin: 0 }} />
          </Flex>
          <a href={hrefFor({ name: 'readBack', hearingId: view.hearingId })} target="_blank" rel="noreferrer">
            <Button icon={<ReadOutlined />}>
              {t('readBack')}
              <ExportOutlined style={{ fontSize: 12, opacity: 0.6 }} />
            </Button>
          </a>
        </Flex>
        {corrections > 0 && <Alert type="warning" showIcon title={t('correctionsPending', { count: corrections })} />}
        {next && (
          <Flex
            align="center"
            justify="space-between"
            gap={16}
            wrap
            data-testid="next-signer"
            style={{ background: '#f2f7ff', borderRadius: 10, padding: '16px 20px' }}
          >
            <Flex vertical gap={2}>
              <Typography.Text type="secondary">{t('next.label')}</Typography.Text>
              <Typography.Text strong style={{ fontSize: 22 }}>
                {next.name}
                <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal', marginInlineStart: 10 }}>
                  {next.roleLabel[language]}
                </Typography.Text>
              </Typography.Text>
            </Flex>
            <Button
              type="primary"
              size="large"
              icon={<EditOutlined />}
              onClick={() => onSign(next.participantId)}
              style={{ height: 56, fontSize: 20, minWidth: 240 }}
            >
              {t('next.button', { name: next.name })}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
