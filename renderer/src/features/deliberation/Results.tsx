import { CrownOutlined, LockOutlined, TrophyOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Divider, Flex, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { abstention, formatInstant, type AppErrorData, type DeliberationView, type RequestDeliberation } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { outcomeColor, useDeliberationCall, useOutcomeName } from './useDeliberation.js';
import { RequestHeading } from './VoteForm.js';

/** The serif face of a written record, for the members' own words. */
const recordFont = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'STSong', 'SimSun', 'Noto Serif', Georgia, serif";

/** 主持人决定: where the votes reached no majority and the template lets the chair decide, an outcome and the reasons. */
function TieDecision({ view, request }: { view: DeliberationView; request: RequestDeliberation }) {
  const { t } = useTranslation('deliberation');
  const { message } = App.useApp();
  const call = useDeliberationCall();
  const outcomeName = useOutcomeName(view);
  const [form] = Form.useForm<{ outcome?: string; reason?: string }>();
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);

  async function decide(values: { outcome?: string; reason?: string }) {
    setSaving(true);
    setError(undefined);
    const saved = await call(
      'deliberation.decideTie',
      { hearingId: view.hearingId, requestId: request.requestId, outcome: values.outcome ?? '', reason: values.reason ?? '' },
      setError,
    );
    setSaving(false);
    if (saved) void message.success(t('tie.title'));
  }

  return (
    <Card size="small" data-testid="tie-decision" style={{ background: '#fffbe6', borderColor: '#ffe58f' }}>
      <Flex vertical gap={8}>
        <Typography.Text strong>
          <CrownOutlined /> {t('tie.title')}
        </Typography.Text>
        <Typography.Text type="secondary">{t('tie.intro')}</Typography.Text>
        <Form form={form} layout="vertical" onFinish={(values) => void decide(values)} autoComplete="off" requiredMark={false}>
          <Form.Item name="outcome" label={t('tie.outcome')} rules={[{ required: true, message: t('form.chooseOutcome') }]} style={{ marginBottom: 12 }}>
            <Radio.Group
              aria-label={t('tie.outcomeAria', { position: request.position })}
              optionType="button"
              buttonStyle="solid"
              options={view.outcomes.map((outcome) => ({ value: outcome.id, label: outcomeName(outcome.id) }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('tie.reason')}
            rules={[{ required: true, whitespace: true, message: t('form.reasonsRequired') }]}
            style={{ marginBottom: 12 }}
          >
            <Input.TextArea aria-label={t('tie.reasonAria', { position: request.position })} maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          {error && <ErrorAlert error={error} />}
          <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: error ? 12 : 0 }}>
            {t('tie.submit')}
          </Button>
        </Form>
      </Flex>
    </Card>
  );
}

function Decision({ view, request }: { view: DeliberationView; request: RequestDeliberation }) {
  const { t } = useTranslation('deliberation');
  const outcomeName = useOutcomeName(view);
  const decision = request.result?.decision;
  if (!decision) return null;
  if (decision.by === 'majority') {
    return (
      <Tag color={outcomeColor(view, decision.outcome)} style={{ fontSize: 15, padding: '3px 10px' }} data-testid="decision">
        {t('results.majority', { outcome: outcomeName(decision.outcome) })}
      </Tag>
    );
  }
  if (decision.by === 'chair') {
    return (
      <Flex vertical gap={4} align="flex-start">
        <Tag color={outcomeColor(view, decision.outcome)} icon={<CrownOutlined />} style={{ fontSize: 15, padding: '3px 10px' }} data-testid="decision">
          {t('results.chair', { outcome: outcomeName(decision.outcome) })}
        </Tag>
        <Typography.Text type="secondary">{t('results.chairReason', { reason: decision.reason })}</Typography.Text>
      </Flex>
    );
  }
  return (
    <Tag color="orange" icon={<WarningOutlined />} style={{ fontSize: 15, padding: '3px 10px' }} data-testid="decision">
      {t(`results.none.${decision.reason}`)}
    </Tag>
  );
}

/**
 * 评议结果: per request the count of each outcome and how it was decided (a
 * majority, the chair's decision with reasons, or no conclusion), then the
 * overall conclusion.
 */
