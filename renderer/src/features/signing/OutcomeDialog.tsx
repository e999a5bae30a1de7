import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, SignerView } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useRecorders, useSigningCall } from './useSigning.js';

export type EnteredOutcome = 'refuse' | 'absent';

interface Values {
  enteredBy?: string;
  reason?: string;
}

/**
 * 拒签 or 未到, entered on the signer's behalf by the presiding officer or
 * the clerk, who is named; a refusal needs the reason the signer gave.
 */
export function OutcomeDialog({ hearingId, signer, kind, onClose }: { hearingId: string; signer: SignerView; kind: EnteredOutcome; onClose: () => void }) {
  const { t } = useTranslation('signing');
  const call = useSigningCall();
  const recorders = useRecorders(hearingId);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);

  async function save(values: Values) {
    setSaving(true);
    setError(undefined);
    const input = { hearingId, participantId: signer.participantId, enteredBy: values.enteredBy ?? '', reason: values.reason?.trim() ?? '' };
    const saved = kind === 'refuse' ? await call('signing.refuse', input, setError) : await call('signing.markAbsent', input, setError);
    setSaving(false);
    if (saved) onClose();
  }

  return (
    <Modal
      open
      title={t(`${kind}.title`, { name: signer.name })}
      okText={t(`${kind}.submit`)}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: saving, danger: kind === 'refuse' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t(`${kind}.intro`)}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" autoComplete="off" onFinish={(values) => void save(values)}>
        <Form.Item
          name="reason"
          label={t(`${kind}.reason`)}
          rules={kind === 'refuse' ? [{ required: true, whitespace: true, message: t('refuse.reasonRequired') }] : []}
        >
          <Input.TextArea aria-label={t(`${kind}.reason`)} maxLength={500} autoSize={{ minRows: 3, maxRows: 6 }} autoFocus />
        </Form.Item>
        <Form.Item name="enteredBy" label={t('enteredBy.label')} rules={[{ required: true, message: t('enteredBy.required') }]}>
          <Select
            aria-label={t('enteredBy.label')}
            placeholder={t('enteredBy.placeholder')}
            options={recorders.map((person) => ({
              value: person.id,
              label: t(`enteredBy.${person.role === 'chair' ? 'chair' : 'clerk'}`, { name: person.name }),
            }))}
          />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}
