import { FormOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, type AppErrorData, type DeliberationMember, type DeliberationView } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useDeliberationCall } from './useDeliberation.js';

function ReportDialog({ view, member, onClose }: { view: DeliberationView; member: DeliberationMember; onClose: () => void }) {
  const { t } = useTranslation('deliberation');
  const { message } = App.useApp();
  const call = useDeliberationCall();
  const [form] = Form.useForm<{ text?: string }>();
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);

  async function save(values: { text?: string }) {
    setSaving(true);
    setError(undefined);
    const saved = await call('deliberation.report', { hearingId: view.hearingId, memberId: member.participantId, text: values.text ?? '' }, setError);
    setSaving(false);
    if (saved) {
      void message.success(t('reports.saved', { name: member.name }));
      onClose();
    }
  }

  return (
    <Modal
      open
      title={t('reports.dialogTitle', { name: member.name })}
      okText={t('reports.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={760}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)} autoComplete="off">
        <Form.Item name="text" label={t('reports.text')} rules={[{ required: true, whitespace: true, message: t('form.reasonsRequired') }]}>
          <Input.TextArea aria-label={t('reports.text')} autoFocus maxLength={20000} showCount autoSize={{ minRows: 10, maxRows: 24 }} />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}

/** 价格: each 听证人 writes a report; no vote. */
export function Reports({ view }: { view: DeliberationView }) {
  const { t } = useTranslation('deliberation');
  const language = useLanguage();
  const [writing, setWriting] = useState<DeliberationMember>();
  const open = view.status === 'open';
  return (
    <Card
      size="small"
      data-testid="reports"
      title={
        <span>
          <FormOutlined /> {t('reports.title')}
        </span>
      }
    >
      <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
      <List
        dataSource={view.members}
        renderItem={(member) => {
          const report = view.reports.find((candidate) => candidate.memberId === member.participantId);
          return (
            <List.Item
              key={member.participantId}
              actions={
                open
                  ? [
                      <Button key="write" size="small" type={report ? 'default' : 'primary'} onClick={() => setWriting(member)}>
                        {report ? t('reports.rewrite') : t('reports.write')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={12} align="baseline">
                  <Typography.Text strong>{member.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {report ? t('reports.writtenAt', { time: formatInstant(report.writtenAt, language) }) : t('reports.missing')}
                  </Typography.Text>
                </Flex>
                {report && (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true, symbol: t('reports.more') }}>
                    {report.text}
                  </Typography.Paragraph>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
      {writing && <ReportDialog view={view} member={writing} onClose={() => setWriting(undefined)} />}
    </Card>
  );
}
