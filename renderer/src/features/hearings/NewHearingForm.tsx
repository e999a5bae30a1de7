import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HearingCreateInput } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { navigate } from '../../app/route.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useTemplates } from './useTemplates.js';

interface FormValues {
  matterNo?: string;
  title?: string;
  templateId?: string;
  plannedStart?: Dayjs | null;
  venue?: string;
  organizer?: string;
  isPublic: boolean;
  nonPublicReason?: string;
}

/**
 * The form sends what the clerk typed and lets the core judge it: the
 * contract's schema is the only rule book, and its field errors come back
 * as i18n keys shown beside each field.
 */
export function NewHearingForm() {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const language = useLanguage();
  const { templates } = useTemplates();
  const [form] = Form.useForm<FormValues>();
  const isPublic = Form.useWatch('isPublic', form) ?? true;
  const [saving, setSaving] = useState(false);
  const defaultTemplate = templates.find((template) => template.isDefault)?.id;

  useEffect(() => {
    if (defaultTemplate && !form.getFieldValue('templateId')) form.setFieldValue('templateId', defaultTemplate);
  }, [defaultTemplate, form]);

  function clearServerErrors(changed: Partial<FormValues>) {
    form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof FormValues, errors: [] })));
  }

  async function submit(values: FormValues) {
    setSaving(true);
    const input: HearingCreateInput = {
      matterNo: values.matterNo ?? '',
      title: values.title ?? '',
      templateId: values.templateId ?? '',
      plannedStart: values.plannedStart ? values.plannedStart.format('YYYY-MM-DDTHH:mm') : '',
      venue: values.venue ?? '',
      organizer: values.organizer ?? '',
      isPublic: values.isPublic,
      nonPublicReason: values.isPublic ? '' : (values.nonPublicReason ?? ''),
    };
    const result = await api.call('hearing.create', input);
    setSaving(false);
    if (result.ok) {
      void message.success(t('form.created', { title: result.value.title }));
      navigate({ name: 'hearing', hearingId: result.value.id });
      return;
    }
    const issues = validationIssues(result.error);
    if (issues.length === 0) {
      void message.error(describe(result.error));
      return;
    }
    const fieldNames = new Set(Object.keys(form.getFieldsValue(true)));
    form.setFields(
      issues.filter((issue) => fieldNames.has(issue.path)).map((issue) => ({ name: issue.path as keyof FormValues, errors: [describeIssue(issue)] })),
    );
    const unplaced = issues.filter((issue) => !fieldNames.has(issue.path));
    if (unplaced.length > 0) void message.error(unplaced.map(describeIssue).join(' '));
  }

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('form.heading')}
        </Typography.Title>
      }
      style={{ maxWidth: 880, margin: '0 auto' }}
    >
      <Typography.Paragraph type="secondary">{t('form.intro')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(values) => void submit(values)}
        onValuesChange={clearServerErrors}
        initialValues={{ isPublic: true, matterNo: '', title: '', venue: '', organizer: '', nonPublicReason: '', plannedStart: null }}
      >
        <Flex gap={16}>
          <Form.Item name="matterNo" label={t('form.matterNo')} required style={{ flex: 1 }}>
            <Input placeholder={t('form.matterNoPlaceholder')} maxLength={64} autoFocus />
          </Form.Item>
          <Form.Item name="templateId" label={t('form.template')} required style={{ width: 260 }}>
            <Select aria-label={t('form.template')} options={templates.map((template) => ({ value: template.id, label: template.name[language] }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t('form.matter')} required>
          <Input.TextArea placeholder={t('form.matterPlaceholder')} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="plannedStart" label={t('form.plannedStart')} required style={{ width: 260 }}>
            <DatePicker
              needConfirm={false}
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="YYYY-MM-DD HH:mm"
              placeholder={t('form.plannedStartPlaceholder')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="venue" label={t('form.venue')} required style={{ flex: 1 }}>
            <Input placeholder={t('form.venuePlaceholder')} maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item name="organizer" label={t('form.organizer')} required>
          <Input placeholder={t('form.organizerPlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="isPublic" label={t('form.publicity')} required>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('form.public') },
              { value: false, label: t('form.nonPublic') },
            ]}
          />
        </Form.Item>
        {!isPublic && (
          <Form.Item name="nonPublicReason" label={t('form.nonPublicReason')} required>
            <Input placeholder={t('form.nonPublicReasonPlaceholder')} maxLength={500} />
          </Form.Item>
        )}
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => navigate({ name: 'hearings' })}>{tc('actions.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {tc('actions.create')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
