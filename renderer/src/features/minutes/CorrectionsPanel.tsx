import { AimOutlined, CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Popconfirm, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionStatus, MinuteCorrection } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';

export const correctionColors: Record<CorrectionStatus, string> = { pending: 'orange', accepted: 'green', refused: 'red' };

/** The 补正 requests of a hearing, refreshed whenever its minutes change (a decision changes both). */
export function useCorrections(hearingId: string) {
  return useQuery('minutes.corrections', { hearingId }, ['minutes.changed']);
}

const quote: CSSProperties = { background: '#f6f8fb', borderRadius: 4, padding: '0 4px', overflowWrap: 'anywhere' };

function CorrectionItem({
  correction,
  locked,
  large,
  onShowEntry,
  onRefuse,
}: {
  correction: MinuteCorrection;
  locked: boolean;
  large: boolean;
  onShowEntry: ((entryId: number) => void) | undefined;
  onRefuse: (correction: MinuteCorrection) => void;
}) {
  const { t } = useTranslation('readback');
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const [accepting, setAccepting] = useState(false);
  const fontSize = large ? 17 : 14;

  async function accept() {
    setAccepting(true);
    const result = await api.call('minutes.decideCorrection', { correctionId: correction.id, decision: 'accepted', reason: '' });
    setAccepting(false);
    if (!result.ok) void message.error(describe(result.error));
  }

  return (
    <li
      data-testid="correction"
      data-status={correction.status}
      style={{
        listStyle: 'none',
        border: '1px solid #e3e8ef',
        borderLeft: `4px solid ${correction.status === 'pending' ? '#fa8c16' : correction.status === 'accepted' ? '#52c41a' : '#ff4d4f'}`,
        borderRadius: 8,
        padding: '10px 14px',
        background: '#fff',
        fontSize,
        lineHeight: 1.65,
      }}
    >
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Tag color={correctionColors[correction.status]} style={{ margin: 0, fontSize: large ? 14 : 12 }}>
            {t(`corrections.status.${correction.status}`)}
          </Tag>
          <Typography.Text strong style={{ fontSize }}>
            {correction.requesterName}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={4}>
          <Typography.Text type="secondary" style={{ fontSize: large ? 14 : 12, fontVariantNumeric: 'tabular-nums' }}>
            {dayjs(correction.createdAt).format('HH:mm')}
          </Typography.Text>
          {onShowEntry && (
            <Button
              type="text"
              size="small"
              icon={<AimOutlined />}
              aria-label={t('corrections.show')}
              title={t('corrections.show')}
              onClick={() => onShowEntry(correction.entryId)}
            />
          )}
        </Flex>
      </Flex>
      <div style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize }}>
          {t('corrections.passage')}
        </Typography.Text>
        <span style={{ ...quote, textDecoration: correction.status === 'accepted' ? 'line-through' : undefined }}>{correction.passage}</span>
      </div>
      <div>
        <Typography.Text type="secondary" style={{ fontSize }}>
          {t('corrections.proposed')}
        </Typography.Text>
        {correction.proposedText ? (
          <span style={{ ...quote, background: '#f0f7ff' }}>{correction.proposedText}</span>
        ) : (
          <Typography.Text italic style={{ fontSize }}>
            {t('corrections.strike')}
          </Typography.Text>
        )}
      </div>
      {correction.reason && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize }}>
            {t('corrections.reason')}
          </Typography.Text>
          {correction.reason}
        </div>
      )}
      {correction.status === 'refused' && (
        <div style={{ color: '#a8071a' }}>
          <Typography.Text type="danger" style={{ fontSize }}>
            {t('corrections.refusedBecause')}
          </Typography.Text>
          {correction.decisionReason}
        </div>
      )}
      {correction.status === 'pending' && !locked && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Popconfirm
            title={t('corrections.acceptConfirm')}
            description={t('corrections.acceptHint')}
            okText={t('corrections.accept')}
            cancelText={t('cancel')}
            onConfirm={() => void accept()}
          >
            <Button type="primary" size={large ? 'middle' : 'small'} icon={<CheckOutlined />} loading={accepting}>
              {t('corrections.accept')}
            </Button>
          </Popconfirm>
          <Button danger size={large ? 'middle' : 'small'} icon={<CloseOutlined />} onClick={() => onRefuse(correction)}>
            {t('corrections.refuse')}
          </Button>
        </Flex>
      )}
    </li>
  );
}

