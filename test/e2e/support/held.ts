import { randomUUID } from 'node:crypto';
import type { Hearing, MethodInput, MethodName, ParticipantDetail, Result, SigningView } from '../../../electron/core/contract/index.js';
import { signaturePng, signatureStrokes } from '../../unit/support/finalizable.js';
import { invoke } from './api.js';
import { seedReadyHearing } from './seed.js';

interface Seeded {
  hearing: Hearing;
  people: Record<string, ParticipantDetail>;
}

async function upload(url: string, name: string, bytes: Buffer): Promise<{ sha256: string }> {
  const response = await fetch(new URL(`api/files?name=${encodeURIComponent(name)}`, url), { method: 'POST', body: new Uint8Array(bytes) });
  const result = (await response.json()) as Result<{ sha256: string }>;
  if (!result.ok) throw new Error(`upload of ${name} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * The 王建平 hearing carried to its end through the host's API, as
 * test/unit/support/finalizable.ts does it against the core: a recusal
 * refused, one exhibit per side examined and decided (one with a photo), every
 * step held, the panel's votes in and announced, the hearing closed.
 */
export async function seedHeldToTheEnd(url: string): Promise<Seeded> {
  const seeded = await seedReadyHearing(url);
  const hearingId = seeded.hearing.id;
  const id = (name: string) => seeded.people[name]?.id as string;
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => invoke(url, method, input);

  const petitionerExhibit = await call('evidence.add', {
    hearingId,
    submitterId: id('王建平'),
    name: '装修费用发票',
    source: '南宁市恒达装饰工程有限公司',
    purpose: '证明房屋装修投入18万元',
    form: 'documentary',
    pages: 6,
    isOriginal: true,
  });
  const agencyExhibit = await call('evidence.add', {
    hearingId,
    submitterId: id('陈立新'),
    name: '房屋征收评估报告',
    source: '广西正衡房地产评估有限公司',
    purpose: '证明补偿金额依法评估',
    form: 'expertOpinion',
    pages: 32,
  });
  const photo = await upload(url, '装修现场照片.png', signaturePng(99, 640, 480));
  await call('evidence.attachFile', { exhibitId: petitionerExhibit.id, sha256: photo.sha256, originalName: '装修现场照片.png' });

  let view = await call('procedure.start', { hearingId });
  const examined = new Set<string>();
  for (;;) {
    const step = view.steps.find((candidate) => candidate.id === view.currentStepId);
    if (step?.type === 'recusal') {
      const recusal = await call('recusal.apply', { hearingId, applicantId: id('王建平'), againstId: id('韦建国'), grounds: '听说其与征收办有业务往来' });
      await call('recusal.decide', { recusalId: recusal.id, decision: 'refused', decidedBy: '刘明远', reason: '经核实无利害关系' });
    }
    if (step?.type === 'evidence' && !examined.has(step.id)) {
      examined.add(step.id);
      await call('evidence.examine', {
        exhibitId: petitionerExhibit.id,
        examinerId: id('陈立新'),
        authenticity: 'partial',
        authenticityNote: '形式真实性认可，内容真实性不认可',
        legality: 'none',
        relevance: 'objection',
        relevanceNote: '装修发票与评估范围无关',
      });
      await call('evidence.examine', { exhibitId: agencyExhibit.id, examinerId: id('王建平'), authenticity: 'none', legality: 'none', relevance: 'none' });
      await call('evidence.find', { exhibitId: petitionerExhibit.id, finding: 'partial', reasons: '发票真实，但部分装修已计入评估' });
      await call('evidence.find', { exhibitId: agencyExhibit.id, finding: 'admitted', reasons: '评估程序合法' });
    }
    if (step?.type === 'deliberation') {
      const deliberation = await call('deliberation.open', { hearingId, ballot: 'open' });
      for (const request of deliberation.requests) {
        for (const member of deliberation.members) {
          await call('deliberation.vote', {
            hearingId,
            requestId: request.requestId,
            memberId: member.participantId,
            outcome: 'explain',
            reasons: `${member.name}：应向信访人解释说明补偿依据`,
          });
        }
      }
      await call('deliberation.close', { hearingId, reason: '' });
      await call('deliberation.announce', { hearingId, manner: 'onSpot' });
    }
    if (view.steps.every((candidate) => candidate.status === 'done' || candidate.status === 'skipped' || candidate.id === view.currentStepId)) break;
    view = await call('procedure.next', { hearingId });
  }
  await call('minutes.append', {
    hearingId,
    clientId: randomUUID(),
    kind: 'speech',
    speakerId: id('王建平'),
    text: '我对补偿金额有异议，评估报告没有考虑装修价值。',
    startedAt: new Date().toISOString(),
  });
  await call('procedure.close', { hearingId });
  return seeded;
}

/** Every signer who is not yet settled signs, in the round's order. */
export async function signEveryone(url: string, hearingId: string): Promise<SigningView> {
  let view = await invoke(url, 'signing.view', { hearingId });
  let seed = 0;
  while (view.nextSignerId) {
    seed += 1;
    view = await invoke(url, 'signing.sign', {
      hearingId,
      participantId: view.nextSignerId,
      closingSentence: '以上笔录我已看过，与我所说的相符。',
      image: signaturePng(seed).toString('base64'),
      strokes: signatureStrokes(seed),
      recordDigest: view.recordDigest,
    });
  }
  return view;
}
