import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { AdminOnlyNotice } from '../accounts/AdminOnlyNotice.js';
import { useCan } from '../accounts/operator.js';

interface FolderForm {
  folder: string;
}

/** The form's name fixes the input's id, which the label points at (the input shares its row with 保存). */
const formName = 'backupFolder';

/** The backup folder: the one set (or that none is), and a path to set instead. */
export function BackupFolderCard({ folder }: { folder: string }) {
  const { t } = useTranslation('backup');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const [form] = Form.useForm<FolderForm>();
  const [saving, setSaving] = useState(false);
  const allowed = useCan('settings.setBackupFolder');

  async function save({ folder: next }: FolderForm) {
    setSaving(true);
    const result = await api.call('settings.setBackupFolder', { folder: next ?? '' });
    setSaving(false);
    if (result.ok) {
      void message.success(result.value.backupFolder === '' ? t('folder.cleared') : t('folder.saved'));
      return;
    }
    // A path refused as such (relative, not there) belongs under the field, in words.
    const issue = validationIssues(result.error)[0];
    form.setFields([{ name: 'folder', errors: [issue ? describeIssue(issue) : describe(result.error)] }]);
  }

  return (
    <Card title={t('folder.title')}>
      <Flex vertical gap={16}>
        {!allowed && <AdminOnlyNotice />}
        {folder === '' ? (
          <Alert type="info" showIcon title={t('folder.empty')} />
        ) : (
          <Flex vertical gap={4}>
            <Flex gap={8} align="center">
              <FolderOpenOutlined />
              <Typography.Text strong copyable data-testid="backup-folder-current">
                {folder}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary">{t('folder.automatic')}</Typography.Text>
          </Flex>
        )}
        <Form<FolderForm> form={form} name={formName} layout="vertical" initialValues={{ folder }} onFinish={(values) => void save(values)}>
          <Form.Item label={t('folder.label')} htmlFor={`${formName}_folder`} extra={t('folder.hint')} style={{ margin: 0 }}>
            <Flex gap={8}>
              <Form.Item name="folder" noStyle>
                <Input placeholder={t('folder.placeholder')} maxLength={1000} allowClear />
              </Form.Item>
              <Button htmlType="submit" loading={saving} disabled={!allowed}>
                {tc('actions.save')}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
      </Flex>
    </Card>
  );
}
