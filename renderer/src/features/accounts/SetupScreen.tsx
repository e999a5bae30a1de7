import { Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedIn } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { NewAccountFields } from './AccountForm.js';
import { AuthScreen } from './AuthScreen.js';
import { showRefusal } from './refusal.js';

interface SetupForm {
  username: string;
  displayName: string;
  password: string;
}

/** First run: no operator exists, so the first one becomes the administrator. */
export function SetupScreen({ onSignedIn }: { onSignedIn: (signedIn: SignedIn) => void }) {
  const { t } = useTranslation('accounts');
  const text = useErrorText();
  const [form] = Form.useForm<SetupForm>();
  const [busy, setBusy] = useState(false);

  async function create({ username, displayName, password }: SetupForm) {
    setBusy(true);
    const result = await api.call('auth.setup', { username, displayName, password });
    setBusy(false);
    if (result.ok) onSignedIn(result.value);
    else showRefusal(form, result.error, text, 'username');
  }

  return (
    <AuthScreen title={t('setup.title')} intro={t('setup.intro')}>
      <Form<SetupForm> form={form} name="setup" layout="vertical" requiredMark={false} onFinish={(values) => void create(values)}>
        <NewAccountFields autoFocus />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthScreen>
  );
}
