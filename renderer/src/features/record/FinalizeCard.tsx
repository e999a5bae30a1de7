import { LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useCan, useOperator } from '../accounts/operator.js';

/**
 * 归档: only once the checklist is complete, and only after the clerk has
 * read that it cannot be undone. Building the package takes a while on a big
 * hearing, so the card says what is happening meanwhile.
 */
export function FinalizeCard({ hearingId, complete }: { hearingId: string; complete: boolean }) {
  const { t } = useTranslation('record');
  const { modal, message } = App.useApp();
  const { describe } = useErrorText();
  const { t: ta } = useTranslation('accounts');
  const [running, setRunning] = useState(false);
  const operator = useOperator();
  // Finalizing is the presiding officer's act: a clerk sees why the button does not work for them, and whom to ask.
  const allowed = useCan('record.finalize');

  async function finalize() {
    setRunning(true);
    const result = await api.call('record.finalize', { hearingId });
    setRunning(false);
    if (!result.ok) {
      void message.error(describe(result.error));
      return;
    }
    void message.success(t('finalize.done'));
  }

  function confirm() {
    void modal.confirm({
      title: t('finalize.confirmTitle'),
      content: t('finalize.confirmBody'),
      icon: <LockOutlined style={{ color: '#cf1322' }} />,
      okText: t('finalize.confirmOk'),
      okButtonProps: { danger: true },
      width: 480,
      onOk: () => void finalize(),
    });
  }

  return (
    <Card data-testid="record-finalize">
      <Flex justify="space-between" align="center" gap={16}>
        <Flex gap={12} align="center">
          {running && <Spin size="small" />}
          <Flex vertical gap={4}>
            <Typography.Text type={running ? undefined : 'secondary'}>
              {running ? t('finalize.running') : complete ? t('finalize.confirmTitle') : t('finalize.blocked')}
            </Typography.Text>
            {!allowed && operator && (
              <Typography.Text type="warning" data-testid="finalize-forbidden">
                {ta('forbidden.finalize', {
                  name: operator.user.displayName,
                  roles: operator.user.roles.map((role) => ta(`roles.${role}`)).join(ta('roleSeparator')),
                })}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
        <Button type="primary" size="large" icon={<LockOutlined />} disabled={!complete || !allowed} loading={running} onClick={confirm}>
          {t('finalize.button')}
        </Button>
      </Flex>
    </Card>
  );
}
