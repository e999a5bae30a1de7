import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, Popconfirm, Radio, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate, type CalendarDay } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { AdminOnlyNotice } from '../accounts/AdminOnlyNotice.js';
import { useCan } from '../accounts/operator.js';

interface Values {
  date?: Dayjs | null;
  kind: CalendarDay['kind'];
  name?: string;
}

/**
 * The office's holidays and 调休 make-up working days. Working-day deadlines
 * count by them, so the office keeps this list as the State Council
 * publishes each year's arrangement.
 */
export function CalendarPage() {
  const { t } = useTranslation('calendar');
  const allowed = useCan('calendar.set');
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const language = useLanguage();
  const { data, error, reload } = useQuery('calendar.list', {}, ['calendar.changed']);
  const [form] = Form.useForm<Values>();

  async function add(values: Values) {
    const result = await api.call('calendar.set', { date: values.date ? values.date.format('YYYY-MM-DD') : '', kind: values.kind, name: values.name ?? '' });
    if (result.ok) {
      form.resetFields(['date', 'name']);
      return;
    }
    const [issue] = validationIssues(result.error);
    if (issue) form.setFields([{ name: issue.path as keyof Values, errors: [describeIssue(issue)] }]);
    else void message.error(describe(result.error));
  }

  async function remove(date: string) {
    const result = await api.call('calendar.remove', { date });
    if (!result.ok) void message.error(describe(result.error));
  }

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
      }
      style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}
    >
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {!allowed && <AdminOnlyNotice />}
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ kind: 'holiday' }}
        onFinish={(values) => void add(values)}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="date" label={t('date')} required>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('holiday') },
              { value: 'workday', label: t('workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('name')}>
          <Input placeholder={t('namePlaceholder')} maxLength={50} style={{ width: 180 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!allowed}>
          {t('add')}
        </Button>
      </Form>
      {data && data.length === 0 ? (
        <Empty description={t('empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<CalendarDay>
          rowKey="date"
          size="small"
          loading={!data}
          dataSource={data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { key: 'date', title: t('date'), render: (_, day) => formatDate(`${day.date}T00:00`, language) },
            { key: 'kind', title: t('kind'), render: (_, day) => <Tag color={day.kind === 'holiday' ? 'red' : 'blue'}>{t(day.kind)}</Tag> },
            { key: 'name', title: t('name'), dataIndex: 'name' },
            {
              key: 'remove',
              title: t('actions'),
              width: 80,
              render: (_, day) => (
                <Flex>
                  <Popconfirm title={t('removeConfirm')} onConfirm={() => void remove(day.date)} disabled={!allowed}>
                    <Button type="text" danger aria-label={t('remove')} icon={<DeleteOutlined />} disabled={!allowed} />
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
