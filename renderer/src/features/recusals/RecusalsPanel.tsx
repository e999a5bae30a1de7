import { AuditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Radio, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatInstant,
  recusalApplicantKinds,
  recusalTargetKinds,
  type AppErrorData,
  type Participant,
  type Recusal,
  type ValidationIssue,
} from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useParticipants } from '../participants/useParticipants.js';
import { useRoles } from '../participants/useRoles.js';

type Decision = Recusal['decision'];
const decisionColors: Record<Decision, string> = { pending: 'gold', granted: 'green', refused: 'volcano' };

interface ApplyValues {
  applicantId?: string;
  againstId?: string;
  grounds?: string;
}

interface DecideValues {
  decision?: 'granted' | 'refused';
  decidedBy?: string;
  reason?: string;
}

function usePeople(hearingId: string) {
  const { t } = useTranslation('recusals');
  const { roleName } = useRoles(hearingId);
  const participants = useParticipants(hearingId);
  const people = participants.data?.participants ?? [];
  const byId = new Map(people.map((person) => [person.id, person]));
  const label = (person: Participant) => t('nameWithRole', { name: person.name, role: roleName(person.role) });
  const labelOf = (id: string) => {
    const person = byId.get(id);
    return person ? label(person) : t('unknownPerson');
  };
  return { participants, people, byId, label, labelOf };
}

/**
 * Field errors from the core beside their fields; an empty choice reads
 * "please choose …" rather than the id format the schema complains about.
 */
function placeIssues<V extends object>(
  error: AppErrorData,
  values: V,
  describeIssue: (issue: ValidationIssue) => string,
  emptyChoice: Partial<Record<keyof V, string>>,
): { fields: { name: keyof V; errors: string[] }[]; unplaced: ValidationIssue[] } {
  const issues = validationIssues(error);
  const names = new Set(Object.keys(values));
  const fields = issues
    .filter((issue) => names.has(issue.path))
    .map((issue) => {
      const name = issue.path as keyof V;
      const chooseText = emptyChoice[name];
      return { name, errors: [chooseText && !values[name] ? chooseText : describeIssue(issue)] };
    });
  return { fields, unplaced: issues.filter((issue) => !names.has(issue.path)) };
}

function ApplyForm({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('recusals');
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const { people, label, labelOf } = usePeople(hearingId);
  const [form] = Form.useForm<ApplyValues>();
  const [saving, setSaving] = useState(false);
  const options = (kinds: readonly string[]) =>
    people.filter((person) => kinds.includes(person.role)).map((person) => ({ value: person.id, label: label(person), disabled: person.recused }));

  async function submit() {
    const values: Required<ApplyValues> = { applicantId: '', againstId: '', grounds: '', ...form.getFieldsValue() };
    setSaving(true);
    const result = await api.call('recusal.apply', {
      hearingId,
      applicantId: values.applicantId ?? '',
      againstId: values.againstId ?? '',
      grounds: values.grounds ?? '',
    });
    setSaving(false);
    if (result.ok) {
      void message.success(t('apply.done', { applicant: labelOf(result.value.applicantId), against: labelOf(result.value.againstId) }));
      form.resetFields();
      return;
    }
    const { fields, unplaced } = placeIssues(result.error, values, describeIssue, {
      applicantId: t('apply.chooseApplicant'),
      againstId: t('apply.chooseAgainst'),
    });
    form.setFields(fields);
    if (fields.length === 0) void message.error(describe(result.error));
    else if (unplaced.length > 0) void message.error(unplaced.map(describeIssue).join(' '));
  }

  return (
    <Card title={t('apply.title')} size="small" styles={{ body: { padding: 16 } }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('apply.intro')}
      </Typography.Paragraph>
      <Form<ApplyValues>
        form={form}
        name="recusalApply"
        layout="vertical"
        requiredMark
        initialValues={{ grounds: '' }}
        onFinish={() => void submit()}
        onValuesChange={(changed: ApplyValues) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof ApplyValues, errors: [] })))}
      >
        <Flex gap={16}>
          <Form.Item name="applicantId" label={t('apply.applicant')} required style={{ flex: 1 }}>
            <Select
              aria-label={t('apply.applicant')}
              placeholder={t('apply.applicantPlaceholder')}
              options={options(recusalApplicantKinds)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item name="againstId" label={t('apply.against')} required style={{ flex: 1 }}>
            <Select
              aria-label={t('apply.against')}
              placeholder={t('apply.againstPlaceholder')}
              options={options(recusalTargetKinds)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="grounds" label={t('apply.grounds')} required>
          <Input.TextArea placeholder={t('apply.groundsPlaceholder')} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
        </Form.Item>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('apply.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

function DecideDialog({ hearingId, recusal, onClose }: { hearingId: string; recusal: Recusal | null; onClose: () => void }) {
  const { t } = useTranslation('recusals');
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const { people, byId, labelOf } = usePeople(hearingId);
  const [form] = Form.useForm<DecideValues>();
  const [saving, setSaving] = useState(false);
  // The chair decides on the panel and the clerk; on the chair, the head of the hearing body does, so no default then.
  const againstChair = recusal ? byId.get(recusal.againstId)?.role === 'chair' : false;
  const chairName = people.find((person) => person.role === 'chair' && !person.recused)?.name ?? '';

  async function submit(values: DecideValues) {
    if (!recusal) return;
    setSaving(true);
    const result = await api.call('recusal.decide', {
      recusalId: recusal.id,
      decision: values.decision as 'granted' | 'refused',
      decidedBy: values.decidedBy ?? '',
      reason: values.reason ?? '',
    });
    setSaving(false);
    if (result.ok) {
      void message.success(t('decide.done', { decision: t(`decision.${result.value.decision}`) }));
      onClose();
      return;
    }
    const { fields, unplaced } = placeIssues(result.error, { decision: values.decision, decidedBy: values.decidedBy, reason: values.reason }, describeIssue, {
      decision: t('decide.chooseDecision'),
    });
    form.setFields(fields);
    if (fields.length === 0) void message.error(describe(result.error));
    else if (unplaced.length > 0) void message.error(unplaced.map(describeIssue).join(' '));
  }

  return (
    <Modal
      open={recusal !== null}
      title={t('decide.title')}
      okText={t('decide.submit')}
      cancelText={t('decide.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {recusal && (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'applicant', label: t('decide.applicant'), children: labelOf(recusal.applicantId) },
              { key: 'against', label: t('decide.against'), children: labelOf(recusal.againstId) },
              { key: 'grounds', label: t('decide.grounds'), children: recusal.grounds },
            ]}
          />
          <Form<DecideValues>
            form={form}
            name="recusalDecide"
            layout="vertical"
            requiredMark
            initialValues={{ decidedBy: againstChair ? '' : chairName, reason: '' }}
            onFinish={(values) => void submit(values)}
            onValuesChange={(changed: DecideValues) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof DecideValues, errors: [] })))}
          >
            <Form.Item name="decision" label={t('decide.decision')} required>
              <Radio.Group
                aria-label={t('decide.decision')}
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'granted', label: t('decision.granted') },
                  { value: 'refused', label: t('decision.refused') },
                ]}
              />
            </Form.Item>
            <Form.Item name="decidedBy" label={t('decide.decidedBy')} required extra={againstChair ? t('decide.decidedByChairHint') : undefined}>
              <Input placeholder={t('decide.decidedByPlaceholder')} maxLength={50} />
            </Form.Item>
            <Form.Item name="reason" label={t('decide.reason')} required>
              <Input.TextArea placeholder={t('decide.reasonPlaceholder')} autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount />
            </Form.Item>
          </Form>
        </Flex>
      )}
    </Modal>
  );
}

