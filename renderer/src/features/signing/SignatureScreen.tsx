import { CheckOutlined, ExportOutlined, FlagOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, SignerView, SigningView } from '../../../../electron/core/contract/index.js';
import { hrefFor } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { SignaturePadField, type SignaturePadHandle } from './SignaturePadField.js';
import { useSigningCall } from './useSigning.js';

/** The read-back opens beside the signing screen, so what the signer has written and drawn is not lost. */
function ReadBackLink({ hearingId, icon, label }: { hearingId: string; icon: React.ReactNode; label: string }) {
  return (
    <a href={hrefFor({ name: 'readBack', hearingId })} target="_blank" rel="noreferrer">
      <Button size="large" icon={icon}>
        {label}
        <ExportOutlined style={{ fontSize: 12, opacity: 0.6 }} />
      </Button>
    </a>
  );
}

function Step({ number, title, children }: { number: number; title: string; children: React.ReactNode }) {
  return (
    <Flex vertical gap={10}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        <span style={{ color: '#1f4e9c', marginInlineEnd: 8 }}>{number}</span>
        {title}
      </Typography.Title>
      {children}
    </Flex>
  );
}

/**
 * One signer at the laptop: read the record (the read-back, beside), ask for
 * 补正 there if something is wrong, write the closing sentence, draw the
 * signature. The signature vouches for the record as it read when this
 * screen opened: if it changes meanwhile, the signer reads it again.
 */
export function SignatureScreen({
  view,
  signer,
  onCancel,
  onSigned,
}: {
  view: SigningView;
  signer: SignerView;
  onCancel: () => void;
  onSigned: (after: SigningView) => void;
}) {
  const { t } = useTranslation('signing');
  const language = useLanguage();
  const call = useSigningCall();
  const pad = useRef<SignaturePadHandle>(null);
  const [readDigest, setReadDigest] = useState(view.recordDigest);
  const [closingSentence, setClosingSentence] = useState(view.closingSentence[language]);
  const [empty, setEmpty] = useState(true);
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);
  const changed = readDigest !== view.recordDigest;
  const blocked = changed || signer.pendingCorrections > 0;

  async function confirm() {
    const drawn = pad.current?.read();
    if (!drawn) return;
    setSaving(true);
    setError(undefined);
    const signed = await call(
      'signing.sign',
      {
        hearingId: view.hearingId,
        participantId: signer.participantId,
        closingSentence: closingSentence.trim(),
        image: drawn.imageBase64,
        strokes: drawn.strokes,
        recordDigest: readDigest,
      },
      setError,
    );
    setSaving(false);
    if (signed) onSigned(signed);
  }

  return (
    <Card data-testid="signature-screen" styles={{ body: { padding: '24px 32px' } }}>
      <Flex vertical gap={22} style={{ maxWidth: 980, margin: '0 auto' }}>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={6}>
            <Typography.Title level={2} style={{ margin: 0 }} data-testid="signature-title">
              {t('screen.title', { name: signer.name })}
            </Typography.Title>
            <Flex gap={8} align="center" wrap>
              <Tag color="blue" style={{ fontSize: 15, padding: '2px 10px', margin: 0 }}>
                {signer.roleLabel[language]}
              </Tag>
              {signer.stale && <Tag color="warning">{t('signer.stale')}</Tag>}
            </Flex>
          </Flex>
          <Button size="large" onClick={onCancel}>
            {t('screen.back')}
          </Button>
        </Flex>

        <Step number={1} title={t('screen.readTitle')}>
          <Typography.Text type="secondary" style={{ fontSize: 16 }}>
            {t('screen.readHelp')}
          </Typography.Text>
          <Flex gap={12} wrap>
            <ReadBackLink hearingId={view.hearingId} icon={<ReadOutlined />} label={t('screen.read')} />
            <ReadBackLink hearingId={view.hearingId} icon={<FlagOutlined />} label={t('screen.correction')} />
          </Flex>
          {signer.pendingCorrections > 0 && (
            <Alert type="warning" showIcon data-testid="signature-corrections" title={t('screen.correctionsPending', { count: signer.pendingCorrections })} />
          )}
          {changed && (
            <Alert
              type="warning"
              showIcon
              data-testid="signature-record-changed"
              title={t('screen.recordChanged')}
              action={<Button onClick={() => setReadDigest(view.recordDigest)}>{t('screen.readAgain')}</Button>}
            />
          )}
        </Step>

        <Step number={2} title={t('screen.sentenceTitle')}>
          <Input.TextArea
            aria-label={t('screen.sentenceTitle')}
            value={closingSentence}
            onChange={(event) => setClosingSentence(event.target.value)}
            maxLength={200}
            autoSize={{ minRows: 2, maxRows: 4 }}
            style={{ fontSize: 20, lineHeight: 1.7 }}
          />
        </Step>

        <Step number={3} title={t('screen.padTitle')}>
          <SignaturePadField ref={pad} onChange={setEmpty} />
        </Step>

        {error && <ErrorAlert error={error} />}
        <Flex justify="flex-end" gap={12}>
          <Button size="large" onClick={onCancel} style={{ minWidth: 120 }}>
            {t('actions.cancel')}
          </Button>
          <Button
            type="primary"
            size="large"
            icon={<CheckOutlined />}
            loading={saving}
            disabled={empty || blocked || closingSentence.trim() === ''}
            onClick={() => void confirm()}
            style={{ minWidth: 200, height: 52, fontSize: 20 }}
          >
            {t('screen.confirm')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
