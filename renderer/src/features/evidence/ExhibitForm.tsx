import { App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exhibitForms,
  maxExhibitGroup,
  type ErrorCode,
  type Exhibit,
  type ExhibitForm as ExhibitFormKind,
  type Participant,
} from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { submitterKinds, useSideNames } from './useEvidence.js';

interface Values {
  submitterId?: string;
  /** Grouped numbering only; empty: the side's last group. */
  group: number | null;
  name: string;
  source: string;
  purpose: string;
  form: ExhibitFormKind;
  pages: number | null;
  copies: number | null;
  isOriginal: boolean;
  submittedOn: Dayjs | null;
  receivedBy: string;
  notes: string;
  sensitive: boolean;
}

const fieldNames: (keyof Values)[] = [
  'submitterId',
  'group',
  'name',
  'source',
  'purpose',
  'form',
  'pages',
  'copies',
  'isOriginal',
  'submittedOn',
  'receivedBy',
  'notes',
  'sensitive',
];

/** Refusals that concern one field, shown under it. */
const fieldOfRefusal: Partial<Record<ErrorCode, keyof Values>> = { 'evidence/submitterNotParty': 'submitterId', 'evidence/frozen': 'group' };

function valuesOf(exhibit: Exhibit): Values {
  const { submitterId, group, name, source, purpose, form, pages, copies, isOriginal, submittedOn, receivedBy, notes, sensitive } = exhibit;
  return {
    submitterId,
    group,
    name,
    source,
    purpose,
    form,
    pages,
    copies,
    isOriginal,
    submittedOn: submittedOn ? dayjs(submittedOn) : null,
    receivedBy,
    notes,
    sensitive,
  };
}

/**
 * 登记证据 / 修改证据: one exhibit's entry in the register. The submitter
 * decides the side and the number, so it is fixed once registered. In
 * grouped numbering the group is asked for too; once the hearing has started
 * an exhibit's group is fixed with its number.
 */