interface RefuseValues {
  reason?: string;
}

/** 不予更正 needs its reason: the refusal, request and reason together go into the record (domain.md §5). */
function RefuseDialog({ correction, onClose }: { correction: MinuteCorrection | undefined; onClose: () => void }) {
  const { t } = useTranslation('readback');
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const [form] = Form.useForm<RefuseValues>();
  const [saving, setSaving] = useState(false);

  async function refuse(values: RefuseValues) {
    if (!correction) return;
    setSaving(true);
    const result = await api.call('minutes.decideCorrection', { correctionId: correction.id, decision: 'refused', reason: values.reason?.trim() ?? '' });
    setSaving(false);
    if (result.ok) {
      onClose();
      return;
    }
    const [issue] = validationIssues(result.error);
    if (issue) form.setFields([{ name: 'reason', errors: [describeIssue(issue)] }]);
    else void message.error(describe(result.error));
  }

  return (
    <Modal
      open={correction !== undefined}
      title={t('refuse.title')}
      okText={t('refuse.submit')}
      okButtonProps={{ danger: true, loading: saving }}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {correction && (
        <Typography.Paragraph type="secondary">
          {t('refuse.summary', { name: correction.requesterName, passage: correction.passage, proposed: correction.proposedText })}
        </Typography.Paragraph>
      )}
      <Form<RefuseValues> form={form} layout="vertical" onFinish={(values) => void refuse(values)}>
        <Form.Item
          name="reason"
          label={t('refuse.reason')}
          extra={t('refuse.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('refuse.reasonRequired') }]}
        >
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The 补正 requests raised during read-back, oldest first, each with its
 * status; a pending one is accepted (the passage is replaced) or refused
 * with a reason (the refusal is written into the record). Used by the
 * read-back screen and the clerk's minutes screen.
 */
export function CorrectionsPanel({
  hearingId,
  locked,
  onShowEntry,
  large = false,
}: {
  hearingId: string;
  locked: boolean;
  onShowEntry?: (entryId: number) => void;
  large?: boolean;
}) {
  const { t } = useTranslation('readback');
  const { data, error, loading, reload } = useCorrections(hearingId);
  const [refusing, setRefusing] = useState<MinuteCorrection>();
  const pending = data?.filter((correction) => correction.status === 'pending').length ?? 0;

  return (
    <section aria-label={t('corrections.title')} style={{ display: 'flex', flexDirection: 'column', gap: 10, minHeight: 0 }}>
      <Flex justify="space-between" align="center" gap={8}>
        <h2 style={{ margin: 0, fontSize: large ? 20 : 16, fontWeight: 600, display: 'flex', alignItems: 'center', gap: 8 }}>
          <EditOutlined />
          {t('corrections.title')}
        </h2>
        {pending > 0 && (
          <Tag color="orange" style={{ margin: 0 }} data-testid="corrections-pending">
            {t('corrections.pendingCount', { count: pending })}
          </Tag>
        )}
      </Flex>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Spin />
      ) : !data || data.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<span style={{ fontSize: large ? 16 : 14 }}>{locked ? t('corrections.emptyLocked') : t('corrections.empty')}</span>}
        />
      ) : (
        <ol aria-label={t('corrections.title')} style={{ margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 10 }}>
          {data.map((correction) => (
            <CorrectionItem key={correction.id} correction={correction} locked={locked} large={large} onShowEntry={onShowEntry} onRefuse={setRefusing} />
          ))}
        </ol>
      )}
      <RefuseDialog correction={refusing} onClose={() => setRefusing(undefined)} />
    </section>
  );
}
