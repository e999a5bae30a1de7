import { EditOutlined, FileTextOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliberationMember, DeliberationView, RequestDeliberation } from '../../../../electron/core/contract/index.js';
import { outcomeColor, remainingFor, useOutcomeName } from './useDeliberation.js';
import { RequestHeading } from './VoteForm.js';

export interface BallotRef {
  requestId: string;
  memberId: string;
}

/**
 * The votes request by member, as cast: the open ballot as it happens, the
 * blind one once revealed. A member with requests left votes from their
 * column; a cast vote may be changed before the close, and a changed one's
 * history read.
 */
export function VoteGrid({
  view,
  onVote,
  onChange,
  onHistory,
}: {
  view: DeliberationView;
  onVote: (memberId: string) => void;
  onChange: (ballot: BallotRef) => void;
  onHistory: (ballot: BallotRef) => void;
}) {
  const { t } = useTranslation('deliberation');
  const outcomeName = useOutcomeName(view);
  const open = view.status === 'open';

  const memberColumn = (member: DeliberationMember) => ({
    key: member.participantId,
    title: (
      <Flex vertical gap={4} align="flex-start">
        <Typography.Text strong>{member.name}</Typography.Text>
        {member.left && <Tag>{t('handOver.left')}</Tag>}
        {open && remainingFor(view, member.participantId).length > 0 && (
          <Button size="small" type="primary" ghost onClick={() => onVote(member.participantId)}>
            {t('actions.vote')}
          </Button>
        )}
      </Flex>
    ),
    render: (_: unknown, request: RequestDeliberation) => {
      const ballot = request.ballots.find((candidate) => candidate.memberId === member.participantId);
      if (!ballot) return <Typography.Text type="secondary">{t('grid.notVoted')}</Typography.Text>;
      if (ballot.outcome === null) return <Tag>{t('grid.secret')}</Tag>;
      const ref = { requestId: request.requestId, memberId: member.participantId };
      return (
        <Flex vertical gap={4} data-testid="ballot-cell">
          <Flex gap={4} wrap align="center">
            <Tag color={outcomeColor(view, ballot.outcome)} style={{ marginInlineEnd: 0 }}>
              {outcomeName(ballot.outcome)}
            </Tag>
            {ballot.enteredBy === 'clerk' && (
              <Tooltip title={t('grid.byClerk')}>
                <FileTextOutlined aria-label={t('grid.byClerk')} style={{ color: '#8a95a3' }} />
              </Tooltip>
            )}
            {ballot.version > 1 && <Tag color="purple">{t('grid.changed')}</Tag>}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, tooltip: ballot.reasons }}>
            {ballot.reasons}
          </Typography.Paragraph>
          <Flex gap={0}>
            {open && (
              <Button size="small" type="link" icon={<EditOutlined />} style={{ paddingInline: 0, marginInlineEnd: 12 }} onClick={() => onChange(ref)}>
                {t('actions.edit')}
              </Button>
            )}
            {ballot.version > 1 && (
              <Button size="small" type="link" icon={<HistoryOutlined />} style={{ paddingInline: 0 }} onClick={() => onHistory(ref)}>
                {t('actions.history')}
              </Button>
            )}
          </Flex>
        </Flex>
      );
    },
  });

  return (
    <Card size="small" title={t('grid.title')} data-testid="vote-grid">
      <Table<RequestDeliberation>
        rowKey="requestId"
        size="small"
        pagination={false}
        dataSource={view.requests}
        columns={[
          {
            key: 'request',
            title: t('grid.request'),
            width: 240,
            render: (_: unknown, request) => <RequestHeading request={request} />,
          },
          ...view.members.map(memberColumn),
        ]}
      />
    </Card>
  );
}
