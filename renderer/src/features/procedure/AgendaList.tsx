import { ArrowDownOutlined, ArrowUpOutlined, MoreOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Form, Input, InputNumber, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaStepView, ProcedureView } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useProcedureActions } from './useProcedureActions.js';

const statusColors = { pending: 'default', active: 'blue', done: 'green', skipped: 'orange' } as const;

function minutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/** The agenda with planned against actual minutes; pending steps can be skipped (with a reason), moved, or new ones added. */
export function AgendaList({ view }: { view: ProcedureView }) {
  const { t } = useTranslation('procedure');
  const language = useLanguage();
  const act = useProcedureActions();
  const [skipping, setSkipping] = useState<AgendaStepView>();
  const [adding, setAdding] = useState(false);
  const [skipForm] = Form.useForm<{ reason: string }>();
  const [addForm] = Form.useForm<{ name: string; plannedMinutes: number; script: string }>();
  const hearingId = view.hearingId;
  const closed = view.state === 'closed';
  const firstOpenPosition = view.steps.findLastIndex((step) => step.status === 'done' || step.status === 'active') + 2;

  return (
    <>
      <List
        size="small"
        header={
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{t('agenda.title')}</Typography.Text>
            <Button size="small" icon={<PlusOutlined />} disabled={closed} onClick={() => setAdding(true)}>
              {t('agenda.add')}
            </Button>
          </Flex>
        }
        dataSource={view.steps}
        renderItem={(step) => (
          <List.Item
            aria-current={step.id === view.currentStepId ? 'step' : undefined}
            style={{ background: step.id === view.currentStepId ? '#eef3fc' : undefined, paddingInline: 8 }}
            actions={
              step.status === 'pending' && !closed
                ? [
                    <Dropdown
                      key="more"
                      trigger={['click']}
                      menu={{
                        items: [
                          { key: 'up', icon: <ArrowUpOutlined />, label: t('agenda.moveUp'), disabled: step.position <= firstOpenPosition },
                          { key: 'down', icon: <ArrowDownOutlined />, label: t('agenda.moveDown'), disabled: step.position === view.steps.length },
                          { key: 'skip', icon: <StopOutlined />, label: t('agenda.skip') },
                        ],
                        onClick: ({ key }) => {
                          if (key === 'skip') setSkipping(step);
                          else void act('agenda.move', { hearingId, stepId: step.id, position: step.position + (key === 'up' ? -1 : 1) });
                        },
                      }}
                    >
                      <Button size="small" type="text" aria-label={t('agenda.changeNamed', { name: step.name[language] })} icon={<MoreOutlined />} />
                    </Dropdown>,
                  ]
                : []
            }
          >
            <Flex vertical style={{ width: '100%' }}>
              <Flex gap={8} align="center">
                <Typography.Text type="secondary" style={{ width: 22 }}>
                  {step.position}
                </Typography.Text>
                <Typography.Text strong={step.id === view.currentStepId} delete={step.status === 'skipped'}>
                  {step.name[language]}
                </Typography.Text>
                <Tag color={statusColors[step.status]}>{t(`stepStatus.${step.status}`)}</Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ paddingInlineStart: 30, fontSize: 13 }}>
                {step.status === 'skipped'
                  ? t('agenda.skippedBecause', { reason: step.skipReason })
                  : t('agenda.minutes', { planned: step.plannedMinutes, actual: step.status === 'pending' ? '—' : minutes(step.actualMs) })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Modal
        open={skipping !== undefined}
        title={t('agenda.skipTitle', { name: skipping?.name[language] ?? '' })}
        onCancel={() => setSkipping(undefined)}
        onOk={() => skipForm.submit()}
        destroyOnHidden
      >
        <Form
          form={skipForm}
          layout="vertical"
          onFinish={(values) => {
            if (!skipping) return;
            void act('agenda.skip', { hearingId, stepId: skipping.id, reason: values.reason ?? '' }).then((ok) => ok && setSkipping(undefined));
          }}
        >
          <Form.Item name="reason" label={t('agenda.skipReason')} required>
            <Input.TextArea autoFocus maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={adding} title={t('agenda.addTitle')} onCancel={() => setAdding(false)} onOk={() => addForm.submit()} destroyOnHidden>
        <Form
          form={addForm}
          layout="vertical"
          initialValues={{ plannedMinutes: 10, script: '' }}
          onFinish={(values) =>
            void act('agenda.add', {
              hearingId,
              name: values.name ?? '',
              plannedMinutes: values.plannedMinutes,
              script: values.script ?? '',
              position: Math.max(firstOpenPosition, 1),
            }).then((ok) => ok && setAdding(false))
          }
        >
          <Form.Item name="name" label={t('agenda.stepName')} required>
            <Input autoFocus maxLength={100} />
          </Form.Item>
          <Form.Item name="plannedMinutes" label={t('agenda.plannedMinutes')}>
            <InputNumber min={1} max={600} />
          </Form.Item>
          <Form.Item name="script" label={t('agenda.script')}>
            <Input.TextArea maxLength={5000} autoSize={{ minRows: 3 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
