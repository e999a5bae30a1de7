/**
 * Faults (issue 10, item 6): the disk is taken away from a running browser
 * host while a clerk commits minute entries and imports evidence, then given
 * back. A disk that fills up and a data folder that turns read-only must each
 * end the same way: every refused call answers a refusal the user can read
 * (never `internal`), the host keeps answering, nothing acknowledged before
 * or during the fault is lost, nothing refused appears after all, the
 * database passes `integrity_check`, and the evidence store holds only
 * complete files that no exhibit misses.
 *
 * How the disk is taken away depends on what the machine allows (see
 * support/faults.ts); a mechanism it does not allow is skipped, with the
 * reason in the test's name:
 *   - full disk: a 32 MiB tmpfs filled by a ballast file (root or
 *     CAP_SYS_ADMIN), and a file-size limit set on the host with prlimit
 *     (anyone with util-linux);
 *   - read-only: chattr +i as root (ext4, xfs, btrfs), chmod a-w otherwise.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ErrorCode, MethodInput, MethodName, MethodOutput, Result } from '../../electron/core/contract/index.js';
import type { StoredFile } from '../../electron/core/files/store.js';
import { invoke } from '../e2e/support/api.js';
import { startHost, type HostProcess } from '../e2e/support/host.js';
import { seedReadyHearing } from '../e2e/support/seed.js';
import { fileSizeLimit, readOnlyFolder, storeProblems, danglingFileReferences, tinyTmpfs, type DiskFault } from './support/faults.js';
import { inspectAfterCrash } from './support/hosts.js';
import { MinutesLedger } from './support/load.js';
import { sessionHeaders } from '../e2e/support/operators.js';

/** The host's answer to one call, refusals included: here a refusal is what is being tested. */
async function call<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  const response = await fetch(new URL('api/invoke', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...sessionHeaders(url) },
    body: JSON.stringify({ method, input }),
  });
  return (await response.json()) as Result<MethodOutput<M>>;
}

/** An evidence file through the upload route, as the renderer sends one: the HTTP status and the answer. */
async function upload(url: string, name: string, bytes: Buffer): Promise<{ status: number; result: Result<StoredFile> }> {
  const response = await fetch(new URL(`api/files?name=${encodeURIComponent(name)}`, url), {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: sessionHeaders(url),
  });
  return { status: response.status, result: (await response.json()) as Result<StoredFile> };
}

interface Clerk {
  url: string;
  hearingId: string;
  ledger: MinutesLedger;
  /** Refusals, by code, of the entries the host did not commit. */
  refusals: ErrorCode[];
}

/** Commits one entry; acknowledged ones go into the ledger, refused ones are counted. Throws when the host does not answer at all. */
async function commitEntry(clerk: Clerk): Promise<boolean> {
  const clientId = randomUUID();
  const text = clerk.ledger.nextText();
  const input = { hearingId: clerk.hearingId, clientId, kind: 'speech' as const, speakerId: null, text, startedAt: new Date().toISOString() };
  const answer = await call(clerk.url, 'minutes.append', input);
  if (answer.ok) clerk.ledger.acknowledgeAppend(clientId, answer.value);
  else clerk.refusals.push(answer.error.code);
  return answer.ok;
}

/** At most this many commits into a fault; a fault that blocks writes refuses well before. */
const maxCommitsUnderFault = 300;

