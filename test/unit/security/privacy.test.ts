import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplayView, DocumentKind, ParticipantDetail } from '../../../electron/core/contract/index.js';
import { maskAddress } from '../../../electron/core/contract/identity.js';
import { idNumber } from '../../fixtures/people.js';
import { signaturePng } from '../../fixtures/png.js';
import { advanceTo } from '../support/deliberation.js';
import { partsOf, textOf } from '../support/docx.js';
import { heldToTheEnd } from '../support/finalizable.js';
import { readyHearing, type ReadyHearing } from '../support/hearing.js';

/**
 * What leaves the clerk's laptop for the public (the display in the room and
 * on the LAN, the notice, the sign-in sheet, the exhibit catalogue, the
 * report) never carries a participant's ID number, phone or address in full.
 * The 听证笔录 carries them by design (it is the official record, signed by
 * each person) and the 评议笔录 stays with the panel, so neither is scanned.
 */

const publicDocuments: DocumentKind[] = ['notice', 'signInSheet', 'catalogue', 'report'];

/**
 * Gives everyone seated the full set of identity data: the cast's own where it
 * has them, otherwise a valid ID number (its sequence digit matching the
 * gender), a mobile number and a street address in 青秀区.
 */
async function fillIdentities({ core, people }: ReadyHearing): Promise<ParticipantDetail[]> {
  const filled: ParticipantDetail[] = [];
  for (const [index, person] of Object.values(people).entries()) {
    const detail = await core.ok('participant.get', { participantId: person.id });
    const sequence = `${10 + index}${detail.gender === 'female' ? 2 : 1}`;
    filled.push(
      await core.ok('participant.update', {
        participantId: detail.id,
        role: detail.role,
        name: detail.name,
        gender: detail.gender,
        idNumber: detail.idNumber || idNumber('450103', `19${60 + index}0${1 + (index % 9)}${10 + index}`, sequence),
        phone: detail.phone || `1390771${String(index).padStart(4, '0')}`,
        address: detail.address || `广西壮族自治区南宁市青秀区民族大道${100 + index}号${index + 1}栋${(index % 3) + 1}单元${index + 2}0${index % 4}室`,
        organization: detail.organization,
        post: detail.post,
        agentFor: detail.agentFor,
        agentPowers: detail.agentPowers,
        agentPowersText: detail.agentPowersText,
        notes: detail.notes,
      }),
    );
  }
  return filled;
}

/**
 * The strings whose presence would be a leak: each value whole, and the part
 * of it a mask hides (an ID number's middle ten characters, a phone's digits
 * however written, an address below its district).
 */
function secretsOf(people: ParticipantDetail[]): { who: string; secret: string }[] {
  return people.flatMap((person) => {
    const below = person.address.slice(maskAddress(person.address).replace(/\*+$/, '').length);
    return [
      { who: `${person.name}'s ID number`, secret: person.idNumber },
      { who: `${person.name}'s ID number (middle)`, secret: person.idNumber.slice(4, -4) },
      { who: `${person.name}'s phone`, secret: person.phone },
      { who: `${person.name}'s phone (digits)`, secret: person.phone.replace(/\D/g, '') },
      { who: `${person.name}'s address`, secret: person.address },
      { who: `${person.name}'s address (below the district)`, secret: below },
    ];
  });
}

function leaksIn(text: string, secrets: { who: string; secret: string }[]): string[] {
  return secrets.filter(({ secret }) => text.includes(secret)).map(({ who }) => who);
}

/** Watches the display through a whole run: one display.view after every event the core emits. */
function watchDisplay({ core, hearing }: ReadyHearing): { views: Promise<DisplayView>[]; stop: () => void } {
  const views: Promise<DisplayView>[] = [];
  const stop = core.events.on(() => views.push(core.ok('display.view', { hearingId: hearing.id })));
  return { views, stop };
}

