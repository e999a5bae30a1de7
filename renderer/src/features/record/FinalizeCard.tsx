import { LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';

/**
 * 归档: only once the checklist is complete, and only after the clerk has
 * read that it cannot be undone. Building the package takes a while on a big
 * hearing, so the card says what is happening meanwhile.
 */
export function FinalizeCard({ hearingId, complete }: { hearingId: string; complete: boolean }) {
  const { t } = useTranslation('record');
  const { modal, message } = App.useApp();
  const { describe } = useErrorText();
  const [running, setRunning] = useState(false);

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
          <Typography.Text type={running ? undefined : 'secondary'}>
            {running ? t('finalize.running') : complete ? t('finalize.confirmTitle') : t('finalize.blocked')}
          </Typography.Text>
        </Flex>
        <Button type="primary" size="large" icon={<LockOutlined />} disabled={!complete} loading={running} onClick={confirm}>
          {t('finalize.button')}
        </Button>
      </Flex>
    </Card>
  );
}
