import { Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { OutcomeDialog, type EnteredOutcome } from './OutcomeDialog.js';
import { PassOn } from './PassOn.js';
import { RoundHeader } from './RoundHeader.js';
import { NotStarted, RoundComplete, RoundFinalized } from './RoundStates.js';
import { SignatureScreen } from './SignatureScreen.js';
import { SignerList } from './SignerList.js';
import { useSigning } from './useSigning.js';

/** The signer list, one signer at the pad, or the screen between two signers. */
type Stage = { kind: 'list' } | { kind: 'sign'; participantId: string } | { kind: 'passOn'; signedName: string; nextSignerId: string | null };

/**
 * 签名: the round at the end of the hearing (domain.md §5). The laptop goes
 * from signer to signer in order; the clerk enters refusals and absences,
 * and clears an outcome entered by mistake.
 */
export function SigningPanel({ hearingId }: { hearingId: string }) {
  const { data: view, error, reload } = useSigning(hearingId);
  const [stage, setStage] = useState<Stage>({ kind: 'list' });
  const [entering, setEntering] = useState<{ participantId: string; kind: EnteredOutcome }>();

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!view) return <Skeleton active />;
  if (!view.open && !view.finalized) return <NotStarted hearingId={hearingId} />;

  const editable = view.open && !view.finalized;
  const signerOf = (participantId: string | null) => view.signers.find((signer) => signer.participantId === participantId);
  const sign = (participantId: string) => setStage({ kind: 'sign', participantId });

  const signing = stage.kind === 'sign' && editable ? signerOf(stage.participantId) : undefined;
  if (signing) {
    return (
      <SignatureScreen
        key={signing.participantId}
        view={view}
        signer={signing}
        onCancel={() => setStage({ kind: 'list' })}
        // The next signer as the signature's answer has it: the list's own refresh may not have arrived yet.
        onSigned={(after) => setStage({ kind: 'passOn', signedName: signing.name, nextSignerId: after.nextSignerId })}
      />
    );
  }
  if (stage.kind === 'passOn' && editable) {
    const next = signerOf(stage.nextSignerId);
    return <PassOn signedName={stage.signedName} next={next} onNext={() => next && sign(next.participantId)} onList={() => setStage({ kind: 'list' })} />;
  }

  const entered = entering && signerOf(entering.participantId);
  return (
    <Flex vertical gap={16}>
      {view.finalized && <RoundFinalized hearingId={hearingId} />}
      {editable && view.nextSignerId === null && <RoundComplete hearingId={hearingId} />}
      <RoundHeader view={view} editable={editable} onSign={sign} />
      <SignerList view={view} editable={editable} onSign={sign} onEnter={(participantId, kind) => setEntering({ participantId, kind })} />
      {entered && entering && <OutcomeDialog hearingId={hearingId} signer={entered} kind={entering.kind} onClose={() => setEntering(undefined)} />}
    </Flex>
  );
}