describe('privacy of what the public sees', () => {
  let held: ReadyHearing;
  let speaking: ReadyHearing;
  let secrets: { who: string; secret: string }[];
  const displays: DisplayView[] = [];

  beforeAll(async () => {
    // One hearing held to its end (recusal, exhibits examined, votes, the conclusion announced), watched throughout.
    held = await readyHearing();
    const filled = await fillIdentities(held);
    secrets = secretsOf(filled);
    expect(filled.every((person) => person.idNumber && person.phone && person.address)).toBe(true);
    const watchHeld = watchDisplay(held);
    await heldToTheEnd(held);
    watchHeld.stop();
    displays.push(...(await Promise.all(watchHeld.views)));

    // Another where each person with identity data takes the floor in turn, then the petitioner's exhibit is shown.
    speaking = await readyHearing();
    const speakers = await fillIdentities(speaking);
    secrets.push(...secretsOf(speakers));
    const hearingId = speaking.hearing.id;
    const petitioner = speakers.find((person) => person.name === '王建平') as ParticipantDetail;
    const exhibit = await speaking.core.ok('evidence.add', { hearingId, submitterId: petitioner.id, name: '房屋现场照片', form: 'documentary', pages: 1 });
    const photo = await speaking.core.files.importStream(Readable.from([signaturePng(7, 640, 480)]), { originalName: '现场照片.png', maxBytes: 10_000_000 });
    await speaking.core.ok('evidence.attachFile', { exhibitId: exhibit.id, sha256: photo.sha256, originalName: '现场照片.png' });
    await advanceTo(speaking, 'partyStatement');
    for (const person of speakers.filter((each) => ['party', 'representative', 'agent', 'agency'].includes(each.role))) {
      await speaking.core.ok('speakers.giveFloor', { hearingId, participantId: person.id });
      displays.push(await speaking.core.ok('display.view', { hearingId }));
      await speaking.core.ok('speakers.endSpeech', { hearingId });
    }
    await advanceTo(speaking, 'evidence');
    await speaking.core.ok('evidence.present', { exhibitId: exhibit.id, sha256: photo.sha256 });
    displays.push(await speaking.core.ok('display.view', { hearingId }));
  }, 120_000);

  afterAll(() => {
    held.core.close();
    speaking.core.close();
  });

  it('the display shows speakers, exhibits and the conclusion, so the scan has something to find', () => {
    expect(displays.some((view) => view.speaker?.name === '王建平')).toBe(true);
    expect(displays.some((view) => view.speaker?.name === '张志强')).toBe(true);
    expect(displays.some((view) => view.exhibit?.name === '房屋现场照片')).toBe(true);
    expect(displays.some((view) => view.announcement !== null)).toBe(true);
  });

  it('never puts an ID number, phone or address on the public display', () => {
    for (const view of displays) expect(leaksIn(JSON.stringify(view), secrets)).toEqual([]);
  });

  for (const kind of publicDocuments) {
    for (const language of ['zh-CN', 'en'] as const) {
      it(`keeps every ID number, phone and address out of the ${kind} (${language}), in every part of the .docx`, async () => {
        const generated = await held.core.ok('documents.generate', { hearingId: held.hearing.id, kind, language });
        for (const [part, xml] of Object.entries(partsOf(Buffer.from(generated.base64, 'base64')))) {
          // Searched as written and as read: Word may split one value over several runs.
          expect(leaksIn(xml, secrets), `${kind} ${part}`).toEqual([]);
          expect(leaksIn(textOf(xml), secrets), `${kind} ${part} (text)`).toEqual([]);
        }
      });
    }
  }

  it('while the 听证笔录, the official record, does carry them (so the scan would see a leak)', async () => {
    const record = await held.core.ok('documents.generate', { hearingId: held.hearing.id, kind: 'record', language: 'zh-CN' });
    const text = Object.values(partsOf(Buffer.from(record.base64, 'base64')))
      .map(textOf)
      .join('');
    expect(leaksIn(text, secrets)).not.toEqual([]);
  });
});
