import { AuditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, DeliberationView } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { outcomeColor, useDeliberationCall, useOutcomeName } from './useDeliberation.js';

interface Values {
  representativeId?: string;
  statement?: string;
  outcome?: string;
  reason?: string;
}

/**
 * 检察 discussion: once every member has given an opinion, the 听证员代表
 * states the panel's view and the decision taken on it is recorded; a
 * decision departing from the majority needs its reasons.
 */
export function DiscussionConclusion({ view }: { view: DeliberationView }) {
  const { t } = useTranslation('deliberation');
  const { message } = App.useApp();
  const call = useDeliberationCall();
  const outcomeName = useOutcomeName(view);
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const majority = view.conclusion.kind === 'outcome' ? view.conclusion.outcome : null;
  const departs = outcome !== undefined && outcome !== majority;
  const editable = view.status !== 'announced';

  async function save(values: Values) {
    setSaving(true);
    setError(undefined);
    const saved = await call(
      'deliberation.conclude',
      {
        hearingId: view.hearingId,
        representativeId: values.representativeId ?? '',
        statement: values.statement ?? '',
        outcome: values.outcome ?? '',
        reason: values.reason ?? '',
      },
      setError,
    );
    setSaving(false);
    if (saved) {
      void message.success(t('discussion.saved'));
      setEditing(false);
    }
  }

  const title = (
    <span>
      <AuditOutlined /> {t('discussion.title')}
    </span>
  );
  if (!view.revealed) {
    return (
      <Card size="small" title={title}>
        <Typography.Text type="secondary">{t('discussion.waiting')}</Typography.Text>
      </Card>
    );
  }
  if (view.representative && view.finalDecision && !editing) {
    return (
      <Card
        size="small"
        title={title}
        data-testid="discussion-conclusion"
        extra={
          editable && (
            <Button size="small" onClick={() => setEditing(true)}>
              {t('discussion.edit')}
            </Button>
          )
        }
      >
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'representative', label: t('discussion.representative'), children: view.representative.name },
            { key: 'statement', label: t('discussion.statement'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{view.representative.statement}</span> },
            {
              key: 'decision',
              label: t('discussion.outcome'),
              children: (
                <Flex vertical gap={4} align="flex-start">
                  <Tag color={outcomeColor(view, view.finalDecision.outcome)}>{outcomeName(view.finalDecision.outcome)}</Tag>
                  {view.finalDecision.reason && <Typography.Text>{t('discussion.decisionReason', { reason: view.finalDecision.reason })}</Typography.Text>}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    );
  }
  return (
    <Card size="small" title={title} data-testid="discussion-form">
      <Typography.Paragraph type="secondary">{t('discussion.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        autoComplete="off"
        style={{ maxWidth: 760 }}
        initialValues={
          view.representative && view.finalDecision
            ? {
                representativeId: view.representative.participantId,
                statement: view.representative.statement,
                outcome: view.finalDecision.outcome,
                reason: view.finalDecision.reason,
              }
            : {}
        }
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="representativeId"
          label={t('discussion.representative')}
          rules={[{ required: true, message: t('discussion.representativePlaceholder') }]}
        >
          <Select
            aria-label={t('discussion.representative')}
            placeholder={t('discussion.representativePlaceholder')}
            style={{ maxWidth: 280 }}
            options={view.members.map((member) => ({ value: member.participantId, label: member.name }))}
          />
        </Form.Item>
        <Form.Item name="statement" label={t('discussion.statement')} rules={[{ required: true, whitespace: true, message: t('form.reasonsRequired') }]}>
          <Input.TextArea aria-label={t('discussion.statement')} maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="outcome" label={t('discussion.outcome')} rules={[{ required: true, message: t('form.chooseOutcome') }]}>
          <Radio.Group
            aria-label={t('discussion.outcome')}
            optionType="button"
            buttonStyle="solid"
            options={view.outcomes.map((candidate) => ({ value: candidate.id, label: outcomeName(candidate.id) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('discussion.reason')}
          required={departs}
          extra={departs && majority ? t('discussion.reasonNeeded', { majority: outcomeName(majority) }) : t('discussion.reasonOptional')}
          rules={departs ? [{ required: true, whitespace: true, message: t('form.reasonsRequired') }] : []}
        >
          <Input.TextArea aria-label={t('discussion.reason')} maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {error && <ErrorAlert error={error} />}
        <Flex gap={8} style={{ marginTop: 12 }}>
          {editing && <Button onClick={() => setEditing(false)}>{t('actions.cancel')}</Button>}
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('discussion.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
