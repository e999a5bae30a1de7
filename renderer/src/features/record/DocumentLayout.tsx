import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useCan } from '../accounts/operator.js';

interface LayoutForm {
  officeName: string;
  boldHeadings: boolean;
}

/** The office's document layout (its name above the titles, bold headings): office-wide, so every hearing's documents follow it. */
export function DocumentLayoutButton() {
  const { t } = useTranslation('record');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const { data: settings } = useQuery('settings.get', {}, ['settings.changed']);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<LayoutForm>();
  // The office's layout is an administrator's setting: others simply do not see the button.
  const allowed = useCan('settings.setDocumentLayout');

  async function save(values: LayoutForm) {
    setSaving(true);
    const result = await api.call('settings.setDocumentLayout', { officeName: values.officeName ?? '', boldHeadings: values.boldHeadings });
    setSaving(false);
    if (result.ok) {
      void message.success(t('layout.saved'));
      setOpen(false);
      return;
    }
    const issue = validationIssues(result.error)[0];
    if (issue) form.setFields([{ name: issue.path as keyof LayoutForm, errors: [describeIssue(issue)] }]);
    else void message.error(describe(result.error));
  }

  if (!allowed) return null;
  return (
    <>
      <Button size="small" icon={<SettingOutlined />} disabled={!settings} onClick={() => setOpen(true)} data-testid="document-layout">
        {t('layout.button')}
      </Button>
      {open && settings && (
        <Modal
          open
          title={t('layout.title')}
          onCancel={() => setOpen(false)}
          okText={tc('actions.save')}
          cancelText={tc('actions.cancel')}
          confirmLoading={saving}
          onOk={() => form.submit()}
        >
          <Form<LayoutForm>
            form={form}
            layout="vertical"
            initialValues={{ officeName: settings.officeName, boldHeadings: settings.boldHeadings }}
            onFinish={(values) => void save(values)}
          >
            <Form.Item name="officeName" label={t('layout.officeName')} extra={t('layout.officeNameHint')}>
              <Input maxLength={60} placeholder={t('layout.officeNamePlaceholder')} />
            </Form.Item>
            <Form.Item name="boldHeadings" label={t('layout.boldHeadings')} extra={t('layout.boldHeadingsHint')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
