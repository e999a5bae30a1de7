import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, type Addendum } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';

interface AmendValues {
  text: string;
  reason: string;
}

function AddendumRow({ hearingId, addendum, first }: { hearingId: string; addendum: Addendum; first: boolean }) {
  const { t } = useTranslation('record');
  const language = useLanguage();
  return (
    <Flex
      justify="space-between"
      align="flex-start"
      gap={16}
      style={{ padding: '10px 4px', borderTop: first ? undefined : '1px solid #f0f0f0' }}
      data-testid="addendum"
    >
      <Flex vertical gap={2}>
        <Flex gap={12} align="baseline">
          <Typography.Text strong>{t('addenda.number', { number: addendum.number })}</Typography.Text>
          <Typography.Text type="secondary">{t('addenda.createdAt', { date: formatInstant(addendum.createdAt, language) })}</Typography.Text>
        </Flex>
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{addendum.text}</Typography.Text>
        <Typography.Text type="secondary">{t('addenda.reasonLabel', { reason: addendum.reason })}</Typography.Text>
      </Flex>
      <Button size="small" icon={<DownloadOutlined />} href={`packages/${hearingId}/addenda/${addendum.number}`} download={addendum.packageName}>
        {t('addenda.download')}
      </Button>
    </Flex>
  );
}

function AmendForm({ hearingId, onDone }: { hearingId: string; onDone: () => void }) {
  const { t } = useTranslation('record');
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const [form] = Form.useForm<AmendValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: AmendValues) {
    setSaving(true);
    const result = await api.call('record.amend', { hearingId, text: values.text.trim(), reason: values.reason.trim() });
    setSaving(false);
    if (!result.ok) {
      void message.error(describe(result.error));
      return;
    }
    void message.success(t('addenda.saved', { number: result.value.number }));
    form.resetFields();
    onDone();
  }

  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} data-testid="amend-form" style={{ marginTop: 12 }}>
      <Form.Item name="text" label={t('addenda.text')} rules={[{ required: true, whitespace: true, message: t('addenda.textRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder={t('addenda.textPlaceholder')} />
      </Form.Item>
      <Form.Item name="reason" label={t('addenda.reason')} rules={[{ required: true, whitespace: true, message: t('addenda.reasonRequired') }]}>
        <Input maxLength={500} placeholder={t('addenda.reasonPlaceholder')} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('addenda.hint')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('addenda.submit')}
      </Button>
    </Form>
  );
}

/** The 补正 after finalizing: each one sealed on its own, the original package never touched. */
export function AddendaCard({ hearingId, addenda }: { hearingId: string; addenda: Addendum[] }) {
  const { t } = useTranslation('record');
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t('addenda.title')}
      data-testid="record-addenda"
      extra={
        !adding && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('addenda.add')}
          </Button>
        )
      }
    >
      {addenda.length === 0 && <Typography.Text type="secondary">{t('addenda.empty')}</Typography.Text>}
      {addenda.map((addendum, index) => (
        <AddendumRow key={addendum.id} hearingId={hearingId} addendum={addendum} first={index === 0} />
      ))}
      {adding && <AmendForm hearingId={hearingId} onDone={() => setAdding(false)} />}
    </Card>
  );
}
