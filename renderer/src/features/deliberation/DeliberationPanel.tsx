import { EditOutlined, FileTextOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Modal, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotSource, DeliberationStatus, DeliberationView } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AnnounceCard, AnnouncedCard } from './Announcement.js';
import { ChangeVoteDialog, HistoryDialog } from './BallotDialogs.js';
import { CloseDialog } from './CloseDialog.js';
import { DiscussionConclusion } from './DiscussionConclusion.js';
import { HandOverList, HandOverScreen } from './HandOver.js';
import { Reports } from './Reports.js';
import { DissentRecord, Results } from './Results.js';
import { SatisfactionCard } from './SatisfactionCard.js';
import { StartCard } from './StartCard.js';
import { doneMembers, remainingFor, useDeliberation } from './useDeliberation.js';
import { VoteForm } from './VoteForm.js';
import type { BallotRef } from './VoteGrid.js';
import { VoteGrid } from './VoteGrid.js';

/** Where the screen is in the voting: the hand-over list, one member's form, or the blank screen between two members. */
type Stage = { kind: 'idle' } | { kind: 'vote'; memberId: string; enteredBy: BallotSource } | { kind: 'submitted' };

type Dialog = { kind: 'paper' } | { kind: 'change'; ballot?: BallotRef } | { kind: 'history'; ballot: BallotRef } | { kind: 'close' } | undefined;

const statusColors: Record<DeliberationStatus, string> = { notOpened: 'default', open: 'blue', closed: 'gold', announced: 'green' };

/** 纸质表决票录入: whose paper ballot the clerk copies in. */
function PaperPicker({ view, onPick, onClose }: { view: DeliberationView; onPick: (memberId: string) => void; onClose: () => void }) {
  const { t } = useTranslation('deliberation');
  const [memberId, setMemberId] = useState<string>();
  const pending = view.members.filter((member) => remainingFor(view, member.participantId).length > 0);
  return (
    <Modal
      open
      title={t('actions.paper')}
      okText={t('actions.vote')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ disabled: !memberId }}
      onOk={() => memberId && onPick(memberId)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex vertical gap={8}>
        <Typography.Text>{t('handOver.choosePaper')}</Typography.Text>
        <Select
          aria-label={t('handOver.choosePaper')}
          placeholder={t('handOver.choosePaperPlaceholder')}
          value={memberId}
          onChange={setMemberId}
          options={pending.map((member) => ({ value: member.participantId, label: member.name }))}
        />
      </Flex>
    </Modal>
  );
}

