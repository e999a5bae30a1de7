import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, MinuteSpeaker, RoleKind } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';

/** Who may ask for a 补正: the parties and those speaking for them, the agency, a third party — not the bench. */
export const requesterRoles: readonly RoleKind[] = ['party', 'representative', 'agent', 'agency', 'thirdParty'];

/** A passage marked in one entry: `start` is its UTF-16 offset in the entry's text. */
export interface MarkedPassage {
  entryId: number;
  start: number;
  passage: string;
  /** The entry's speaker tag, to say whose words are disputed. */
  speakerLabel: string;
}

interface Values {
  requestedBy?: string;
  proposedText?: string;
  reason?: string;
}

const fields = ['requestedBy', 'proposedText', 'reason'] as const;

/** 标记异议: who asks, the wording they want and why; sent as `minutes.requestCorrection`. */
export function ReadBackRequest({
  marked,
  speakers,
  lastRequester,
  onClose,
  onDone,
}: {
  marked: MarkedPassage | undefined;
  speakers: readonly MinuteSpeaker[];
  lastRequester: string | undefined;
  onClose: () => void;
  onDone: (requestedBy: string) => void;
}) {
  const { t } = useTranslation('readback');
  const { message } = App.useApp();
  const { describeIssue } = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorData>();
  const parties = speakers.filter((speaker) => requesterRoles.includes(speaker.role));
  const initialRequester = parties.some((speaker) => speaker.participantId === lastRequester) ? lastRequester : undefined;

  async function submit(values: Values) {
    if (!marked || !values.requestedBy) return;
    setSaving(true);
    setError(undefined);
    const result = await api.call('minutes.requestCorrection', {
      entryId: marked.entryId,
      requestedBy: values.requestedBy,
      start: marked.start,
      passage: marked.passage,
      proposedText: values.proposedText?.trim() ?? '',
      reason: values.reason?.trim() ?? '',
    });
    setSaving(false);
    if (result.ok) {
      void message.success(t('mark.done'));
      onDone(values.requestedBy);
      return;
    }
    const issues = validationIssues(result.error).filter((issue) => (fields as readonly string[]).includes(issue.path));
    if (issues.length > 0) form.setFields(issues.map((issue) => ({ name: issue.path as keyof Values, errors: [describeIssue(issue)] })));
    else setError(result.error);
  }

  return (
    <Modal
      open={marked !== undefined}
      title={t('mark.title')}
      okText={t('mark.submit')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setError(undefined)}
      destroyOnHidden
      width={600}
    >
      {marked && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
            {marked.speakerLabel ? t('mark.of', { speaker: marked.speakerLabel }) : t('mark.ofRecord')}
          </Typography.Paragraph>
          <blockquote
            data-testid="marked-passage"
            style={{
              margin: '0 0 16px',
              padding: '8px 14px',
              borderLeft: '4px solid #fa8c16',
              background: '#fff7e6',
              fontSize: 17,
              lineHeight: 1.7,
              overflowWrap: 'anywhere',
            }}
          >
            {marked.passage}
          </blockquote>
          {error && (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={error} />
            </div>
          )}
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ requestedBy: initialRequester, proposedText: marked.passage, reason: '' }}
            onFinish={(values) => void submit(values)}
          >
            <Form.Item name="requestedBy" label={t('mark.requestedBy')} rules={[{ required: true, message: t('mark.requestedByRequired') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('mark.requestedByPlaceholder')}
                options={parties.map((speaker) => ({ value: speaker.participantId, label: speaker.label }))}
                notFoundContent={t('mark.noParties')}
              />
            </Form.Item>
            <Form.Item name="proposedText" label={t('mark.proposed')} extra={t('mark.proposedHint')}>
              <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
            <Form.Item name="reason" label={t('mark.reason')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder={t('mark.reasonPlaceholder')} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
