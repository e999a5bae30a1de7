import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedIn } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { AuthScreen } from './AuthScreen.js';
import { showRefusal } from './refusal.js';

interface SignInForm {
  username: string;
  password: string;
}

export function SignInScreen({ onSignedIn }: { onSignedIn: (signedIn: SignedIn) => void }) {
  const { t } = useTranslation('accounts');
  const { t: te } = useTranslation('errors');
  const text = useErrorText();
  const [form] = Form.useForm<SignInForm>();
  const [busy, setBusy] = useState(false);

  async function signIn({ username, password }: SignInForm) {
    setBusy(true);
    const result = await api.call('auth.signIn', { username, password });
    setBusy(false);
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    form.setFieldValue('password', '');
    showRefusal(form, result.error, text, 'password');
  }

  return (
    <AuthScreen title={t('signIn.title')} intro={t('signIn.intro')}>
      <Form<SignInForm> form={form} name="signIn" layout="vertical" requiredMark={false} onFinish={(values) => void signIn(values)}>
        <Form.Item name="username" label={t('fields.username')} rules={[{ required: true, message: te('validation.required') }]}>
          <Input autoFocus autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={[{ required: true, message: te('validation.required') }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Form>
      <Typography.Text type="secondary">{t('signIn.forgot')}</Typography.Text>
    </AuthScreen>
  );
}