export function Results({ view }: { view: DeliberationView }) {
  const { t } = useTranslation('deliberation');
  const language = useLanguage();
  const outcomeName = useOutcomeName(view);
  const canDecide = view.status === 'closed' && view.tieRule === 'chairDecides';
  const overall = view.conclusionName?.[language] ?? (view.conclusion.kind === 'pending' ? t('results.overallPending') : t('results.overallNone'));
  return (
    <Card
      size="small"
      data-testid="deliberation-results"
      title={
        <span>
          <TrophyOutlined /> {t('results.title')}
        </span>
      }
    >
      <Flex vertical gap={16}>
        <Flex
          align="center"
          gap={16}
          wrap
          style={{ padding: '14px 18px', borderRadius: 8, background: '#f0f5ff', border: '1px solid #d6e4ff' }}
          data-testid="overall-conclusion"
        >
          <Typography.Text type="secondary" style={{ fontSize: 15 }}>
            {t('results.overall')}
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 24, color: view.conclusionName ? '#1f4e9c' : undefined }}>
            {overall}
          </Typography.Text>
          {view.closedAt && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
              {t('results.closedAt', { time: formatInstant(view.closedAt, language) })}
            </Typography.Text>
          )}
        </Flex>
        {view.closeReason && <Typography.Text type="secondary">{t('results.closeReason', { reason: view.closeReason })}</Typography.Text>}
        {view.requests.map((request, index) => (
          <Flex key={request.requestId} vertical gap={10} data-testid="request-result">
            {index > 0 && <Divider style={{ margin: '0 0 6px' }} />}
            <RequestHeading request={request} />
            <Flex gap={16} align="center" wrap>
              <Decision view={view} request={request} />
              <Flex gap={6} wrap>
                {request.result?.counts.map((count) => (
                  <Tag
                    key={count.outcome}
                    bordered={false}
                    color={count.votes > 0 && count.outcome !== abstention ? outcomeColor(view, count.outcome) : 'default'}
                  >
                    {t('results.counts', { outcome: outcomeName(count.outcome), votes: count.votes })}
                  </Tag>
                ))}
              </Flex>
            </Flex>
            {request.result?.decision.by === 'none' &&
              request.result.decision.reason === 'awaitingChair' &&
              (canDecide ? <TieDecision view={view} request={request} /> : <Typography.Text type="secondary">{t('tie.waitClose')}</Typography.Text>)}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/**
 * 评议笔录 data: the opinions against each decision, word for word as the
 * members wrote them. For the panel and the clerk only; it never goes into
 * the parties' minutes or onto the display.
 */
export function DissentRecord({ view }: { view: DeliberationView }) {
  const { t } = useTranslation('deliberation');
  const outcomeName = useOutcomeName(view);
  return (
    <Card
      size="small"
      data-testid="dissent-record"
      style={{ borderColor: '#d3adf7' }}
      styles={{ header: { background: '#f9f0ff' } }}
      title={
        <Flex align="center" gap={10} wrap>
          <span>
            <LockOutlined /> {t('dissent.title')}
          </span>
          <Tag color="purple" style={{ fontWeight: 400 }}>
            {t('dissent.restricted')}
          </Tag>
        </Flex>
      }
    >
      <Flex vertical gap={14}>
        <Typography.Text type="secondary">{t('dissent.intro')}</Typography.Text>
        {view.requests.map((request) => {
          const result = request.result;
          const undecided = result?.decision.by === 'none';
          return (
            <Flex key={request.requestId} vertical gap={6}>
              <Typography.Text strong>{t('requestLabel', { position: request.position })}</Typography.Text>
              {undecided ? (
                <Typography.Text type="secondary">{t('dissent.undecided')}</Typography.Text>
              ) : !result || result.dissent.length === 0 ? (
                <Typography.Text type="secondary">{t('dissent.none')}</Typography.Text>
              ) : (
                result.dissent.map((entry) => (
                  <div
                    key={entry.memberId}
                    data-testid="dissent"
                    style={{ padding: '8px 14px', borderInlineStart: '3px solid #b37feb', background: '#fcfaff', borderRadius: 4 }}
                  >
                    <Typography.Text strong>{t('dissent.line', { name: entry.memberName, outcome: outcomeName(entry.outcome) })}</Typography.Text>
                    <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', fontFamily: recordFont, fontSize: 16 }}>
                      {entry.reasons}
                    </Typography.Paragraph>
                  </div>
                ))
              )}
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
