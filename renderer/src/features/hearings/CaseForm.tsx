import { Button, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hearingStages, type AppErrorData, type CaseFields, type HearingStage, type Result } from '../../../../electron/core/contract/index.js';

import { useErrorText, validationIssues } from '../../components/useErrorText.js';

interface FormValues {
  matterNo?: string;
  title?: string;
  plannedStart?: Dayjs | null;
  venue?: string;
  organizer?: string;
  agency?: string;
  stage: HearingStage;
  applicationDate?: Dayjs | null;
  isPublic: boolean;
  nonPublicReason?: string;
}

function toValues(fields: Partial<CaseFields>): FormValues {
  return {
    matterNo: fields.matterNo ?? '',
    title: fields.title ?? '',
    plannedStart: fields.plannedStart ? dayjs(fields.plannedStart) : null,
    venue: fields.venue ?? '',
    organizer: fields.organizer ?? '',
    agency: fields.agency ?? '',
    stage: fields.stage ?? 'handling',
    applicationDate: fields.applicationDate ? dayjs(fields.applicationDate) : null,
    isPublic: fields.isPublic ?? true,
    nonPublicReason: fields.nonPublicReason ?? '',
  };
}

function toFields(values: FormValues): CaseFields {
  return {
    matterNo: values.matterNo ?? '',
    title: values.title ?? '',
    plannedStart: values.plannedStart ? values.plannedStart.format('YYYY-MM-DDTHH:mm') : '',
    venue: values.venue ?? '',
    organizer: values.organizer ?? '',
    agency: values.agency ?? '',
    stage: values.stage,
    applicationDate: values.applicationDate ? values.applicationDate.format('YYYY-MM-DD') : null,
    isPublic: values.isPublic,
    nonPublicReason: values.isPublic ? '' : (values.nonPublicReason ?? ''),
  };
}

/**
 * The facts of the case, for a new hearing and for corrections alike. It
 * sends what the clerk typed and lets the core judge it: the contract's schema
 * is the only rule book, and its field errors come back beside each field.
 */
export function CaseForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  onFailure,
}: {
  initial: Partial<CaseFields>;
  submitLabel: string;
  onSubmit: (fields: CaseFields) => Promise<Result<unknown>>;
  onCancel: () => void;
  onFailure: (error: AppErrorData) => void;
}) {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const { describeIssue } = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const isPublic = Form.useWatch('isPublic', form) ?? true;
  const [saving, setSaving] = useState(false);
  const initialKey = JSON.stringify(initial);

  useEffect(() => {
    form.setFieldsValue(toValues(JSON.parse(initialKey) as Partial<CaseFields>));
  }, [form, initialKey]);

  async function submit(values: FormValues) {
    setSaving(true);
    const result = await onSubmit(toFields(values));
    setSaving(false);
    if (result.ok) return;
    const issues = validationIssues(result.error);
    const fieldNames = new Set(Object.keys(toValues({})));
    const placed = issues.filter((issue) => fieldNames.has(issue.path));
    form.setFields(placed.map((issue) => ({ name: issue.path as keyof FormValues, errors: [describeIssue(issue)] })));
    if (placed.length === 0) onFailure(result.error);
  }

  function clearServerErrors(changed: Partial<FormValues>) {
    form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof FormValues, errors: [] })));
  }

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark
      initialValues={toValues(initial)}
      onFinish={(values) => void submit(values)}
      onValuesChange={clearServerErrors}
    >
      <Flex gap={16}>
        <Form.Item name="matterNo" label={t('form.matterNo')} required style={{ flex: 1 }}>
          <Input placeholder={t('form.matterNoPlaceholder')} maxLength={64} autoFocus />
        </Form.Item>
        <Form.Item name="stage" label={t('form.stage')} required style={{ width: 200 }}>
          <Select aria-label={t('form.stage')} options={hearingStages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))} />
        </Form.Item>
        <Form.Item name="applicationDate" label={t('form.applicationDate')} style={{ width: 200 }} tooltip={t('form.applicationDateHelp')}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder={t('form.applicationDatePlaceholder')} />
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
      <Flex gap={16}>
        <Form.Item name="organizer" label={t('form.organizer')} required style={{ flex: 1 }}>
          <Input placeholder={t('form.organizerPlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="agency" label={t('form.agency')} style={{ flex: 1 }}>
          <Input placeholder={t('form.agencyPlaceholder')} maxLength={200} />
        </Form.Item>
      </Flex>
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
        <Button onClick={onCancel}>{tc('actions.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}
