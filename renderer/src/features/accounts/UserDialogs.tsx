import { Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operatorRoles, type Operator, type OperatorRole } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { NewAccountFields, PasswordPair } from './AccountForm.js';
import { showRefusal } from './refusal.js';

function RolesField() {
  const { t } = useTranslation('accounts');
  return (
    <Form.Item name="roles" label={t('fields.roles')} rules={[{ required: true, message: t('fields.roles') }]}>
      <Checkbox.Group options={operatorRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
    </Form.Item>
  );
}

interface AddForm {
  username: string;
  displayName: string;
  password: string;
  roles: OperatorRole[];
}

export function AddUserModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (user: Operator) => void }) {
  const { t } = useTranslation('accounts');
  const text = useErrorText();
  const [form] = Form.useForm<AddForm>();
  const [busy, setBusy] = useState(false);
  async function add({ username, displayName, password, roles }: AddForm) {
    setBusy(true);
    const result = await api.call('users.create', { username, displayName, password, roles });
    setBusy(false);
    if (!result.ok) return showRefusal(form, result.error, text, 'username');
    form.resetFields();
    onDone(result.value);
  }
  return (
    <Modal open={open} title={t('users.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form<AddForm>
        form={form}
        name="addUser"
        layout="vertical"
        requiredMark={false}
        initialValues={{ roles: ['clerk'] }}
        onFinish={(values) => void add(values)}
      >
        <NewAccountFields autoFocus />
        <RolesField />
      </Form>
    </Modal>
  );
}

interface EditForm {
  displayName: string;
  roles: OperatorRole[];
  active: boolean;
}

export function EditUserModal({ user, onClose, onDone }: { user: Operator | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('accounts');
  const text = useErrorText();
  const [form] = Form.useForm<EditForm>();
  const [busy, setBusy] = useState(false);
  async function save(values: EditForm) {
    if (!user) return;
    setBusy(true);
    const result = await api.call('users.update', { userId: user.id, ...values });
    setBusy(false);
    if (!result.ok) return showRefusal(form, result.error, text, 'roles');
    onDone();
  }
  return (
    <Modal
      open={user !== null}
      title={`${t('users.edit')} · ${user?.username ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      {user && (
        <Form<EditForm> form={form} name="editUser" layout="vertical" requiredMark={false} initialValues={user} onFinish={(values) => void save(values)}>
          <Form.Item name="displayName" label={t('fields.displayName')} rules={[{ required: true, message: t('fields.displayName') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <RolesField />
          <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose, onDone }: { user: Operator | null; onClose: () => void; onDone: (user: Operator) => void }) {
  const { t } = useTranslation('accounts');
  const text = useErrorText();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  async function reset({ password }: { password: string }) {
    if (!user) return;
    setBusy(true);
    const result = await api.call('users.resetPassword', { userId: user.id, password });
    setBusy(false);
    if (!result.ok) return showRefusal(form, result.error, text, 'password');
    onDone(user);
  }
  return (
    <Modal
      open={user !== null}
      title={`${t('users.resetPassword')} · ${user?.displayName ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} name="resetPassword" layout="vertical" requiredMark={false} onFinish={(values) => void reset(values)}>
        <PasswordPair />
      </Form>
    </Modal>
  );
}
