import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lockMinutesRange, type Operator } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { CardTitle } from '../../components/CardTitle.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../components/useErrorText.js';
import { AddUserModal, EditUserModal, ResetPasswordModal } from './UserDialogs.js';

/** The administrator's page: who may operate this laptop, in which roles, and when a window locks. */
export function UsersPage() {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const users = useQuery('users.list', {}, ['users.changed']);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Operator | null>(null);
  const [resetting, setResetting] = useState<Operator | null>(null);

  return (
    <Flex vertical gap={16}>
      <Card
        title={<CardTitle icon={<TeamOutlined />}>{t('users.title')}</CardTitle>}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('users.add')}
          </Button>
        }
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('users.intro')}</Typography.Text>
          {users.error ? (
            <ErrorAlert error={users.error} onRetry={users.reload} />
          ) : (
            <Table<Operator>
              rowKey="id"
              loading={users.loading}
              dataSource={users.data ?? []}
              pagination={false}
              columns={[
                { title: t('users.columns.displayName'), dataIndex: 'displayName' },
                { title: t('users.columns.username'), dataIndex: 'username' },
                {
                  title: t('users.columns.roles'),
                  render: (_value, user) => user.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>),
                },
                { title: t('users.columns.status'), render: (_value, user) => (user.active ? null : <Tag color="default">{t('users.inactive')}</Tag>) },
                {
                  title: t('users.columns.actions'),
                  render: (_value, user) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(user)}>
                        {t('users.edit')}
                      </Button>
                      <Button size="small" onClick={() => setResetting(user)}>
                        {t('users.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Flex>
      </Card>
      <LockMinutesCard />
      <AddUserModal
        open={adding}
        onClose={() => setAdding(false)}
        onDone={(user) => {
          setAdding(false);
          void message.success(t('users.created', { name: user.displayName }));
        }}
      />
      <EditUserModal
        user={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          void message.success(t('users.saved'));
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setResetting(null);
          void message.success(t('users.resetDone', { name: user.displayName }));
        }}
      />
    </Flex>
  );
}

function LockMinutesCard() {
  const { t } = useTranslation('accounts');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const status = useQuery('auth.status', {}, ['auth.lockMinutesChanged']);
  const [minutes, setMinutes] = useState<number | null>(null);
  const shown = minutes ?? status.data?.lockMinutes ?? lockMinutesRange.default;

  async function save() {
    const result = await api.call('auth.setLockMinutes', { minutes: shown });
    if (result.ok) void message.success(t('users.lockMinutes.saved', { minutes: result.value.lockMinutes }));
    else void message.error(describe(result.error));
  }

  return (
    <Card title={t('users.lockMinutes.title')}>
      <Flex vertical gap={8}>
        <label htmlFor="lock-minutes">{t('users.lockMinutes.label')}</label>
        <Flex gap={8}>
          <InputNumber id="lock-minutes" min={lockMinutesRange.min} max={lockMinutesRange.max} value={shown} onChange={(value) => setMinutes(value)} />
          <Button onClick={() => void save()}>{tc('actions.save')}</Button>
        </Flex>
        <Typography.Text type="secondary">{t('users.lockMinutes.hint')}</Typography.Text>
      </Flex>
    </Card>
  );
}
