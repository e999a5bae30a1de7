import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route.js';
import { ChangePasswordModal } from './ChangePasswordModal.js';
import { useCan, useOperator } from './operator.js';

/** Who is signed in, in the header: their name, and what they can do about their session. */
export function UserMenu() {
  const { t } = useTranslation('accounts');
  const session = useOperator();
  const manageUsers = useCan('users.list');
  const [changing, setChanging] = useState(false);
  if (!session) return null;
  const roles = session.user.roles.map((role) => t(`roles.${role}`)).join(t('roleSeparator'));
  const items: MenuProps['items'] = [
    { key: 'roles', label: roles, disabled: true },
    { type: 'divider' },
    ...(manageUsers ? [{ key: 'users', icon: <TeamOutlined />, label: <a href={hrefFor({ name: 'users' })}>{t('menu.users')}</a> }] : []),
    { key: 'password', icon: <KeyOutlined />, label: t('menu.changePassword'), onClick: () => setChanging(true) },
    { key: 'lock', icon: <LockOutlined />, label: t('lock.manual'), onClick: session.lock },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('menu.signOut'), onClick: session.signOut },
  ];
  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button type="text" style={{ color: '#fff' }} aria-label={`${session.user.displayName}（${roles}）`} data-testid="user-menu">
          <UserOutlined />
          {session.user.displayName}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
