import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { showRefusal } from './refusal.js';

/**
 * Covers the window without unmounting it: what the clerk was typing stays
 * in its box, and nothing of the hearing shows through while they are away.
 */
export function LockScreen({ user, lockMinutes, onUnlocked, onSwitch }: { user: Operator; lockMinutes: number; onUnlocked: () => void; onSwitch: () => void }) {
  const { t } = useTranslation('accounts');
  const text = useErrorText();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);

  async function unlock({ password }: { password: string }) {
    setBusy(true);
    const result = await api.call('auth.unlock', { password });
    setBusy(false);
    if (result.ok) {
      onUnlocked();
      return;
    }
    form.setFieldValue('password', '');
    showRefusal(form, result.error, text, 'password');
  }

  return (
    <Flex
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      align="center"
      justify="center"
      style={{ position: 'fixed', inset: 0, zIndex: 2000, background: '#1f4e9c' }}
    >
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Flex vertical gap={8}>
          <Flex align="center" gap={8}>
            <LockOutlined style={{ fontSize: 20, color: '#1f4e9c' }} />
            <Typography.Title id="lock-title" level={4} style={{ margin: 0 }}>
              {t('lock.title')}
            </Typography.Title>
          </Flex>
          <Typography.Paragraph type="secondary">{t('lock.body', { name: user.displayName, minutes: lockMinutes })}</Typography.Paragraph>
          <Form form={form} name="unlock" layout="vertical" requiredMark={false} onFinish={(values) => void unlock(values)}>
            <Form.Item name="password" label={t('fields.password')} rules={[{ required: true, message: t('fields.password') }]}>
              <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
            </Form.Item>
            <Flex gap={8} justify="space-between">
              <Button onClick={onSwitch}>{t('lock.switch')}</Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('lock.unlock')}
              </Button>
            </Flex>
          </Form>
        </Flex>
      </Card>
    </Flex>
  );
}
