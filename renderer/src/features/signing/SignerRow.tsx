import { ExclamationCircleFilled } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant, type SignerView, type SigningOutcome } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';

const outcomeColors: Record<SigningOutcome, string> = { pending: 'default', signed: 'green', refused: 'red', absent: 'gold' };

/** What the outcome leaves behind: the drawn signature, or the reason given for a refusal or an absence. */
function OutcomeDetail({ signer }: { signer: SignerView }) {
  const { t } = useTranslation('signing');
  const language = useLanguage();
  const time = signer.recordedAt && (
    <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatInstant(signer.recordedAt, language)}
    </Typography.Text>
  );
  if (signer.outcome === 'signed') {
    return (
      <Flex align="center" gap={12} wrap>
        {signer.imageBase64 && (
          <img
            data-testid="signature-thumbnail"
            src={`data:image/png;base64,${signer.imageBase64}`}
            alt={t('signer.signatureOf', { name: signer.name })}
            style={{ height: 48, maxWidth: 200, objectFit: 'contain', background: '#fff', border: '1px solid #e3e8ef', borderRadius: 6, padding: 2 }}
          />
        )}
        {time}
      </Flex>
    );
  }
  if (signer.outcome === 'pending') return null;
  return (
    <Flex align="center" gap={12} wrap style={{ minWidth: 0 }}>
      {signer.reason && (
        <Typography.Text data-testid="signer-reason" style={{ overflowWrap: 'anywhere' }}>
          {t('signer.reason', { reason: signer.reason })}
        </Typography.Text>
      )}
      {time}
    </Flex>
  );
}

/** One signer in the round: who, in what capacity, and where they stand. */
export function SignerRow({ signer, next, actions }: { signer: SignerView; next: boolean; actions: React.ReactNode }) {
  const { t } = useTranslation('signing');
  const language = useLanguage();
  return (
    <li
      data-testid="signer"
      data-outcome={signer.outcome}
      aria-current={next || undefined}
      style={{
        listStyle: 'none',
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        flexWrap: 'wrap',
        padding: '12px 16px',
        borderRadius: 8,
        border: `1px solid ${next ? '#91b4ea' : '#e6ebf2'}`,
        borderLeft: `4px solid ${next ? '#1f4e9c' : signer.stale ? '#faad14' : '#e6ebf2'}`,
        background: next ? '#f2f7ff' : '#fff',
      }}
    >
      <Flex vertical gap={2} style={{ width: 260, minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: 17 }}>
          {signer.name}
        </Typography.Text>
        <Typography.Text type="secondary">{signer.roleLabel[language]}</Typography.Text>
      </Flex>
      <Flex align="center" gap={12} wrap style={{ flex: 1, minWidth: 240 }}>
        <Tag color={outcomeColors[signer.outcome]} style={{ fontSize: 14, padding: '2px 10px', margin: 0 }} data-testid="signer-outcome">
          {t(`outcome.${signer.outcome}`)}
        </Tag>
        {signer.stale && (
          <Tag color="warning" icon={<ExclamationCircleFilled />} style={{ margin: 0 }} data-testid="signer-stale">
            {t('signer.stale')}
          </Tag>
        )}
        {signer.pendingCorrections > 0 && (
          <Tag color="orange" style={{ margin: 0 }}>
            {t('signer.corrections', { count: signer.pendingCorrections })}
          </Tag>
        )}
        <OutcomeDetail signer={signer} />
      </Flex>
      {actions}
    </li>
  );
}
