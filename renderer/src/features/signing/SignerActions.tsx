import { EditOutlined, RollbackOutlined, StopOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignerView } from '../../../../electron/core/contract/index.js';
import type { EnteredOutcome } from './OutcomeDialog.js';
import { useSigningCall } from './useSigning.js';

/**
 * What the clerk can do for one signer: let them sign, enter a refusal or an
 * absence, or clear an outcome entered by mistake. An absence from check-in
 * is corrected at check-in, not here.
 */
export function SignerActions({
  hearingId,
  signer,
  onSign,
  onEnter,
}: {
  hearingId: string;
  signer: SignerView;
  onSign: () => void;
  onEnter: (kind: EnteredOutcome) => void;
}) {
  const { t } = useTranslation('signing');
  const call = useSigningCall();
  const open = signer.outcome === 'pending' || signer.stale;
  return (
    <Flex gap={6} wrap justify="flex-end">
      {open && (
        <>
          <Button icon={<EditOutlined />} onClick={onSign}>
            {t('actions.sign')}
          </Button>
          <Button icon={<StopOutlined />} onClick={() => onEnter('refuse')}>
            {t('actions.refuse')}
          </Button>
          <Button icon={<UserDeleteOutlined />} onClick={() => onEnter('absent')}>
            {t('actions.absent')}
          </Button>
        </>
      )}
      {signer.recordedAt !== null && (
        <Popconfirm
          title={t('reset.title', { name: signer.name })}
          description={t('reset.body')}
          okText={t('reset.confirm')}
          cancelText={t('actions.cancel')}
          onConfirm={() => call('signing.reset', { hearingId, participantId: signer.participantId })}
        >
          <Button type="text" icon={<RollbackOutlined />}>
            {t('actions.reset')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
