import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Finalization, SigningView } from '../../../electron/core/contract/index.js';
import { packageDir } from '../../../electron/core/finalize/service.js';
import { type Call, holdToTheEnd, signEveryone as signAll } from '../../fixtures/held-hearing.js';
import type { ReadyHearing } from './hearing.js';

export { signatureStrokes } from '../../fixtures/held-hearing.js';
export { signaturePng } from '../../fixtures/png.js';

/** The core's router, refusing loudly, as the shared flow calls it. */
function callOf(setup: ReadyHearing): Call {
  return (method, input) => setup.core.ok(method, input);
}

/**
 * The 王建平 hearing carried to its end against the core (test/fixtures/held-hearing.ts
 * holds the flow): the photo goes straight into the file store and the last
 * speech starts at the fixed clock's time. Only the signing round is left.
 */
export async function heldToTheEnd(setup: ReadyHearing): Promise<void> {
  await holdToTheEnd({
    call: callOf(setup),
    hearingId: setup.hearing.id,
    people: setup.people,
    storeFile: (originalName, bytes) => setup.core.files.importStream(Readable.from([bytes]), { originalName, maxBytes: 10_000_000 }),
    now: () => setup.clock.now(),
  });
}

/** Every signer who is not yet settled signs, in the round's order. */
export async function signEveryone(setup: ReadyHearing): Promise<SigningView> {
  return signAll(callOf(setup), setup.hearing.id);
}

/** Held to the end, signed by everyone and finalized: the package's path beside its finalization. */
export async function finalized(setup: ReadyHearing): Promise<{ finalization: Finalization; packagePath: string }> {
  await heldToTheEnd(setup);
  await signEveryone(setup);
  const finalization = await setup.core.ok('record.finalize', { hearingId: setup.hearing.id });
  return { finalization, packagePath: join(packageDir(setup.core.dataDir, setup.hearing.id), finalization.packageName) };
}
