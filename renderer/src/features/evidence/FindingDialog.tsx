import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findings, type Exhibit } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';

type Finding = (typeof findings)[number];

interface Values {
  finding?: Finding;
  reasons: string;
}

/** 认定: the panel's finding on an exhibit (采信 / 不采信 / 部分采信) with its reasons. Ctrl+Enter saves. */
export function FindingDialog({ exhibit, onClose }: { exhibit: Exhibit; onClose: () => void }) {
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const language = useLanguage();
  const { describe, describeIssue } = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function save(values: Values) {
    if (!values.finding) {
      form.setFields([{ name: 'finding', errors: [t('finding.choose')] }]);
      return;
    }
    setSaving(true);
    const result = await api.call('evidence.find', { exhibitId: exhibit.id, finding: values.finding, reasons: values.reasons ?? '' });
    setSaving(false);
    if (result.ok) {
      void message.success(t('finding.saved', { label: exhibit.label[language], finding: t(`findings.${values.finding}`) }));
      onClose();
      return;
    }
    const placed = validationIssues(result.error).filter((issue) => issue.path === 'finding' || issue.path === 'reasons');
    form.setFields(placed.map((issue) => ({ name: issue.path as keyof Values, errors: [describeIssue(issue)] })));
    if (placed.length === 0) void message.error(describe(result.error));
  }

  function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  }

  return (
    <Modal
      open
      title={t('finding.title', { label: exhibit.label[language] })}
      okText={t('finding.submit')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('finding.intro', { name: exhibit.name })}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="finding"
        layout="vertical"
        requiredMark
        initialValues={{ finding: exhibit.finding?.finding, reasons: exhibit.finding?.reasons ?? '' }}
        onFinish={(values) => void save(values)}
        onValuesChange={(changed: Partial<Values>) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))}
      >
        <Form.Item name="finding" label={t('finding.label')} required>
          <Radio.Group
            aria-label={t('finding.label')}
            optionType="button"
            buttonStyle="solid"
            options={findings.map((finding) => ({ value: finding, label: t(`findings.${finding}`) }))}
          />
        </Form.Item>
        <Form.Item name="reasons" label={t('finding.reasons')} required extra={t('finding.reasonsHelp')}>
          <Input.TextArea autoFocus maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} onKeyDown={submitOnCtrlEnter} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
