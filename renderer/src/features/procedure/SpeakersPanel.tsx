import { PauseOutlined, PlayCircleOutlined, SoundOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, type RefSelectProps, Flex, InputNumber, List, Modal, Progress, Select, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureView, Side } from '../../../../electron/core/contract/index.js';
import { useParticipants } from '../participants/useParticipants.js';
import { useRoles } from '../participants/useRoles.js';
import { phaseColors } from './presentation.js';
import { useClockSignal } from './useClockSignal.js';
import { useProcedureActions } from './useProcedureActions.js';
import { formatClock, useSpeechClock } from './useSpeechClock.js';

function minutesText(ms: number): string {
  return formatClock(ms).replace('−', '');
}

/** The list of speakers and the clock of whoever has the floor, with each side's time against its budget. */
export function SpeakersPanel({ view }: { view: ProcedureView }) {
  const { t } = useTranslation('procedure');
  const act = useProcedureActions();
  const { roleName } = useRoles(view.hearingId);
  const { data: people } = useParticipants(view.hearingId);
  const reading = useSpeechClock(view.speech, view.serverNow);
  const queuePicker = useRef<RefSelectProps>(null);
  const [sound, setSound] = useState(() => localStorage.getItem('hearing-desk.clerkSound') !== 'off');
  const [budgeting, setBudgeting] = useState(false);
  const [budgets, setBudgets] = useState<{ petitioner: number | null; agency: number | null }>({ petitioner: null, agency: null });
  useClockSignal(reading, view.speech?.speechId, sound);
  const hearingId = view.hearingId;
  const speakable = (people?.participants ?? []).filter(
    (person) => !person.recused && !['observer', 'media'].includes(person.role) && !view.queue.some((entry) => entry.participantId === person.id),
  );
  const sideTime = (side: Side) => view.totals.bySide.find((entry) => entry.side === side);
  const petitioner = sideTime('petitioner')?.spokenMs ?? 0;
  const agency = sideTime('agency')?.spokenMs ?? 0;
  const share = petitioner + agency === 0 ? 50 : Math.round((petitioner / (petitioner + agency)) * 100);

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={t('speakers.floor')}
        extra={
          <Switch
            size="small"
            checked={sound}
            checkedChildren={<SoundOutlined />}
            unCheckedChildren={<SoundOutlined />}
            aria-label={t('speakers.sound')}
            onChange={(on) => {
              setSound(on);
              localStorage.setItem('hearing-desk.clerkSound', on ? 'on' : 'off');
            }}
          />
        }
      >
        {view.speech && reading ? (
          <Flex vertical align="center" gap={4}>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {view.speech.name}
              <Typography.Text type="secondary"> · {roleName(view.speech.role)}</Typography.Text>
            </Typography.Text>
            <div
              role="timer"
              aria-label={t('speakers.remaining')}
              style={{ fontSize: 56, fontVariantNumeric: 'tabular-nums', fontWeight: 600, color: phaseColors[reading.phase], lineHeight: 1.1 }}
            >
              {formatClock(reading.remainingMs)}
            </div>
            <Typography.Text type={reading.phase === 'over' ? 'danger' : 'secondary'}>
              {reading.phase === 'over'
                ? t('clock.over')
                : reading.running
                  ? t('speakers.limit', { limit: minutesText(view.speech.limitMs) })
                  : t('clock.paused')}
            </Typography.Text>
            <Space wrap style={{ marginTop: 8, justifyContent: 'center' }}>
              {reading.running ? (
                <Tooltip title={t('shortcuts.space')}>
                  <Button icon={<PauseOutlined />} onClick={() => void act('speakers.pauseClock', { hearingId })}>
                    {t('speakers.pause')}
                  </Button>
                </Tooltip>
              ) : (
                <Tooltip title={t('shortcuts.space')}>
                  <Button icon={<PlayCircleOutlined />} onClick={() => void act('speakers.resumeClock', { hearingId })}>
                    {t('speakers.resume')}
                  </Button>
                </Tooltip>
              )}
              <Tooltip title={t('shortcuts.e')}>
                <Button icon={<StopOutlined />} onClick={() => void act('speakers.endSpeech', { hearingId })}>
                  {t('speakers.end')}
                </Button>
              </Tooltip>
              <InputNumber
                min={1}
                max={120}
                style={{ width: 150 }}
                aria-label={t('speakers.setLimit')}
                addonAfter={t('speakers.minutesUnit')}
                placeholder={t('speakers.setLimit')}
                onPressEnter={(event) => {
                  const minutes = Number((event.target as HTMLInputElement).value);
                  if (minutes > 0) void act('speakers.setLimit', { hearingId, limitSeconds: minutes * 60 });
                }}
              />
            </Space>
          </Flex>
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center' }}>
            {t('speakers.nobody')}
          </Typography.Paragraph>
        )}
      </Card>

      <Card size="small" title={t('speakers.queue')}>
        <List
          size="small"
          locale={{ emptyText: t('speakers.queueEmpty') }}
          dataSource={view.queue}
          renderItem={(entry, index) => (
            <List.Item
              actions={[
                <Button
                  key="floor"
                  size="small"
                  type={index === 0 ? 'primary' : 'default'}
                  onClick={() => void act('speakers.giveFloor', { hearingId, participantId: entry.participantId })}
                >
                  {t('speakers.giveFloor')}
                </Button>,
                <Button key="remove" size="small" type="text" onClick={() => void act('speakers.dequeue', { hearingId, queueId: entry.id })}>
                  {t('speakers.dequeue')}
                </Button>,
              ]}
            >
              {index + 1}. {entry.name}
              <Typography.Text type="secondary"> · {roleName(entry.role)}</Typography.Text>
            </List.Item>
          )}
        />
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Select
            showSearch
            style={{ flex: 1 }}
            aria-label={t('speakers.addToQueue')}
            placeholder={t('speakers.addToQueue')}
            value={null}
            optionFilterProp="label"
            options={speakable.map((person) => ({ value: person.id, label: `${person.name}（${roleName(person.role)}）` }))}
            ref={queuePicker}
            onChange={(participantId: string) => {
              // Hand the keyboard back to the console, so F gives the floor at once.
              queuePicker.current?.blur();
              void act('speakers.enqueue', { hearingId, participantId });
            }}
            suffixIcon={<UserAddOutlined />}
          />
          <Tooltip title={t('shortcuts.f')}>
            <Button
              type="primary"
              disabled={view.queue.length === 0 || view.state !== 'inProgress'}
              onClick={() => void act('speakers.giveFloor', { hearingId })}
            >
              {t('speakers.next')}
            </Button>
          </Tooltip>
        </Flex>
      </Card>

      <Card
        size="small"
        title={t('speakers.sides')}
        extra={
          <Button
            size="small"
            onClick={() => {
              setBudgets({
                petitioner: sideTime('petitioner')?.budgetMs ? (sideTime('petitioner')?.budgetMs ?? 0) / 60_000 : null,
                agency: sideTime('agency')?.budgetMs ? (sideTime('agency')?.budgetMs ?? 0) / 60_000 : null,
              });
              setBudgeting(true);
            }}
          >
            {t('speakers.budgets')}
          </Button>
        }
      >
        <Flex justify="space-between">
          <Typography.Text>
            {t('side.petitioner')} {minutesText(petitioner)}
            {sideTime('petitioner')?.budgetMs ? ` / ${minutesText(sideTime('petitioner')?.budgetMs ?? 0)}` : ''}
          </Typography.Text>
          <Typography.Text>
            {t('side.agency')} {minutesText(agency)}
            {sideTime('agency')?.budgetMs ? ` / ${minutesText(sideTime('agency')?.budgetMs ?? 0)}` : ''}
          </Typography.Text>
        </Flex>
        <Progress percent={100} success={{ percent: share }} showInfo={false} aria-label={t('speakers.parity')} strokeColor="#d46b08" />
        <Table
          size="small"
          rowKey="participantId"
          pagination={false}
          style={{ marginTop: 8 }}
          dataSource={view.totals.byPerson}
          columns={[
            { key: 'name', title: t('speakers.person'), dataIndex: 'name' },
            { key: 'side', title: t('speakers.side'), render: (_, row) => t(`side.${row.side}`) },
            { key: 'turns', title: t('speakers.turns'), dataIndex: 'turns', width: 60 },
            { key: 'spoken', title: t('speakers.spoken'), width: 90, render: (_, row) => minutesText(row.spokenMs) },
          ]}
        />
      </Card>
      <Modal
        open={budgeting}
        title={t('speakers.budgetsTitle')}
        onCancel={() => setBudgeting(false)}
        onOk={() =>
          void act('speakers.setBudgets', {
            hearingId,
            petitionerSeconds: budgets.petitioner === null ? null : Math.round(budgets.petitioner * 60),
            agencySeconds: budgets.agency === null ? null : Math.round(budgets.agency * 60),
          }).then((ok) => ok && setBudgeting(false))
        }
      >
        <Flex vertical gap={12}>
          <InputNumber
            min={0}
            max={600}
            style={{ width: 260 }}
            addonBefore={t('side.petitioner')}
            addonAfter={t('speakers.minutesUnit')}
            placeholder={t('speakers.noBudget')}
            value={budgets.petitioner}
            onChange={(value) => setBudgets({ ...budgets, petitioner: value })}
          />
          <InputNumber
            min={0}
            max={600}
            style={{ width: 260 }}
            addonBefore={t('side.agency')}
            addonAfter={t('speakers.minutesUnit')}
            placeholder={t('speakers.noBudget')}
            value={budgets.agency}
            onChange={(value) => setBudgets({ ...budgets, agency: value })}
          />
        </Flex>
      </Modal>
    </Flex>
  );
}
