import { CheckCircleFilled, LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliberationView } from '../../../../electron/core/contract/index.js';
import { doneMembers, remainingFor } from './useDeliberation.js';

/**
 * 背靠背表决: whose turn it is and who has voted, never what anyone voted.
 * A member clicks their own name to vote.
 */
export function HandOverList({ view, onChoose }: { view: DeliberationView; onChoose: (memberId: string) => void }) {
  const { t } = useTranslation('deliberation');
  const done = doneMembers(view).length;
  const pending = view.members.filter((member) => remainingFor(view, member.participantId).length > 0);
  const next = pending[0];
  return (
    <Card data-testid="hand-over" styles={{ body: { padding: '40px 32px' } }}>
      <Flex vertical align="center" gap={24}>
        <SafetyCertificateOutlined style={{ fontSize: 44, color: '#1f4e9c' }} />
        <Typography.Title level={2} style={{ margin: 0, textAlign: 'center' }} data-testid="hand-over-title">
          {next ? t('handOver.next', { name: next.name }) : t('handOver.allDone')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 16, textAlign: 'center', maxWidth: 640 }}>
          {t('handOver.intro')}
        </Typography.Text>
        <Flex vertical align="center" gap={6} style={{ width: 360 }}>
          <Progress percent={Math.round((done / Math.max(1, view.members.length)) * 100)} showInfo={false} strokeColor="#1f4e9c" />
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="vote-progress">
            {t('progress.members', { done, total: view.members.length })}
          </Typography.Text>
        </Flex>
        <Flex gap={16} wrap justify="center" style={{ maxWidth: 980 }}>
          {view.members.map((member) => {
            const finished = remainingFor(view, member.participantId).length === 0;
            return (
              <Button
                key={member.participantId}
                type={finished ? 'default' : member.participantId === next?.participantId ? 'primary' : 'default'}
                disabled={finished}
                onClick={() => onChoose(member.participantId)}
                style={{ width: 168, height: 88, fontSize: 22, flexDirection: 'column', gap: 2 }}
              >
                <span>
                  {finished ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <UserOutlined />} {member.name}
                </span>
                <span style={{ fontSize: 13, opacity: 0.75 }}>{finished ? t('handOver.voted') : member.left ? t('handOver.left') : t('handOver.waiting')}</span>
              </Button>
            );
          })}
        </Flex>
      </Flex>
    </Card>
  );
}

/** Between two members: nothing of what was entered, only the request to pass the laptop on. */
export function HandOverScreen({ last, onContinue }: { last: boolean; onContinue: () => void }) {
  const { t } = useTranslation('deliberation');
  return (
    <Card data-testid="hand-over-submitted" styles={{ body: { padding: '56px 32px' } }}>
      <Result
        status="success"
        icon={<LockOutlined style={{ color: '#1f4e9c' }} />}
        title={<span style={{ fontSize: 28 }}>{last ? t('handOver.lastSubmitted') : t('handOver.submitted')}</span>}
        subTitle={<span style={{ fontSize: 16 }}>{last ? t('handOver.lastSubmittedHelp') : t('handOver.submittedHelp')}</span>}
        extra={
          <Button type="primary" size="large" autoFocus onClick={onContinue} style={{ minWidth: 160, height: 48, fontSize: 18 }}>
            {t('handOver.continue')}
          </Button>
        }
      />
    </Card>
  );
}
