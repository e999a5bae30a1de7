import { FileTextOutlined, UserOutlined } from '@ant-design/icons';
import { App, Empty, Flex, Form, Input, Modal, Radio, Select, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, type AppErrorData, type DeliberationView } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { outcomeChoices, outcomeColor, useDeliberationCall, useOutcomeName } from './useDeliberation.js';
import type { BallotRef } from './VoteGrid.js';

interface ChangeValues {
  memberId?: string;
  requestId?: string;
  outcome?: string;
  reasons?: string;
  why?: string;
}

/**
 * 修改意见 before the close, with the reason for it. Opened on one ballot (the
 * votes are visible: it starts from the vote as cast) or blind from the
 * hand-over screen (the member picks themself and the request; nothing shown).
 */
export function ChangeVoteDialog({ view, ballot, onClose }: { view: DeliberationView; ballot: BallotRef | undefined; onClose: () => void }) {
  const { t } = useTranslation('deliberation');
  const { message } = App.useApp();
  const call = useDeliberationCall();
  const outcomeName = useOutcomeName(view);
  const [form] = Form.useForm<ChangeValues>();
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);
  const memberId = Form.useWatch('memberId', form) ?? ballot?.memberId;
  const cast = ballot && view.requests.find((request) => request.requestId === ballot.requestId)?.ballots.find((entry) => entry.memberId === ballot.memberId);
  const voters = view.members.filter((member) => view.requests.some((request) => request.votedBy.includes(member.participantId)));
  const votedOn = view.requests.filter((request) => memberId && request.votedBy.includes(memberId));
  const nameOf = (id: string | undefined) => view.members.find((member) => member.participantId === id)?.name ?? '';

  async function save(values: ChangeValues) {
    const target = { memberId: ballot?.memberId ?? values.memberId ?? '', requestId: ballot?.requestId ?? values.requestId ?? '' };
    setSaving(true);
    setError(undefined);
    const saved = await call(
      'deliberation.changeVote',
      { hearingId: view.hearingId, ...target, outcome: values.outcome ?? '', reasons: values.reasons ?? '', why: values.why ?? '' },
      setError,
    );
    setSaving(false);
    if (saved) {
      void message.success(t('change.saved', { name: nameOf(target.memberId) }));
      onClose();
    }
  }

  const request = ballot && view.requests.find((candidate) => candidate.requestId === ballot.requestId);
  return (
    <Modal
      open
      title={ballot ? `${t('change.title')} · ${nameOf(ballot.memberId)} · ${t('requestLabel', { position: request?.position ?? 0 })}` : t('change.title')}
      okText={t('change.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Typography.Paragraph type="secondary">{t('change.intro')}</Typography.Paragraph>
      <Form<ChangeValues>
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={cast?.outcome != null ? { outcome: cast.outcome, reasons: cast.reasons ?? '' } : {}}
        onFinish={(values) => void save(values)}
      >
        {!ballot && (
          <Flex gap={12}>
            <Form.Item name="memberId" label={t('change.member')} rules={[{ required: true, message: t('change.chooseMember') }]} style={{ flex: 1 }}>
              <Select
                aria-label={t('change.member')}
                placeholder={t('handOver.choosePaperPlaceholder')}
                options={voters.map((member) => ({ value: member.participantId, label: member.name }))}
                onChange={() => form.setFieldValue('requestId', undefined)}
              />
            </Form.Item>
            <Form.Item name="requestId" label={t('change.request')} rules={[{ required: true, message: t('change.chooseRequest') }]} style={{ flex: 1 }}>
              <Select
                aria-label={t('change.request')}
                disabled={!memberId}
                options={votedOn.map((candidate) => ({ value: candidate.requestId, label: t('requestLabel', { position: candidate.position }) }))}
              />
            </Form.Item>
          </Flex>
        )}
        {request && <Typography.Paragraph strong>{request.text}</Typography.Paragraph>}
        <Form.Item name="outcome" label={t('change.outcome')} rules={[{ required: true, message: t('form.chooseOutcome') }]}>
          <Radio.Group
            aria-label={t('change.outcome')}
            optionType="button"
            buttonStyle="solid"
            options={outcomeChoices(view).map((outcome) => ({ value: outcome, label: outcomeName(outcome) }))}
          />
        </Form.Item>
        <Form.Item name="reasons" label={t('change.reasons')} rules={[{ required: true, whitespace: true, message: t('form.reasonsRequired') }]}>
          <Input.TextArea aria-label={t('change.reasons')} maxLength={5000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="why" label={t('change.why')} rules={[{ required: true, whitespace: true, message: t('form.reasonsRequired') }]}>
          <Input.TextArea aria-label={t('change.why')} placeholder={t('change.whyPlaceholder')} maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}

/** Every version of one ballot, oldest first, with who entered it and why it changed; readable once the votes are revealed. */
export function HistoryDialog({ view, ballot, onClose }: { view: DeliberationView; ballot: BallotRef; onClose: () => void }) {
  const { t } = useTranslation('deliberation');
  const language = useLanguage();
  const outcomeName = useOutcomeName(view);
  const { data: history, error, reload } = useQuery('deliberation.ballotHistory', { hearingId: view.hearingId, ...ballot }, ['deliberation.changed']);
  const member = view.members.find((candidate) => candidate.participantId === ballot.memberId);
  const request = view.requests.find((candidate) => candidate.requestId === ballot.requestId);
  return (
    <Modal
      open
      title={t('history.title', { name: member?.name ?? '', position: request?.position ?? 0 })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={620}
    >
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !history ? (
        <Skeleton active />
      ) : history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
      ) : (
        <Timeline
          style={{ marginTop: 16 }}
          items={history.map((change) => ({
            key: change.version,
            color: change.version === history.length ? 'blue' : 'gray',
            content: (
              <Flex vertical gap={4} data-testid="history-version">
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{t('history.version', { version: change.version })}</Typography.Text>
                  <Tag color={outcomeColor(view, change.outcome)}>{outcomeName(change.outcome)}</Tag>
                  <Typography.Text type="secondary">
                    {change.enteredBy === 'clerk' ? <FileTextOutlined /> : <UserOutlined />} {formatInstant(change.castAt, language)}
                  </Typography.Text>
                </Flex>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{change.reasons}</Typography.Text>
                {change.why && <Typography.Text type="secondary">{t('history.why', { why: change.why })}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      )}
    </Modal>
  );
}
