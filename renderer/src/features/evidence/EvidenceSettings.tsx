import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, InputNumber, Modal, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceMaxMegabytesRange, exhibitNumberings, type ExhibitNumbering, type NumberingState } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useCan } from '../accounts/operator.js';

/**
 * 编号方式: flat or grouped, for this hearing. Once the hearing has started
 * the numbers are fixed, so the switch is disabled and says why.
 */
export function NumberingSwitch({ hearingId, numbering }: { hearingId: string; numbering: NumberingState }) {
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const { describe } = useErrorText();

  async function choose(style: ExhibitNumbering) {
    const result = await api.call('evidence.setNumbering', { hearingId, style });
    if (result.ok) void message.success(t('numbering.changed', { style: t(`numbering.${style}`) }));
    else void message.error(describe(result.error));
  }

  return (
    <Flex vertical align="flex-end" gap={2}>
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary">{t('numbering.label')}</Typography.Text>
        <Segmented<ExhibitNumbering>
          aria-label={t('numbering.label')}
          size="small"
          value={numbering.style}
          disabled={numbering.frozen}
          onChange={(style) => void choose(style)}
          options={exhibitNumberings.map((style) => ({ value: style, label: t(`numbering.${style}`), title: t(`numbering.${style}Example`) }))}
        />
      </Flex>
      {numbering.frozen && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="numbering-frozen">
          {t('numbering.frozen')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The office's size limit for evidence files: shown on a button that opens a small form to change it. */
export function EvidenceLimitButton({ megabytes }: { megabytes: number }) {
  const { t } = useTranslation('evidence');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ megabytes: number | null }>();
  const allowed = useCan('settings.setEvidenceLimit');

  async function save({ megabytes: value }: { megabytes: number | null }) {
    setSaving(true);
    const result = await api.call('settings.setEvidenceLimit', { megabytes: value ?? Number.NaN });
    setSaving(false);
    if (result.ok) {
      void message.success(t('limit.saved', { value: result.value.evidenceMaxMegabytes }));
      setOpen(false);
      return;
    }
    const issue = validationIssues(result.error)[0];
    if (issue) form.setFields([{ name: 'megabytes', errors: [describeIssue(issue)] }]);
    else void message.error(describe(result.error));
  }

  // Others see the limit, not the button that changes it.
  if (!allowed) return <Typography.Text type="secondary">{t('limit.button', { value: megabytes })}</Typography.Text>;
  return (
    <>
      <Button icon={<SettingOutlined />} aria-label={t('limit.buttonLabel', { value: megabytes })} onClick={() => setOpen(true)}>
        {t('limit.button', { value: megabytes })}
      </Button>
      {open && (
        <Modal
          open
          title={t('limit.title')}
          onCancel={() => setOpen(false)}
          okText={tc('actions.save')}
          okButtonProps={{ loading: saving }}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Form
            form={form}
            name="evidence-limit"
            layout="vertical"
            initialValues={{ megabytes }}
            onFinish={(values) => void save(values)}
            onValuesChange={() => form.setFields([{ name: 'megabytes', errors: [] }])}
          >
            <Form.Item name="megabytes" label={t('limit.label')} extra={t('limit.help')}>
              <InputNumber
                autoFocus
                min={evidenceMaxMegabytesRange.min}
                max={evidenceMaxMegabytesRange.max}
                precision={0}
                suffix={t('limit.unit')}
                style={{ width: 200 }}
                aria-label={t('limit.label')}
              />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
