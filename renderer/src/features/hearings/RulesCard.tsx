import { App, Button, Card, Descriptions, Flex, Form, InputNumber, Modal, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deadlineKeys, type DeadlineKey, type EffectiveRules, type RoleKind, type RuleOverrides } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useRoles } from '../participants/useRoles.js';

interface RoleValues {
  min: number;
  max: number | null;
  odd: boolean;
  maxPerParty?: number;
}
interface Values {
  roles: Partial<Record<RoleKind, RoleValues>>;
  deadlines: EffectiveRules['deadlines'];
  speakingMinutes: number;
}

function toValues(rules: EffectiveRules): Values {
  return {
    roles: Object.fromEntries(rules.roles.map((role) => [role.kind, { min: role.min, max: role.max, odd: role.odd, maxPerParty: role.maxPerParty }])),
    deadlines: rules.deadlines,
    speakingMinutes: rules.speakingMinutes,
  };
}

/** The numbers this hearing follows (domain.md §10), each changeable for this hearing alone. */
export function RulesCard({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const { roleName } = useRoles(hearingId);
  const { data } = useQuery('hearing.rules', { hearingId }, ['hearing.updated']);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  if (!data) return null;
  const rules = data.effective;
  const deadlineText = (key: DeadlineKey) => t(`rules.days.${rules.deadlines[key].unit}`, { days: rules.deadlines[key].days });

  async function save(values: Values) {
    const overrides: RuleOverrides = {
      roles: Object.fromEntries(
        Object.entries(values.roles).map(([kind, role]) => [
          kind,
          { min: role.min, max: role.max ?? null, odd: role.odd, ...(role.maxPerParty ? { maxPerParty: role.maxPerParty } : {}) },
        ]),
      ),
      deadlines: values.deadlines,
      speakingMinutes: values.speakingMinutes,
    };
    const result = await api.call('hearing.setRules', { hearingId, overrides });
    if (result.ok) {
      setEditing(false);
      void message.success(t('rules.saved'));
      return;
    }
    const issues = validationIssues(result.error);
    void message.error(issues.length > 0 ? issues.map(describeIssue).join(' ') : describe(result.error));
  }

  async function restoreTemplate() {
    const result = await api.call('hearing.setRules', { hearingId, overrides: {} });
    if (result.ok) {
      setEditing(false);
      void message.success(t('rules.restored'));
    } else void message.error(describe(result.error));
  }

  return (
    <Card
      size="small"
      title={t('rules.title')}
      extra={
        <Button
          size="small"
          onClick={() => {
            form.setFieldsValue(toValues(rules));
            setEditing(true);
          }}
        >
          {t('rules.edit')}
        </Button>
      }
    >
      <Descriptions
        column={2}
        size="small"
        items={[
          {
            key: 'roles',
            label: t('rules.roles'),
            span: 2,
            children: rules.roles
              .filter((role) => role.min > 0 || role.max !== null || role.maxPerParty)
              .map((role) =>
                t('rules.roleSummary', { role: roleName(role.kind), min: role.min, max: role.max ?? '∞', odd: role.odd ? t('rules.oddSuffix') : '' }),
              )
              .join('；'),
          },
          { key: 'notice', label: t('rules.deadline.noticeBeforeHearing'), children: deadlineText('noticeBeforeHearing') },
          { key: 'decide', label: t('rules.deadline.decideAfterApplication'), children: deadlineText('decideAfterApplication') },
          { key: 'hold', label: t('rules.deadline.holdAfterApplication'), children: deadlineText('holdAfterApplication') },
          { key: 'speaking', label: t('rules.speakingMinutes'), children: t('rules.minutes', { minutes: rules.speakingMinutes }) },
        ]}
      />
      <Modal
        open={editing}
        width={860}
        title={t('rules.editTitle')}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        okText={tc('actions.save')}
        footer={(buttons) => (
          <Flex justify="space-between">
            <Button onClick={() => void restoreTemplate()}>{t('rules.restore')}</Button>
            <Flex gap={8}>{buttons}</Flex>
          </Flex>
        )}
      >
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={rules.roles}
            columns={[
              { key: 'role', title: t('rules.role'), render: (_, role) => roleName(role.kind) },
              {
                key: 'min',
                title: t('rules.min'),
                render: (_, role) => (
                  <Form.Item name={['roles', role.kind, 'min']} noStyle>
                    <InputNumber min={0} max={500} aria-label={t('rules.minOf', { role: roleName(role.kind) })} />
                  </Form.Item>
                ),
              },
              {
                key: 'max',
                title: t('rules.max'),
                render: (_, role) => (
                  <Form.Item name={['roles', role.kind, 'max']} noStyle>
                    <InputNumber min={0} max={500} placeholder={t('rules.unlimited')} aria-label={t('rules.maxOf', { role: roleName(role.kind) })} />
                  </Form.Item>
                ),
              },
              {
                key: 'odd',
                title: t('rules.odd'),
                render: (_, role) => (
                  <Form.Item name={['roles', role.kind, 'odd']} valuePropName="checked" noStyle>
                    <Switch size="small" aria-label={t('rules.oddOf', { role: roleName(role.kind) })} />
                  </Form.Item>
                ),
              },
              {
                key: 'perParty',
                title: t('rules.maxPerParty'),
                render: (_, role) =>
                  role.maxPerParty === undefined ? null : (
                    <Form.Item name={['roles', role.kind, 'maxPerParty']} noStyle>
                      <InputNumber min={1} max={20} />
                    </Form.Item>
                  ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('rules.deadlines')}
          </Typography.Title>
          {deadlineKeys.map((key) => (
            <Flex key={key} gap={8} align="center" style={{ marginBottom: 8 }}>
              <Typography.Text style={{ width: 260 }}>{t(`rules.deadline.${key}`)}</Typography.Text>
              <Form.Item name={['deadlines', key, 'days']} noStyle>
                <InputNumber min={0} max={365} aria-label={t(`rules.deadline.${key}`)} />
              </Form.Item>
              <Form.Item name={['deadlines', key, 'unit']} noStyle>
                <Select
                  style={{ width: 120 }}
                  options={[
                    { value: 'calendar', label: t('rules.unit.calendar') },
                    { value: 'working', label: t('rules.unit.working') },
                  ]}
                />
              </Form.Item>
            </Flex>
          ))}
          <Form.Item name="speakingMinutes" label={t('rules.speakingMinutes')} style={{ marginTop: 16 }}>
            <InputNumber min={1} max={120} addonAfter={t('rules.minutesUnit')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
