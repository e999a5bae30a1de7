import { DesktopOutlined, QuestionCircleOutlined, UserOutlined, WifiOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, Modal, Popover, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureAction, ProcedureView } from '../../../../electron/core/contract/index.js';
import { hrefFor } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { LanCard } from '../lan/LanCard.js';
import { AgendaList } from './AgendaList.js';
import { stateColors, useReasonText } from './presentation.js';
import { SpeakersPanel } from './SpeakersPanel.js';
import { ShortcutHelp } from './ShortcutHelp.js';
import { useProcedure } from './useProcedure.js';
import { useProcedureActions } from './useProcedureActions.js';

type ReasonAction = Extract<ProcedureAction, 'adjourn' | 'suspend' | 'postpone'>;

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.closest('[role="dialog"]')));
}

/** The clerk's console for the sitting: the agenda, where the hearing stands, the script, and the speakers. */
export function ProcedurePanel({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('procedure');
  const language = useLanguage();
  const act = useProcedureActions();
  const describeReason = useReasonText();
  const { data: view, error, reload } = useProcedure(hearingId);
  const [asking, setAsking] = useState<ReasonAction>();
  const [helpOpen, setHelpOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const latest = useRef<ProcedureView | undefined>(undefined);
  latest.current = view;

  const current = view?.steps.find((step) => step.id === view.currentStepId);
  const next = view?.steps.find((step) => step.status === 'pending');

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const shown = latest.current;
      if (event.key === '?') {
        setHelpOpen(true);
        event.preventDefault();
        return;
      }
      if (!shown) return;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        const remaining = shown.steps.some((step) => step.status === 'pending');
        if (shown.state === 'notStarted') void act('procedure.start', { hearingId });
        else if (remaining) void act('procedure.next', { hearingId });
        else void act('procedure.close', { hearingId });
      } else if (key === 'f') {
        event.preventDefault();
        void act('speakers.giveFloor', { hearingId });
      } else if (key === ' ' && shown.speech) {
        event.preventDefault();
        void act(shown.speech.runningSince ? 'speakers.pauseClock' : 'speakers.resumeClock', { hearingId });
      } else if (key === 'e' && shown.speech) {
        event.preventDefault();
        void act('speakers.endSpeech', { hearingId });
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, hearingId]);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!view) return <Skeleton active />;

  const reasonText = describeReason(view.stateReason);
  const ask = (action: ReasonAction) => {
    form.resetFields();
    setAsking(action);
  };

  const controls: React.ReactNode[] = [];
  const button = (label: string, onClick: () => void, options: { primary?: boolean; danger?: boolean; shortcut?: string } = {}) => (
    <Tooltip key={label} title={options.shortcut}>
      <Button type={options.primary ? 'primary' : 'default'} danger={options.danger} onClick={onClick}>
        {label}
      </Button>
    </Tooltip>
  );
  switch (view.state) {
    case 'notStarted':
      controls.push(button(t('actions.start'), () => void act('procedure.start', { hearingId }), { primary: true, shortcut: t('shortcuts.n') }));
      controls.push(button(t('actions.postpone'), () => ask('postpone')));
      break;
    case 'inProgress':
      controls.push(
        next
          ? button(t('actions.next', { name: next.name[language] }), () => void act('procedure.next', { hearingId }), {
              primary: true,
              shortcut: t('shortcuts.n'),
            })
          : button(t('actions.close'), () => void act('procedure.close', { hearingId }), { primary: true, shortcut: t('shortcuts.n') }),
      );
      controls.push(button(t('actions.adjourn'), () => ask('adjourn')));
      controls.push(button(t('actions.suspend'), () => ask('suspend'), { danger: true }));
      controls.push(button(t('actions.postpone'), () => ask('postpone')));
      break;
    case 'deliberating':
      if (next)
        controls.push(
          button(t('actions.next', { name: next.name[language] }), () => void act('procedure.next', { hearingId }), {
            primary: true,
            shortcut: t('shortcuts.n'),
          }),
        );
      controls.push(button(t('actions.suspend'), () => ask('suspend'), { danger: true }));
      break;
    case 'adjourned':
      controls.push(button(t('actions.resumeAdjourned'), () => void act('procedure.resume', { hearingId }), { primary: true }));
      controls.push(button(t('actions.suspend'), () => ask('suspend'), { danger: true }));
      controls.push(button(t('actions.postpone'), () => ask('postpone')));
      break;
    case 'suspended':
      controls.push(button(t('actions.resume'), () => void act('procedure.resume', { hearingId }), { primary: true }));
      controls.push(button(t('actions.postpone'), () => ask('postpone')));
      break;
    case 'postponed':
      controls.push(button(t('actions.resumePostponed'), () => void act('procedure.resume', { hearingId }), { primary: true }));
      break;
    case 'closed':
      break;
  }

  return (
    <Flex gap={16} align="flex-start">
      <Card size="small" style={{ width: 330, flexShrink: 0 }} styles={{ body: { padding: 0 } }}>
        <AgendaList view={view} />
      </Card>
      <Flex vertical gap={12} style={{ flex: 1, minWidth: 0 }}>
        <Card size="small">
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Flex align="center" gap={8}>
              <Tag color={stateColors[view.state]} style={{ fontSize: 15, padding: '2px 10px' }}>
                {t(`state.${view.state}`)}
              </Tag>
              {reasonText && <Typography.Text type="secondary">{reasonText}</Typography.Text>}
            </Flex>
            <Space wrap>
              <a href={hrefFor({ name: 'chair', hearingId })} target="_blank" rel="noreferrer">
                <Button icon={<UserOutlined />}>{t('links.chair')}</Button>
              </a>
              <a href={hrefFor({ name: 'display', hearingId })} target="_blank" rel="noreferrer">
                <Button icon={<DesktopOutlined />}>{t('links.display')}</Button>
              </a>
              <Popover
                trigger="click"
                placement="bottomRight"
                content={
                  <div style={{ width: 360 }}>
                    <LanCard />
                  </div>
                }
              >
                <Button icon={<WifiOutlined />}>{t('links.lan')}</Button>
              </Popover>
              <Button icon={<QuestionCircleOutlined />} aria-label={t('shortcuts.title')} onClick={() => setHelpOpen(true)} />
            </Space>
          </Flex>
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            {controls}
          </Flex>
        </Card>
        {view.state === 'closed' && <Alert type="success" showIcon title={t('closedNote')} />}
        <Card size="small" title={current ? t('script.title', { name: current.name[language] }) : t('script.none')}>
          {current ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 17, lineHeight: 1.8, margin: 0 }}>
              {current.script[language] || t('script.empty')}
            </Typography.Paragraph>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={view.state === 'notStarted' ? t('script.notStarted') : t('script.none')} />
          )}
        </Card>
      </Flex>
      <div style={{ width: 400, flexShrink: 0 }}>
        <SpeakersPanel view={view} />
      </div>
      <Modal
        open={asking !== undefined}
        title={asking ? t(`reasonTitle.${asking}`) : ''}
        onCancel={() => setAsking(undefined)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => {
            if (!asking) return;
            void act(`procedure.${asking}`, { hearingId, reason: values.reason ?? '' }).then((ok) => ok && setAsking(undefined));
          }}
        >
          <Form.Item name="reason" label={t('reason.label')} required={asking !== 'adjourn'}>
            <Input.TextArea autoFocus maxLength={500} autoSize={{ minRows: 2 }} placeholder={asking ? t(`reasonPlaceholder.${asking}`) : ''} />
          </Form.Item>
        </Form>
      </Modal>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Flex>
  );
}
