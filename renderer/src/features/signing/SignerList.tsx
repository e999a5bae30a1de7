import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { signingGroups, type SigningView } from '../../../../electron/core/contract/index.js';
import type { EnteredOutcome } from './OutcomeDialog.js';
import { SignerActions } from './SignerActions.js';
import { SignerRow } from './SignerRow.js';

/** The signers in the order they sign (domain.md §5), under their group: parties, panel, presiding officer, clerk. */
export function SignerList({
  view,
  editable,
  onSign,
  onEnter,
}: {
  view: SigningView;
  editable: boolean;
  onSign: (participantId: string) => void;
  onEnter: (participantId: string, kind: EnteredOutcome) => void;
}) {
  const { t } = useTranslation('signing');
  return (
    <Card size="small" data-testid="signer-list">
      <Flex vertical gap={20} style={{ padding: '4px 4px 8px' }}>
        {signingGroups.map((group) => {
          const signers = view.signers.filter((signer) => signer.group === group);
          if (signers.length === 0) return null;
          return (
            <section key={group} aria-label={t(`group.${group}`)}>
              <Typography.Title level={5} style={{ margin: '0 0 8px', color: '#17376e' }}>
                {t(`group.${group}`)}
                <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
                  {t('group.count', { count: signers.length })}
                </Typography.Text>
              </Typography.Title>
              <Flex vertical gap={8} component="ul" style={{ margin: 0, padding: 0 }}>
                {signers.map((signer) => (
                  <SignerRow
                    key={signer.participantId}
                    signer={signer}
                    next={editable && signer.participantId === view.nextSignerId}
                    actions={
                      editable && (
                        <SignerActions
                          hearingId={view.hearingId}
                          signer={signer}
                          onSign={() => onSign(signer.participantId)}
                          onEnter={(kind) => onEnter(signer.participantId, kind)}
                        />
                      )
                    }
                  />
                ))}
              </Flex>
            </section>
          );
        })}
      </Flex>
    </Card>
  );
}