function Header({ view, onDialog }: { view: DeliberationView; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation('deliberation');
  const report = view.mode === 'report';
  const done = doneMembers(view).length;
  const open = view.status === 'open';
  const anyVote = view.requests.some((request) => request.votedBy.length > 0);
  const anyPending = view.members.some((member) => remainingFor(view, member.participantId).length > 0);
  return (
    <Card size="small">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={10} wrap>
          <Tag color={statusColors[view.status]} style={{ fontSize: 15, padding: '2px 10px' }} data-testid="deliberation-status">
            {t(`status.${view.status}`)}
          </Tag>
          <Typography.Text>{t(`mode.${view.mode}`)}</Typography.Text>
          {!report && <Tag>{t(`ballot.${view.ballot}`)}</Tag>}
          <Typography.Text type="secondary" data-testid="deliberation-progress">
            {report ? t('progress.reports', { done, total: view.members.length }) : t('progress.members', { done, total: view.members.length })}
          </Typography.Text>
        </Flex>
        {open && (
          <Flex gap={8} wrap>
            {!report && anyPending && (
              <Button icon={<FileTextOutlined />} onClick={() => onDialog({ kind: 'paper' })}>
                {t('actions.paper')}
              </Button>
            )}
            {!report && anyVote && (
              <Button icon={<EditOutlined />} onClick={() => onDialog({ kind: 'change' })}>
                {t('actions.change')}
              </Button>
            )}
            <Button danger icon={<StopOutlined />} onClick={() => onDialog({ kind: 'close' })}>
              {t('actions.close')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/**
 * 评议: opening the session, the members' votes (blind, handed from member to
 * member, or open), the close, the results with the chair's tie decisions
 * and the panel-only dissent, the announcement and the petitioner's rating.
 */
export function DeliberationPanel({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('deliberation');
  const { data: view, error, reload } = useDeliberation(hearingId);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [dialog, setDialog] = useState<Dialog>();

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!view) return <Skeleton active />;

  if (view.status === 'notOpened') {
    if (view.canOpen) return <StartCard view={view} />;
    return (
      <Card>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<Typography.Text type="secondary">{view.mode === 'report' ? t('notReady.bodyReport') : t('notReady.body')}</Typography.Text>}
        >
          <Typography.Text strong>{t('notReady.title')}</Typography.Text>
        </Empty>
      </Card>
    );
  }

  const blind = view.ballot === 'blind';
  const voting = view.mode !== 'report';
  const closeDialog = () => setDialog(undefined);
  const dialogs = (
    <>
      {dialog?.kind === 'paper' && (
        <PaperPicker
          view={view}
          onClose={closeDialog}
          onPick={(memberId) => {
            setDialog(undefined);
            setStage({ kind: 'vote', memberId, enteredBy: 'clerk' });
          }}
        />
      )}
      {dialog?.kind === 'change' && <ChangeVoteDialog view={view} ballot={dialog.ballot} onClose={closeDialog} />}
      {dialog?.kind === 'history' && <HistoryDialog view={view} ballot={dialog.ballot} onClose={closeDialog} />}
      {dialog?.kind === 'close' && <CloseDialog view={view} onClose={closeDialog} />}
    </>
  );

  // One member at the laptop: their form, or the blank hand-over screen after it; nothing else on the page.
  if (view.status === 'open' && stage.kind === 'vote') {
    return (
      <Flex vertical gap={16}>
        <VoteForm
          key={`${stage.memberId}-${stage.enteredBy}`}
          view={view}
          memberId={stage.memberId}
          enteredBy={stage.enteredBy}
          onCancel={() => setStage({ kind: 'idle' })}
          onSubmitted={() => setStage(blind ? { kind: 'submitted' } : { kind: 'idle' })}
        />
      </Flex>
    );
  }
  if (view.status === 'open' && stage.kind === 'submitted') {
    return <HandOverScreen last={doneMembers(view).length === view.members.length} onContinue={() => setStage({ kind: 'idle' })} />;
  }

  const grid = voting && view.revealed && (
    <VoteGrid
      view={view}
      onVote={(memberId) => setStage({ kind: 'vote', memberId, enteredBy: 'member' })}
      onChange={(ballot) => setDialog({ kind: 'change', ballot })}
      onHistory={(ballot) => setDialog({ kind: 'history', ballot })}
    />
  );
  const results = voting && view.revealed && <Results view={view} />;
  const dissent = voting && view.revealed && <DissentRecord view={view} />;
  const discussion = view.mode === 'discussion' && <DiscussionConclusion view={view} />;

  return (
    <Flex vertical gap={16}>
      <Header view={view} onDialog={setDialog} />
      {view.announcement && (
        <>
          <AnnouncedCard announcement={view.announcement} />
          <SatisfactionCard view={view} />
        </>
      )}
      {view.status === 'open' && voting && blind && !view.revealed && (
        <HandOverList view={view} onChoose={(memberId) => setStage({ kind: 'vote', memberId, enteredBy: 'member' })} />
      )}
      {view.mode === 'report' && <Reports view={view} />}
      {results}
      {discussion}
      {view.status === 'closed' && <AnnounceCard view={view} />}
      {dissent}
      {grid}
      {dialogs}
    </Flex>
  );
}
