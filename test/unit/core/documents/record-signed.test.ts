import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { heldToTheEnd, signEveryone } from '../../support/finalizable.js';
import { useReadyHearings, type ReadyHearing } from '../../support/hearing.js';

const { ready } = useReadyHearings();

async function recordParts(setup: ReadyHearing) {
  const document = await setup.core.ok('documents.generate', { hearingId: setup.hearing.id, kind: 'record' });
  return { document, parts: unzipSync(new Uint8Array(Buffer.from(document.base64, 'base64'))) };
}

const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');

describe('the signed 听证笔录', () => {
  it('carries each drawn signature in the signature block, the petitioner’s on every page’s footer, and the refusal in words', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    const hearingId = setup.hearing.id;
    await setup.core.ok('signing.refuse', {
      hearingId,
      participantId: setup.people['陈立新']!.id,
      reason: '对评估结论有异议',
      enteredBy: setup.people['赵敏']!.id,
    });
    const round = await signEveryone(setup);
    const { parts, document } = await recordParts(setup);

    const media = Object.keys(parts).filter((name) => name.startsWith('word/media/'));
    const signed = round.signers.filter((signer) => signer.outcome === 'signed');
    expect(signed).toHaveLength(13);
    // docx names a picture by its content: one file per distinct signature, shared by the footer and the block.
    const stored = new Set(media.map((name) => createHash('sha256').update(parts[name]!).digest('hex')));
    for (const signer of signed) expect(stored.has(createHash('sha256').update(Buffer.from(signer.imageBase64!, 'base64')).digest('hex'))).toBe(true);

    const body = parts['word/document.xml'] ? strFromU8(parts['word/document.xml']) : '';
    expect(body.match(/<wp:docPr /g)).toHaveLength(13);
    expect(text(body)).toContain('办理机关（青秀区住房和城乡建设局）陈立新拒绝签字，理由：对评估结论有异议。');
    expect(text(body)).toContain('以上笔录我已看过，与我所说的相符。');
    expect(text(body)).toMatch(/信访人王建平签名：　2026年12月8日/);

    const footer = strFromU8(parts['word/footer1.xml']!);
    expect(text(footer)).toContain('信访人签名：');
    expect(footer.match(/<wp:docPr /g)).toHaveLength(1);
    expect(strFromU8(parts['word/_rels/footer1.xml.rels']!)).toMatch(/Target="media\/[^"]+\.png"/);

    expect((await recordParts(setup)).document.sha256).toBe(document.sha256);
  });

  it('prints, on a copy made after finalizing, the sealing note, the manifest hash with its QR code and the key’s fingerprint', async () => {
    const setup = await ready();
    await heldToTheEnd(setup);
    await signEveryone(setup);
    const before = await recordParts(setup);
    expect(text(strFromU8(before.parts['word/document.xml']!))).not.toContain('归档封存');
    const finalization = await setup.core.ok('record.finalize', { hearingId: setup.hearing.id });

    const after = await recordParts(setup);
    const body = strFromU8(after.parts['word/document.xml']!);
    expect(text(body)).toContain('本笔录已于2026年12月8日');
    expect(text(body)).toContain(`案卷清单指纹（SHA-256）：${finalization.manifestSha256}`);
    expect(text(body)).toContain(`封存密钥指纹：${finalization.keyFingerprint}`);
    expect(body).toContain('name="manifest-qr"');
  });
});
