import type { Hearing, ParticipantDetail, Result, SigningView } from '../../../electron/core/contract/index.js';
import { type Call, holdToTheEnd, signEveryone as signAll } from '../../fixtures/held-hearing.js';
import { invoke } from './api.js';
import { e2eNow } from './clock.js';
import { seedReadyHearing } from './seed.js';
import { sessionHeaders } from './operators.js';

interface Seeded {
  hearing: Hearing;
  people: Record<string, ParticipantDetail>;
}

/** The host's API, refusing loudly, as the shared flow calls it. */
function callOf(url: string): Call {
  return (method, input) => invoke(url, method, input);
}

async function upload(url: string, name: string, bytes: Buffer): Promise<{ sha256: string }> {
  const response = await fetch(new URL(`api/files?name=${encodeURIComponent(name)}`, url), {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: sessionHeaders(url),
  });
  const result = (await response.json()) as Result<{ sha256: string }>;
  if (!result.ok) throw new Error(`upload of ${name} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * The 王建平 hearing carried to its end through the host's API, by the flow
 * in test/fixtures/held-hearing.ts: the photo goes up through the upload
 * route, and the last speech starts at the tests' clock's time, the one the
 * host runs on.
 */
export async function seedHeldToTheEnd(url: string): Promise<Seeded> {
  const seeded = await seedReadyHearing(url);
  await holdToTheEnd({
    call: callOf(url),
    hearingId: seeded.hearing.id,
    people: seeded.people,
    storeFile: (name, bytes) => upload(url, name, bytes),
    now: e2eNow,
  });
  return seeded;
}

/** Every signer who is not yet settled signs, in the round's order. */
export async function signEveryone(url: string, hearingId: string): Promise<SigningView> {
  return signAll(callOf(url), hearingId);
}
