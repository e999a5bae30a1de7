import { App, Button, Drawer, Flex, Form, Input, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { principalKinds, type Participant, type ParticipantInput, type RoleKind } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useRoles } from './useRoles.js';

type Values = Omit<ParticipantInput, 'hearingId'>;

const emptyValues: Values = {
  role: 'party',
  name: '',
  gender: '',
  idNumber: '',
  phone: '',
  address: '',
  organization: '',
  post: '',
  agentFor: null,
  agentPowers: '',
  agentPowersText: '',
  notes: '',
};

/**
 * Adds or edits one person. The only screen that shows the full ID number,
 * phone and address: everywhere else they are masked.
 */
export function ParticipantForm({
  hearingId,
  participantId,
  defaultRole,
  participants,
  onClose,
}: {
  hearingId: string;
  /** undefined: add a new person */
  participantId: string | undefined;
  defaultRole: RoleKind;
  participants: readonly Participant[];
  onClose: () => void;
}) {
  const { t } = useTranslation('participants');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const { roles, roleName } = useRoles(hearingId);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!participantId) {
      form.setFieldsValue({ ...emptyValues, role: defaultRole });
      return;
    }
    void api.call('participant.get', { participantId }).then((result) => {
      if (result.ok) {
        const { role: kind, name, gender, idNumber, phone, address, organization, post, agentFor, agentPowers, agentPowersText, notes } = result.value;
        form.setFieldsValue({ role: kind, name, gender, idNumber, phone, address, organization, post, agentFor, agentPowers, agentPowersText, notes });
      } else void message.error(describe(result.error));
    });
  }, [participantId, defaultRole, form, message, describe]);

  async function save(values: Values) {
    setSaving(true);
    const input = { ...emptyValues, ...values };
    const result = participantId
      ? await api.call('participant.update', { participantId, ...input })
      : await api.call('participant.add', { hearingId, ...input });
    setSaving(false);
    if (result.ok) {
      void message.success(t('form.saved', { name: result.value.name }));
      onClose();
      return;
    }
    const issues = validationIssues(result.error);
    const fields = new Set(Object.keys(emptyValues));
    const placed = issues.filter((issue) => fields.has(issue.path));
    form.setFields(placed.map((issue) => ({ name: issue.path as keyof Values, errors: [describeIssue(issue)] })));
    if (placed.length === 0) void message.error(describe(result.error));
  }

  const principals = participants.filter((person) => principalKinds.includes(person.role) && person.id !== participantId);

  return (
    <Drawer
      open
      size="large"
      title={participantId ? t('form.editTitle') : t('form.addTitle')}
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
        layout="vertical"
        initialValues={{ ...emptyValues, role: defaultRole }}
        onFinish={(values) => void save(values)}
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))}
      >
        <Flex gap={16}>
          <Form.Item name="role" label={t('fields.role')} required style={{ width: 220 }}>
            <Select aria-label={t('fields.role')} options={roles.map((rule) => ({ value: rule.kind, label: roleName(rule.kind) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('fields.name')} required style={{ flex: 1 }}>
            <Input maxLength={50} autoFocus />
          </Form.Item>
          <Form.Item name="gender" label={t('fields.gender')} style={{ width: 200 }}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'male', label: t('gender.male') },
                { value: 'female', label: t('gender.female') },
                { value: '', label: t('gender.unknown') },
              ]}
            />
          </Form.Item>
        </Flex>
        {role === 'agent' && (
          <>
            <Form.Item name="agentFor" label={t('fields.agentFor')} required>
              <Select
                aria-label={t('fields.agentFor')}
                options={principals.map((person) => ({ value: person.id, label: `${person.name}（${roleName(person.role)}）` }))}
              />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item name="agentPowers" label={t('fields.agentPowers')} style={{ width: 260 }}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'general', label: t('powers.general') },
                    { value: 'special', label: t('powers.special') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="agentPowersText" label={t('fields.agentPowersText')} style={{ flex: 1 }}>
                <Input maxLength={500} placeholder={t('form.agentPowersPlaceholder')} />
              </Form.Item>
            </Flex>
          </>
        )}
        <Flex gap={16}>
          <Form.Item name="idNumber" label={t('fields.idNumber')} style={{ flex: 1 }} tooltip={t('form.idNumberHelp')}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label={t('fields.phone')} style={{ flex: 1 }}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.Item name="address" label={t('fields.address')}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="organization" label={t('fields.organization')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="post" label={t('fields.post')} style={{ width: 220 }}>
            <Input maxLength={50} />
          </Form.Item>
        </Flex>
        <Form.Item name="notes" label={t('fields.notes')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
