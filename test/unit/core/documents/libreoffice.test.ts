import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentKind, GeneratedDocument } from '../../../../electron/core/contract/index.js';
import { documentBuilders } from '../../../../electron/core/documents/registry.js';
import { tempDir } from '../../support/core.js';
import { useReadyHearings, type ReadyHearing } from '../../support/hearing.js';

/**
 * Every document the app offers must open in something other than the
 * library that wrote it: LibreOffice is what most offices without Word have
 * (and the closest free stand-in for WPS), so each kind is converted to PDF
 * and round-tripped through its Word filter. Needs `soffice` on PATH and is
 * skipped where it is not; slow (LibreOffice starts afresh for each
 * conversion), so it runs only with the rest of the unit project.
 */

const execFileAsync = promisify(execFile);

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

const soffice = onPath('soffice');
// A cold LibreOffice start on a busy two-core machine takes 5–10 s, and each kind converts twice.
const conversionTimeout = 120_000;
const testTimeout = 2 * conversionTimeout + 30_000;

const work = soffice ? tempDir('hearing-desk-libreoffice-') : '';
// A profile of its own, so a run beside another (or beside a LibreOffice the user has open) does not wait on its lock.
const profile = soffice ? pathToFileURL(join(work, 'profile')).href : '';

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

async function convert(input: string, target: string, outDir: string): Promise<void> {
  await execFileAsync(soffice as string, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, input], {
    timeout: conversionTimeout,
  });
}

/** The visible text of each paragraph of document.xml, so a run LibreOffice splits or merges differently still compares equal. */
function paragraphTexts(docx: Buffer): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'] as Uint8Array);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
  );
}

/** The 王建平 hearing under way: opened, with a few entries by different speakers, the way a clerk's first minutes look. */
async function hearingUnderWay(setup: ReadyHearing): Promise<string[]> {
  const { core, hearing, people, clock } = setup;
  await core.ok('procedure.start', { hearingId: hearing.id });
  const entries = [
    { kind: 'speech', speaker: '王建平', text: '我家东葛路118号的房子是1998年买的，产权证上写的是建筑面积86.4平方米，补偿决定只按72平方米算。' },
    { kind: 'speech', speaker: '张志强', text: '补充一点：征收部门送达评估报告的方式不符合规定，信访人未能在法定期限内申请复核评估。' },
    { kind: 'question', speaker: '黄志刚', text: '信访人，你是什么时候收到补偿决定书的？' },
    { kind: 'answer', speaker: '王建平', text: '2026年7月15日，是街道的人送到家里的。\n当时没有人跟我解释评估报告。' },
    { kind: 'speech', speaker: '陈立新', text: '征收补偿决定依据的是房屋征收评估机构出具的评估报告，评估程序合法。' },
  ] as const;
  for (const entry of entries) {
    clock.advance(90_000);
    await core.ok('minutes.append', {
      hearingId: hearing.id,
      clientId: randomUUID(),
      kind: entry.kind,
      speakerId: people[entry.speaker]?.id ?? null,
      text: entry.text,
      startedAt: clock.now().toISOString(),
    });
  }
  const first = (await core.ok('minutes.list', { hearingId: hearing.id })).entries[0];
  expect(first, 'the hearing has entries').toBeDefined();
  // The first entry is the check-in event the core writes itself; the clerk's first typed words are checked too.
  return [first!.text, entries[0].text];
}

const { ready } = useReadyHearings();
const kinds = Object.keys(documentBuilders) as DocumentKind[];

describe.skipIf(!soffice)(soffice ? 'documents through LibreOffice' : 'documents through LibreOffice — skipped: LibreOffice (soffice) is not installed', () => {
  for (const kind of kinds) {
    it(`${kind} converts to PDF and survives a round trip through LibreOffice’s Word filter`, { timeout: testTimeout }, async (context) => {
      const setup = await ready();
      const entryTexts = await hearingUnderWay(setup);
      const outcome = await setup.core.router.invoke('documents.generate', { hearingId: setup.hearing.id, kind }, { actor: 'test' });
      if (!outcome.ok) {
        if (outcome.error.code === 'documents/notAvailable') {
          context.skip(`skipped: ${kind} is not available for a hearing under way (documents/notAvailable)`);
          return;
        }
        throw new Error(`documents.generate ${kind} refused: ${JSON.stringify(outcome.error)}`);
      }
      const docx = Buffer.from((outcome.value as GeneratedDocument).base64, 'base64');
      const dir = join(work, kind);
      const source = join(dir, `${kind}.docx`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(source, docx);

      await convert(source, 'pdf', join(dir, 'pdf'));
      const pdf = join(dir, 'pdf', `${kind}.pdf`);
      expect(statSync(pdf).size, `${kind}.pdf`).toBeGreaterThan(0);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      await convert(source, 'docx:MS Word 2007 XML', join(dir, 'docx'));
      const before = paragraphTexts(docx).filter((text) => text.trim() !== '');
      const after = paragraphTexts(readFileSync(join(dir, 'docx', `${kind}.docx`)));
      // Whatever the kind opens with (its office or title) must come back; and the minutes' first entries, wherever the kind carries them.
      expect(after).toContain(before[0]);
      for (const entry of entryTexts) {
        const carried = before.some((text) => text.includes(entry));
        if (kind === 'record') expect(carried, `the 听证笔录 has “${entry}”`).toBe(true);
        if (carried)
          expect(
            after.some((text) => text.includes(entry)),
            `“${entry}” after the round trip`,
          ).toBe(true);
      }
    });
  }
});