export function ExhibitForm({
  hearingId,
  exhibit,
  participants,
  grouped,
  frozen,
  onClose,
}: {
  hearingId: string;
  /** undefined: register a new exhibit */
  exhibit: Exhibit | undefined;
  participants: readonly Participant[];
  grouped: boolean;
  /** The hearing has started: numbers are fixed. */
  frozen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('evidence');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const { describe, describeIssue } = useErrorText();
  const { roleName } = useSideNames(hearingId);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submitters = participants.filter((person) => submitterKinds.includes(person.role));
  const clerk = participants.find((person) => person.role === 'clerk' && !person.recused);
  const initialValues: Values = exhibit
    ? valuesOf(exhibit)
    : {
        group: null,
        name: '',
        source: '',
        purpose: '',
        form: 'documentary',
        pages: null,
        copies: 1,
        isOriginal: false,
        submittedOn: dayjs(),
        receivedBy: clerk?.name ?? '',
        notes: '',
        sensitive: false,
      };

  async function save(values: Values) {
    setSaving(true);
    const fields = {
      name: values.name ?? '',
      source: values.source ?? '',
      purpose: values.purpose ?? '',
      form: values.form,
      pages: values.pages ?? null,
      copies: values.copies ?? null,
      isOriginal: values.isOriginal ?? false,
      submittedOn: values.submittedOn ? values.submittedOn.format('YYYY-MM-DD') : null,
      receivedBy: values.receivedBy ?? '',
      notes: values.notes ?? '',
      sensitive: values.sensitive ?? false,
    };
    // The group is sent only where it shows: flat numbering keeps an exhibit's group as it was.
    const group = grouped && values.group ? { group: values.group } : {};
    const result = exhibit
      ? await api.call('evidence.update', { exhibitId: exhibit.id, ...group, ...fields })
      : await api.call('evidence.add', { hearingId, submitterId: values.submitterId ?? '', ...group, ...fields });
    setSaving(false);
    if (result.ok) {
      void message.success(t(exhibit ? 'form.updated' : 'form.added', { label: result.value.label[language] }));
      onClose();
      return;
    }
    const refusedField = fieldOfRefusal[result.error.code];
    if (refusedField) {
      form.setFields([{ name: refusedField, errors: [describe(result.error)] }]);
      return;
    }
    const issues = validationIssues(result.error);
    const known = new Set<string>(fieldNames);
    const placed = issues.filter((issue) => known.has(issue.path));
    form.setFields(
      placed.map((issue) => ({
        name: issue.path as keyof Values,
        errors: [issue.path === 'submitterId' && !values.submitterId ? t('form.chooseSubmitter') : describeIssue(issue)],
      })),
    );
    if (placed.length === 0) void message.error(describe(result.error));
  }

  return (
    <Drawer
      open
      size="large"
      title={exhibit ? t('form.editTitle', { label: exhibit.label[language] }) : t('form.addTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {tc('actions.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        name="exhibit"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void save(values)}
        onValuesChange={(changed: Partial<Values>) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))}
      >
        <Flex gap={16}>
          <Form.Item name="submitterId" label={t('fields.submitter')} required style={{ flex: 1 }} extra={exhibit ? t('form.submitterFixed') : undefined}>
            <Select
              aria-label={t('fields.submitter')}
              placeholder={t('form.submitterPlaceholder')}
              disabled={Boolean(exhibit)}
              autoFocus={!exhibit}
              showSearch={{ optionFilterProp: 'label' }}
              options={submitters.map((person) => ({
                value: person.id,
                label: t('form.submitterOption', { name: person.name, role: roleName(person.role) }),
              }))}
            />
          </Form.Item>
          <Form.Item name="form" label={t('fields.form')} required style={{ width: 200 }}>
            <Select aria-label={t('fields.form')} options={exhibitForms.map((kind) => ({ value: kind, label: t(`form.kinds.${kind}`) }))} />
          </Form.Item>
        </Flex>
        {grouped && (
          <Form.Item name="group" label={t('fields.group')} extra={exhibit ? t(frozen ? 'form.groupFrozen' : 'form.groupMoves') : t('form.groupHelp')}>
            <InputNumber
              min={1}
              max={maxExhibitGroup}
              precision={0}
              disabled={Boolean(exhibit) && frozen}
              style={{ width: 130 }}
              aria-label={t('fields.group')}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('fields.name')} required>
          <Input maxLength={200} placeholder={t('form.namePlaceholder')} autoFocus={Boolean(exhibit)} />
        </Form.Item>
        <Form.Item name="source" label={t('fields.source')}>
          <Input maxLength={200} placeholder={t('form.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="purpose" label={t('fields.purpose')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('form.purposePlaceholder')} />
        </Form.Item>
        <Flex gap={16} align="flex-start">
          <Form.Item name="pages" label={t('fields.pages')} style={{ width: 130 }}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} aria-label={t('fields.pages')} />
          </Form.Item>
          <Form.Item name="copies" label={t('fields.copies')} style={{ width: 130 }}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} aria-label={t('fields.copies')} />
          </Form.Item>
          <Form.Item name="isOriginal" label={t('fields.original')} style={{ flex: 1 }}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('original.true') },
                { value: false, label: t('original.false') },
              ]}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="submittedOn" label={t('fields.submittedOn')} style={{ width: 220 }}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} aria-label={t('fields.submittedOn')} />
          </Form.Item>
          <Form.Item name="receivedBy" label={t('fields.receivedBy')} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
        </Flex>
        <Form.Item name="notes" label={t('fields.notes')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="sensitive" valuePropName="checked" extra={t('form.sensitiveHelp')}>
          <Checkbox>{t('form.sensitive')}</Checkbox>
        </Form.Item>
        {/* Enter in a one-line field saves, as in every form of the app. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
