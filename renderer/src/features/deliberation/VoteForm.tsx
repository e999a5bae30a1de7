import { EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, BallotSource, DeliberationView, RequestDeliberation } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { outcomeChoices, remainingFor, useDeliberationCall, useOutcomeName } from './useDeliberation.js';

interface Values {
  votes: Record<string, { outcome?: string; reasons?: string }>;
}

/** The same text for the request everywhere: 诉求1 and its words. */
export function RequestHeading({ request }: { request: Pick<RequestDeliberation, 'position' | 'text'> }) {
  const { t } = useTranslation('deliberation');
  return (
    <Flex gap={10} align="baseline">
      <Typography.Text strong style={{ flex: 'none', color: '#1f4e9c' }}>
        {t('requestLabel', { position: request.position })}
      </Typography.Text>
      <Typography.Text strong>{request.text}</Typography.Text>
    </Flex>
  );
}

/**
 * One member's opinion on every request they have not voted on: an outcome
 * and written reasons for each. Used by the member at the laptop and by the
 * clerk copying a paper ballot (marked as such). Always starts empty.
 */
export function VoteForm({
  view,
  memberId,
  enteredBy,
  onSubmitted,
  onCancel,
}: {
  view: DeliberationView;
  memberId: string;
  enteredBy: BallotSource;
  onSubmitted: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('deliberation');
  const call = useDeliberationCall();
  const outcomeName = useOutcomeName(view);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);
  // The requests to vote on are fixed when the form opens, so a vote saved before a refusal does not reshuffle the form.
  const [requests] = useState(() => remainingFor(view, memberId));
  const member = view.members.find((candidate) => candidate.participantId === memberId);
  const name = member?.name ?? '';
  const paper = enteredBy === 'clerk';

  async function submit(values: Values) {
    setSaving(true);
    setError(undefined);
    let failed = false;
    for (const request of requests) {
      // Already saved in an earlier attempt that stopped at a refusal.
      const latest = view.requests.find((candidate) => candidate.requestId === request.requestId);
      if (latest?.votedBy.includes(memberId)) continue;
      const vote = values.votes?.[request.requestId] ?? {};
      const saved = await call(
        'deliberation.vote',
        { hearingId: view.hearingId, requestId: request.requestId, memberId, outcome: vote.outcome ?? '', reasons: vote.reasons ?? '', enteredBy },
        setError,
      );
      if (!saved) {
        failed = true;
        break;
      }
    }
    setSaving(false);
    if (!failed) onSubmitted();
  }

  return (
    <Card data-testid="vote-form" styles={{ body: { padding: 24 } }}>
      <Flex vertical gap={16}>
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {paper ? <FileTextOutlined /> : <EditOutlined />} {paper ? t('form.paperTitle', { name }) : t('form.memberTitle', { name })}
          </Typography.Title>
          {paper ? (
            <Alert type="warning" showIcon title={t('actions.paper')} description={t('form.paperIntro', { name })} data-testid="paper-ballot" />
          ) : (
            <Typography.Text type="secondary">{t('form.memberIntro')}</Typography.Text>
          )}
        </Flex>
        {requests.length === 0 ? (
          <Typography.Text>{t('form.nothingLeft')}</Typography.Text>
        ) : (
          <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} autoComplete="off">
            <Flex vertical gap={16}>
              {requests.map((request) => (
                <Card
                  key={request.requestId}
                  size="small"
                  type="inner"
                  title={<RequestHeading request={request} />}
                  styles={{ title: { whiteSpace: 'normal' } }}
                >
                  <Form.Item
                    name={['votes', request.requestId, 'outcome']}
                    label={t('form.outcome')}
                    rules={[{ required: true, message: t('form.chooseOutcome') }]}
                    style={{ marginBottom: 12 }}
                  >
                    <Radio.Group
                      aria-label={t('form.outcomeAria', { position: request.position })}
                      optionType="button"
                      buttonStyle="solid"
                      size="large"
                      options={outcomeChoices(view).map((outcome) => ({ value: outcome, label: outcomeName(outcome) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={['votes', request.requestId, 'reasons']}
                    label={t('form.reasons')}
                    rules={[{ required: true, whitespace: true, message: t('form.reasonsRequired') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea
                      aria-label={t('form.reasonsAria', { position: request.position })}
                      placeholder={t('form.reasonsPlaceholder')}
                      maxLength={5000}
                      autoSize={{ minRows: 3, maxRows: 10 }}
                    />
                  </Form.Item>
                </Card>
              ))}
              {error && <ErrorAlert error={error} />}
              <Flex gap={12} justify="flex-end">
                <Button size="large" onClick={onCancel}>
                  {t('actions.cancel')}
                </Button>
                <Button size="large" type="primary" htmlType="submit" loading={saving}>
                  {t('form.submit')}
                </Button>
              </Flex>
            </Flex>
          </Form>
        )}
      </Flex>
    </Card>
  );
}
