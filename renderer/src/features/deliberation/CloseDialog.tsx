import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, DeliberationView } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { missingVotes, useDeliberationCall } from './useDeliberation.js';

/** 结束评议: says how many opinions are missing, and then asks why. */
export function CloseDialog({ view, onClose }: { view: DeliberationView; onClose: () => void }) {
  const { t } = useTranslation('deliberation');
  const { message } = App.useApp();
  const call = useDeliberationCall();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);
  const missing = missingVotes(view);

  async function close(values: { reason?: string }) {
    setSaving(true);
    setError(undefined);
    const closed = await call('deliberation.close', { hearingId: view.hearingId, reason: values.reason ?? '' }, setError);
    setSaving(false);
    if (closed) {
      void message.success(t('close.done'));
      onClose();
    }
  }

  return (
    <Modal
      open
      title={t('close.title')}
      okText={t('close.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: saving, danger: missing > 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph data-testid="close-missing" type={missing > 0 ? 'warning' : undefined} strong={missing > 0}>
        {missing > 0 ? t('close.missing', { missing }) : t('close.allIn')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void close(values)} autoComplete="off">
        <Form.Item
          name="reason"
          label={t('close.reason')}
          required={missing > 0}
          rules={missing > 0 ? [{ required: true, whitespace: true, message: t('form.reasonsRequired') }] : []}
        >
          <Input.TextArea aria-label={t('close.reason')} autoFocus maxLength={500} autoSize={{ minRows: 2 }} placeholder={t('close.reasonPlaceholder')} />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}
