import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Username, name and password with confirmation: the first-run screen and "add user" ask the same. */
export function NewAccountFields({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation('accounts');
  const { t: te } = useTranslation('errors');
  return (
    <>
      <Form.Item name="username" label={t('fields.username')} extra={t('fields.usernameHint')} rules={[{ required: true, message: te('validation.required') }]}>
        <Input autoFocus={autoFocus} autoComplete="username" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label={t('fields.displayName')} rules={[{ required: true, message: te('validation.required') }]}>
        <Input maxLength={50} />
      </Form.Item>
      <PasswordPair />
    </>
  );
}

/** A new password, typed twice: a typo here would lock the person out. */
export function PasswordPair({ name = 'password', label }: { name?: string; label?: string }) {
  const { t } = useTranslation('accounts');
  return (
    <>
      <Form.Item
        name={name}
        label={label ?? t('fields.password')}
        extra={t('fields.passwordHint')}
        rules={[{ required: true, min: 8, message: t('fields.passwordHint') }]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name={`${name}Confirm`}
        label={t('fields.confirm')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('fields.mismatch') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) => (value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error(t('fields.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}