/** 回避: applications against the chair, the panel or the clerk, and the decision on each, taken once. */
export function RecusalsPanel({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('recusals');
  const language = useLanguage();
  const { labelOf } = usePeople(hearingId);
  const { data, error, loading, reload } = useQuery('recusal.list', { hearingId }, ['recusal.changed']);
  const [deciding, setDeciding] = useState<Recusal | null>(null);
  const recusals = data ?? [];
  const shortTime = (iso: string) => dayjs(iso).format(t('list.timeFormat'));

  return (
    <Flex vertical gap={16}>
      <ApplyForm hearingId={hearingId} />
      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={
          <Flex align="baseline" gap={12}>
            <span>{t('list.title')}</span>
            {recusals.length > 0 && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t('list.count', { count: recusals.length })}
              </Typography.Text>
            )}
          </Flex>
        }
      >
        {error ? (
          <div style={{ padding: 16 }}>
            <ErrorAlert error={error} onRetry={reload} />
          </div>
        ) : (
          <Table<Recusal>
            rowKey="id"
            loading={loading}
            dataSource={recusals}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.empty')} /> }}
            columns={[
              { key: 'applicant', title: t('list.columns.applicant'), width: 150, render: (_, recusal) => labelOf(recusal.applicantId) },
              { key: 'against', title: t('list.columns.against'), width: 150, render: (_, recusal) => labelOf(recusal.againstId) },
              { key: 'grounds', title: t('list.columns.grounds'), dataIndex: 'grounds' },
              {
                key: 'appliedAt',
                title: t('list.columns.appliedAt'),
                width: 120,
                render: (_, recusal) => (
                  <Tooltip title={formatInstant(recusal.appliedAt, language)}>
                    <span>{shortTime(recusal.appliedAt)}</span>
                  </Tooltip>
                ),
              },
              {
                key: 'decision',
                title: t('list.columns.decision'),
                width: 160,
                render: (_, recusal) => (
                  <Flex vertical gap={4} align="flex-start">
                    <Tag color={decisionColors[recusal.decision]}>{t(`decision.${recusal.decision}`)}</Tag>
                    {recusal.decidedAt && (
                      <Tooltip title={formatInstant(recusal.decidedAt, language)}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('list.decidedAt', { time: shortTime(recusal.decidedAt) })}
                        </Typography.Text>
                      </Tooltip>
                    )}
                    {recusal.decision === 'pending' && (
                      <Button
                        size="small"
                        icon={<AuditOutlined />}
                        aria-label={t('decide.actionFor', { applicant: labelOf(recusal.applicantId), against: labelOf(recusal.againstId) })}
                        onClick={() => setDeciding(recusal)}
                      >
                        {t('decide.action')}
                      </Button>
                    )}
                  </Flex>
                ),
              },
              { key: 'decidedBy', title: t('list.columns.decidedBy'), width: 90, dataIndex: 'decidedBy' },
              { key: 'reason', title: t('list.columns.reason'), dataIndex: 'decisionReason' },
            ]}
          />
        )}
      </Card>
      <DecideDialog hearingId={hearingId} recusal={deciding} onClose={() => setDeciding(null)} />
    </Flex>
  );
}
