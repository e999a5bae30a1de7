import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { PasswordPair } from './AccountForm.js';
import { showRefusal } from './refusal.js';

interface ChangeForm {
  current: string;
  next: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const text = useErrorText();
  const [form] = Form.useForm<ChangeForm>();
  const [busy, setBusy] = useState(false);

  async function change({ current, next }: ChangeForm) {
    setBusy(true);
    const result = await api.call('auth.changePassword', { current, next });
    setBusy(false);
    if (!result.ok) return showRefusal(form, result.error, text, 'current');
    void message.success(t('changePassword.done'));
    form.resetFields();
    onClose();
  }

  return (
    <Modal open={open} title={t('changePassword.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form<ChangeForm> form={form} name="changePassword" layout="vertical" requiredMark={false} onFinish={(values) => void change(values)}>
        <Form.Item name="current" label={t('fields.current')} rules={[{ required: true, message: t('fields.current') }]}>
          <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <PasswordPair name="next" label={t('fields.next')} />
      </Form>
    </Modal>
  );
}