async function survivesFault(fault: DiskFault): Promise<void> {
  const dataDir = fault.prepare();
  const hosts: HostProcess[] = [];
  const start = async () => {
    const host = await startHost(dataDir);
    hosts.push(host);
    return host;
  };
  try {
    let host = await start();
    const { hearing, people } = await seedReadyHearing(host.url);
    const petitioner = people['王建平']?.id as string;
    const exhibit = await invoke(host.url, 'evidence.add', {
      hearingId: hearing.id,
      submitterId: petitioner,
      name: '装修费用发票',
      source: '南宁市恒达装饰工程有限公司',
      purpose: '证明房屋装修投入18万元',
      form: 'documentary',
    });
    const photo = await upload(host.url, '装修现场照片.jpg', randomBytes(64 * 1024));
    if (!photo.result.ok) throw new Error(`upload before the fault refused: ${JSON.stringify(photo.result.error)}`);
    await invoke(host.url, 'evidence.attachFile', { exhibitId: exhibit.id, sha256: photo.result.value.sha256, originalName: '装修现场照片.jpg' });
    await invoke(host.url, 'procedure.start', { hearingId: hearing.id });

    const clerk: Clerk = { url: host.url, hearingId: hearing.id, ledger: new MinutesLedger(), refusals: [] };
    for (let entry = 0; entry < 20; entry += 1) expect(await commitEntry(clerk), 'an entry before the fault').toBe(true);

    fault.apply(host);

    // The clerk goes on: writes that fit may still be committed, then they are refused, each with a reason the user can act on.
    for (let attempt = 0; attempt < maxCommitsUnderFault && clerk.refusals.length < 3; attempt += 1) await commitEntry(clerk);
    if (fault.blocksOpenFiles) expect(clerk.refusals.length, 'commits refused under the fault').toBeGreaterThan(0);
    for (const code of clerk.refusals) expect(fault.commitRefusals, `a refused commit answered ${code}`).toContain(code);

    const video = await upload(host.url, '现场录像.mp4', randomBytes(fault.oversizeBytes()));
    expect(video.result).toMatchObject({ ok: false, error: { code: fault.importRefusal } });
    expect(video.status).toBe(400);

    // The host is still up and still answers, with everything it acknowledged.
    expect(host.child.exitCode, 'the host exited').toBeNull();
    const during = await invoke(host.url, 'minutes.list', { hearingId: hearing.id });
    expect(clerk.ledger.problemsIn(during.entries)).toEqual([]);
    expect(storeProblems(dataDir)).toEqual([]);

    fault.lift(host);

    // With the disk back, the same host commits and imports again, without a restart.
    expect(await commitEntry(clerk), 'a commit once the disk is back').toBe(true);
    const retried = await upload(host.url, '现场录像.mp4', randomBytes(fault.oversizeBytes()));
    if (!retried.result.ok) throw new Error(`the import once the disk is back was refused: ${JSON.stringify(retried.result.error)}`);
    await invoke(host.url, 'evidence.attachFile', { exhibitId: exhibit.id, sha256: retried.result.value.sha256, originalName: '现场录像.mp4' });

    // The power goes, so that only what reached the disk counts.
    await host.stop('SIGKILL');
    const disk = inspectAfterCrash(dataDir);
    expect(disk.integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(disk.audit.intact, JSON.stringify(disk.audit)).toBe(true);
    expect(storeProblems(dataDir)).toEqual([]);
    expect(danglingFileReferences(dataDir)).toEqual([]);

    host = await start();
    const after = await invoke(host.url, 'minutes.list', { hearingId: hearing.id });
    // Every acknowledged entry is back as it was, and no refused one slipped in (it would be “never sent”).
    expect(clerk.ledger.problemsIn(after.entries)).toEqual([]);
    const [attached] = (await invoke(host.url, 'evidence.list', { hearingId: hearing.id })).filter((item) => item.id === exhibit.id);
    expect(attached?.files.map((file) => file.sha256)).toEqual(expect.arrayContaining([photo.result.value.sha256, retried.result.value.sha256]));
  } finally {
    for (const host of hosts) await host.stop('SIGKILL');
    fault.dispose();
  }
}

const faults = [tinyTmpfs(), fileSizeLimit(), readOnlyFolder()];
for (const fault of faults) if (fault.unavailable) console.log(`faults: skipped “${fault.name}”: ${fault.unavailable}`);

describe('a host whose disk is taken away while a clerk commits entries and imports evidence', () => {
  for (const fault of faults) {
    const title = `${fault.name}: refuses clearly, keeps running, loses nothing, leaves nothing half-written`;
    it.skipIf(fault.unavailable !== null)(fault.unavailable ? `${title} (skipped: ${fault.unavailable})` : title, () => survivesFault(fault));
  }
});
