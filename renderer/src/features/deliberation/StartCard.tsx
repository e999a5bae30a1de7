import { CheckCircleFilled, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Radio, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ballotModes, type AppErrorData, type BallotMode, type DeliberationView, type Participant } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useParticipants } from '../participants/useParticipants.js';
import { useDeliberationCall } from './useDeliberation.js';

type Exclusion = 'recused' | 'absent' | 'left';

/** Why a panel member would not take part, as the core decides it: recused, not in the room, or gone. */
function exclusionOf(person: Participant): Exclusion | null {
  if (person.recused) return 'recused';
  if (person.attendance.status !== 'present' && person.attendance.status !== 'late') return 'absent';
  if (person.attendance.leftAt !== null) return 'left';
  return null;
}

/** 开始评议: the ballot (blind by default) and who will take part; a refusal (no quorum …) in words. */
export function StartCard({ view }: { view: DeliberationView }) {
  const { t } = useTranslation('deliberation');
  const call = useDeliberationCall();
  const { data: roster } = useParticipants(view.hearingId);
  const [ballot, setBallot] = useState<BallotMode>('blind');
  const [error, setError] = useState<AppErrorData>();
  const [opening, setOpening] = useState(false);

  const panel = (roster?.participants ?? []).filter((person) => person.role === 'panel');
  const entitled = panel.filter((person) => exclusionOf(person) === null);
  const excluded = panel.filter((person) => exclusionOf(person) !== null);
  const rules = [
    t('start.quorum', { min: view.quorum.minMembers }),
    view.quorum.odd && t('start.quorumOdd'),
    view.quorum.allPresent && t('start.quorumAll'),
  ].filter(Boolean);

  async function open() {
    setOpening(true);
    setError(undefined);
    await call('deliberation.open', { hearingId: view.hearingId, ballot }, setError);
    setOpening(false);
  }

  return (
    <Card title={t('start.title')} data-testid="deliberation-start">
      <Flex vertical gap={20} style={{ maxWidth: 760 }}>
        <Typography.Paragraph style={{ margin: 0 }}>{view.mode === 'report' ? t('start.reportIntro') : t('start.intro')}</Typography.Paragraph>
        {view.mode !== 'report' && (
          <Flex vertical gap={8}>
            <Typography.Text strong>{t('start.ballotLabel')}</Typography.Text>
            <Radio.Group value={ballot} onChange={(event) => setBallot(event.target.value as BallotMode)} aria-label={t('start.ballotLabel')}>
              <Flex vertical gap={10}>
                {ballotModes.map((mode) => (
                  <Radio key={mode} value={mode}>
                    <Typography.Text strong>{t(`ballot.${mode}`)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {t(`ballot.${mode}Help`)}
                    </Typography.Text>
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Flex>
        )}
        <Flex vertical gap={8}>
          <Flex align="baseline" gap={8}>
            <Typography.Text strong>
              <TeamOutlined /> {t('start.entitled')}
            </Typography.Text>
            <Typography.Text type="secondary">{t('start.entitledCount', { count: entitled.length })}</Typography.Text>
          </Flex>
          {!roster ? (
            <Skeleton.Input active size="small" style={{ width: 320 }} />
          ) : entitled.length === 0 ? (
            <Typography.Text type="warning">{t('start.none')}</Typography.Text>
          ) : (
            <Flex gap={8} wrap data-testid="deliberation-entitled">
              {entitled.map((person) => (
                <Tag key={person.id} icon={<CheckCircleFilled />} color="blue" style={{ fontSize: 15, padding: '4px 10px' }}>
                  {person.name}
                </Tag>
              ))}
            </Flex>
          )}
          {excluded.length > 0 && (
            <Flex gap={8} wrap align="center">
              <Typography.Text type="secondary">{t('start.notEntitled')}</Typography.Text>
              {excluded.map((person) => (
                <Tag key={person.id}>
                  {person.name}
                  {' · '}
                  {t(`start.why.${exclusionOf(person) as Exclusion}`)}
                </Tag>
              ))}
            </Flex>
          )}
          <Typography.Text type="secondary">{rules.join(t('separator'))}</Typography.Text>
        </Flex>
        {error && <ErrorAlert error={error} />}
        <div>
          <Button type="primary" size="large" loading={opening} onClick={() => void open()}>
            {t('start.submit')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
