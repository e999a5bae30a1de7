import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignerView } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';

/**
 * Between two signers: the pad is cleared and only the request to pass the
 * laptop on is shown, with the next signer's name and a button straight to
 * their screen.
 */
export function PassOn({ signedName, next, onNext, onList }: { signedName: string; next: SignerView | undefined; onNext: () => void; onList: () => void }) {
  const { t } = useTranslation('signing');
  const language = useLanguage();
  return (
    <Card data-testid="pass-on" styles={{ body: { padding: '48px 32px' } }}>
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title={<span style={{ fontSize: 28 }}>{t('passOn.signed', { name: signedName })}</span>}
        subTitle={<span style={{ fontSize: 18 }}>{next ? t('passOn.next', { name: next.name, role: next.roleLabel[language] }) : t('passOn.allDone')}</span>}
        extra={
          <Flex gap={12} justify="center" wrap>
            <Button size="large" onClick={onList} style={{ height: 52, fontSize: 18 }}>
              {t('passOn.list')}
            </Button>
            {next && (
              <Button type="primary" size="large" autoFocus onClick={onNext} style={{ height: 52, fontSize: 20, minWidth: 220 }}>
                {t('next.button', { name: next.name })}
              </Button>
            )}
          </Flex>
        }
      />
    </Card>
  );
}
