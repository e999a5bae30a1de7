import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { refusal } from '../support/core.js';
import { heldToTheEnd, signaturePng, signatureStrokes, signEveryone } from '../support/finalizable.js';
import { useReadyHearings, type ReadyHearing } from '../support/hearing.js';

const { ready } = useReadyHearings();

function signatureOf(setup: ReadyHearing, participantId: string, recordDigest: string, seed = 1) {
  return {
    hearingId: setup.hearing.id,
    participantId,
    closingSentence: '以上笔录我已看过（向我宣读过），与我所说的相符。',
    image: signaturePng(seed).toString('base64'),
    strokes: signatureStrokes(seed),
    recordDigest,
  };
}

const id = (setup: ReadyHearing, name: string) => setup.people[name]?.id as string;

describe('the signing round', () => {
  it('lists the signers in the template’s order: the parties’ side, then the panel, the presiding officer, the clerk', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    const view = await setup.core.ok('signing.view', { hearingId: setup.hearing.id });
    expect(view.open).toBe(true);
    expect(view.signers.map((signer) => signer.group)).toEqual([...Array(7).fill('party'), ...Array(5).fill('panel'), 'chair', 'clerk']);
    expect(view.signers[0]).toMatchObject({ name: '王建平', outcome: 'pending', roleLabel: { 'zh-CN': '信访人' } });
    expect(view.signers.find((signer) => signer.name === '陈立新')?.roleLabel['zh-CN']).toBe('办理机关（青秀区住房和城乡建设局）');
    expect(view.nextSignerId).toBe(id(setup, '王建平'));
    expect(view.closingSentence['zh-CN']).toBe('以上笔录我已看过（向我宣读过），与我所说的相符。');
  });

  it('keeps a drawn signature as the PNG, the strokes with their times and a hash binding both, with the closing sentence written', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    const before = await setup.core.ok('signing.view', { hearingId: setup.hearing.id });
    const input = signatureOf(setup, id(setup, '王建平'), before.recordDigest, 3);
    const view = await setup.core.ok('signing.sign', input);
    const signed = view.signers[0];
    const expected = createHash('sha256').update(Buffer.from(input.image, 'base64')).update(JSON.stringify(input.strokes)).digest('hex');
    expect(signed).toMatchObject({
      outcome: 'signed',
      stale: false,
      signatureSha256: expected,
      imageBase64: input.image,
      closingSentence: input.closingSentence,
    });
    expect(view.nextSignerId).toBe(view.signers[1]?.participantId);
  });

  it('records a refusal with its reason, entered by the clerk, and 未到 for someone who was not there', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    const hearingId = setup.hearing.id;
    await setup.core.ok('signing.refuse', { hearingId, participantId: id(setup, '王建平'), reason: '认为笔录未记全其陈述', enteredBy: id(setup, '赵敏') });
    const view = await setup.core.ok('signing.markAbsent', {
      hearingId,
      participantId: id(setup, '莫晓东'),
      enteredBy: id(setup, '刘明远'),
      reason: '提前离场',
    });
    expect(view.signers.find((signer) => signer.name === '王建平')).toMatchObject({ outcome: 'refused', reason: '认为笔录未记全其陈述' });
    expect(view.signers.find((signer) => signer.name === '莫晓东')).toMatchObject({ outcome: 'absent', reason: '提前离场' });
    expect(
      await refusal(setup.core, 'signing.refuse', { hearingId, participantId: id(setup, '李秀英'), reason: '不同意', enteredBy: id(setup, '王建平') }),
    ).toMatchObject({ code: 'signing/notChairOrClerk' });
  });

  it('shows a signature given before a correction as stale, and refuses a signature on a record that changed since it was read', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    const hearingId = setup.hearing.id;
    const read = await setup.core.ok('signing.view', { hearingId });
    await setup.core.ok('signing.sign', signatureOf(setup, id(setup, '王建平'), read.recordDigest));
    const { entries } = await setup.core.ok('minutes.list', { hearingId });
    const entry = entries.find((candidate) => candidate.text.includes('装修价值'))!;
    await setup.core.ok('minutes.edit', {
      entryId: entry.id,
      expectedVersion: entry.version,
      kind: entry.kind,
      speakerId: entry.speakerId,
      text: '我对补偿金额有异议，评估报告没有考虑装修和附属物的价值。',
      offRecord: false,
    });

    const after = await setup.core.ok('signing.view', { hearingId });
    expect(after.recordDigest).not.toBe(read.recordDigest);
    expect(after.signers[0]).toMatchObject({ outcome: 'signed', stale: true });
    expect(after.nextSignerId).toBe(id(setup, '王建平'));
    expect(await refusal(setup.core, 'signing.sign', signatureOf(setup, id(setup, '王建平'), read.recordDigest))).toMatchObject({
      code: 'signing/recordChanged',
      params: { name: '王建平' },
    });
  });

  it('makes a signer with an undecided correction request (要求补正) wait until it is decided', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    const hearingId = setup.hearing.id;
    const { entries } = await setup.core.ok('minutes.list', { hearingId });
    const entry = entries.find((candidate) => candidate.text.includes('装修价值'))!;
    const correction = await setup.core.ok('minutes.requestCorrection', {
      entryId: entry.id,
      requestedBy: id(setup, '王建平'),
      start: 0,
      passage: '我对补偿金额有异议',
      proposedText: '我对补偿金额和安置方式都有异议',
    });
    let view = await setup.core.ok('signing.view', { hearingId });
    expect(view.signers[0]?.pendingCorrections).toBe(1);
    expect(await refusal(setup.core, 'signing.sign', signatureOf(setup, id(setup, '王建平'), view.recordDigest))).toMatchObject({
      code: 'signing/correctionPending',
    });
    await setup.core.ok('minutes.decideCorrection', { correctionId: correction.id, decision: 'refused', reason: '记录与录音一致' });
    view = await setup.core.ok('signing.view', { hearingId });
    view = await setup.core.ok('signing.sign', signatureOf(setup, id(setup, '王建平'), view.recordDigest));
    expect(view.signers[0]).toMatchObject({ outcome: 'signed', pendingCorrections: 0 });
  });

  it('refuses what is not a drawn signature, a stranger, and a hearing that has not started, changing nothing', async () => {
    const setup = await ready();
    const hearingId = setup.hearing.id;
    const early = await setup.core.ok('signing.view', { hearingId });
    expect(early.open).toBe(false);
    expect(await refusal(setup.core, 'signing.sign', signatureOf(setup, id(setup, '王建平'), early.recordDigest))).toMatchObject({ code: 'signing/notOpen' });
    await heldToTheEnd(setup);
    const view = await setup.core.ok('signing.view', { hearingId });
    const valid = signatureOf(setup, id(setup, '王建平'), view.recordDigest);
    expect(await refusal(setup.core, 'signing.sign', { ...valid, image: Buffer.from('GIF89a not a png').toString('base64') })).toMatchObject({
      code: 'validation',
    });
    expect(await refusal(setup.core, 'signing.sign', { ...valid, image: signaturePng(1).subarray(0, 20).toString('base64') })).toMatchObject({
      code: 'signing/badImage',
    });
    expect(await refusal(setup.core, 'signing.sign', { ...valid, image: signaturePng(1, 5000, 10).toString('base64') })).toMatchObject({
      code: 'signing/badImage',
    });
    expect(await refusal(setup.core, 'signing.sign', { ...valid, strokes: [] })).toMatchObject({ code: 'validation' });
    expect(await refusal(setup.core, 'signing.sign', { ...valid, participantId: randomUUID() })).toMatchObject({ code: 'signing/notASigner' });
    expect((await setup.core.ok('signing.view', { hearingId })).signers.every((signer) => signer.outcome === 'pending')).toBe(true);
  });

  it('lets a mistaken outcome be cleared and signed again, until everyone is settled', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    const hearingId = setup.hearing.id;
    await setup.core.ok('signing.refuse', { hearingId, participantId: id(setup, '王建平'), reason: '误操作', enteredBy: id(setup, '赵敏') });
    await setup.core.ok('signing.reset', { hearingId, participantId: id(setup, '王建平') });
    const view = await signEveryone(setup);
    expect(view.nextSignerId).toBeNull();
    expect(view.signers.every((signer) => signer.outcome === 'signed' && !signer.stale)).toBe(true);
  });
});
