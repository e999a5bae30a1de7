import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Finalization, SigningView } from '../../../electron/core/contract/index.js';
import { packageDir } from '../../../electron/core/finalize/service.js';
import { signaturePng } from '../../fixtures/png.js';
import type { ReadyHearing } from './hearing.js';

export { signaturePng } from '../../fixtures/png.js';

/** The pen's path with its times, as signature_pad records it. */
export function signatureStrokes(seed: number) {
  const start = Date.UTC(2026, 11, 8, 4, 0, seed);
  return [
    {
      points: Array.from({ length: 12 }, (_, index) => ({ x: index * 25, y: 50 + Math.sin((index + seed) / 2) * 30, time: start + index * 16, pressure: 0.5 })),
    },
  ];
}

/**
 * The 王建平 hearing carried to its end: a recusal application refused, one
 * exhibit per side examined by the other side and decided, every step held, the panel's votes in and the
 * conclusion announced, the hearing closed. Only the signing round is left.
 */
export async function heldToTheEnd(setup: ReadyHearing): Promise<void> {
  const { core, hearing, people } = setup;
  const hearingId = hearing.id;
  const id = (name: string) => people[name]?.id as string;
  const petitionerExhibit = await core.ok('evidence.add', {
    hearingId,
    submitterId: id('王建平'),
    name: '装修费用发票',
    source: '南宁市恒达装饰工程有限公司',
    purpose: '证明房屋装修投入18万元',
    form: 'documentary',
    pages: 6,
    isOriginal: true,
  });
  const agencyExhibit = await core.ok('evidence.add', {
    hearingId,
    submitterId: id('陈立新'),
    name: '房屋征收评估报告',
    source: '广西正衡房地产评估有限公司',
    purpose: '证明补偿金额依法评估',
    form: 'expertOpinion',
    pages: 32,
  });

  const photo = await core.files.importStream(Readable.from([signaturePng(99, 640, 480)]), { originalName: '装修现场照片.png', maxBytes: 10_000_000 });
  await core.ok('evidence.attachFile', { exhibitId: petitionerExhibit.id, sha256: photo.sha256, originalName: '装修现场照片.png' });

  let view = await core.ok('procedure.start', { hearingId });
  const examined = new Set<string>();
  for (;;) {
    const step = view.steps.find((candidate) => candidate.id === view.currentStepId);
    if (step?.type === 'recusal') {
      const recusal = await core.ok('recusal.apply', { hearingId, applicantId: id('王建平'), againstId: id('韦建国'), grounds: '听说其与征收办有业务往来' });
      await core.ok('recusal.decide', { recusalId: recusal.id, decision: 'refused', decidedBy: '刘明远', reason: '经核实无利害关系' });
    }
    if (step?.type === 'evidence' && !examined.has(step.id)) {
      examined.add(step.id);
      await core.ok('evidence.examine', {
        exhibitId: petitionerExhibit.id,
        examinerId: id('陈立新'),
        authenticity: 'partial',
        authenticityNote: '形式真实性认可，内容真实性不认可',
        legality: 'none',
        relevance: 'objection',
        relevanceNote: '装修发票与评估范围无关',
      });
      await core.ok('evidence.examine', { exhibitId: agencyExhibit.id, examinerId: id('王建平'), authenticity: 'none', legality: 'none', relevance: 'none' });
      await core.ok('evidence.find', { exhibitId: petitionerExhibit.id, finding: 'partial', reasons: '发票真实，但部分装修已计入评估' });
      await core.ok('evidence.find', { exhibitId: agencyExhibit.id, finding: 'admitted', reasons: '评估程序合法' });
    }
    if (step?.type === 'deliberation') {
      const deliberation = await core.ok('deliberation.open', { hearingId, ballot: 'open' });
      for (const request of deliberation.requests) {
        for (const member of deliberation.members) {
          await core.ok('deliberation.vote', {
            hearingId,
            requestId: request.requestId,
            memberId: member.participantId,
            outcome: 'explain',
            reasons: `${member.name}：应向信访人解释说明补偿依据`,
          });
        }
      }
      await core.ok('deliberation.close', { hearingId, reason: '' });
      await core.ok('deliberation.announce', { hearingId, manner: 'onSpot' });
    }
    if (view.steps.every((candidate) => candidate.status === 'done' || candidate.status === 'skipped' || candidate.id === view.currentStepId)) break;
    view = await core.ok('procedure.next', { hearingId });
  }
  await core.ok('minutes.append', {
    hearingId,
    clientId: randomUUID(),
    kind: 'speech',
    speakerId: id('王建平'),
    text: '我对补偿金额有异议，评估报告没有考虑装修价值。',
    startedAt: setup.clock.now().toISOString(),
  });
  await core.ok('procedure.close', { hearingId });
}

/** Every signer who is not yet settled signs, in the round's order. */
export async function signEveryone(setup: ReadyHearing): Promise<SigningView> {
  let view = await setup.core.ok('signing.view', { hearingId: setup.hearing.id });
  let seed = 0;
  while (view.nextSignerId) {
    seed += 1;
    view = await setup.core.ok('signing.sign', {
      hearingId: setup.hearing.id,
      participantId: view.nextSignerId,
      closingSentence: '以上笔录我已看过，与我所说的相符。',
      image: signaturePng(seed).toString('base64'),
      strokes: signatureStrokes(seed),
      recordDigest: view.recordDigest,
    });
  }
  return view;
}

/** Held to the end, signed by everyone and finalized: the package's path beside its finalization. */
export async function finalized(setup: ReadyHearing): Promise<{ finalization: Finalization; packagePath: string }> {
  await heldToTheEnd(setup);
  await signEveryone(setup);
  const finalization = await setup.core.ok('record.finalize', { hearingId: setup.hearing.id });
  return { finalization, packagePath: join(packageDir(setup.core.dataDir, setup.hearing.id), finalization.packageName) };
}
