import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/app.js';
import type { MethodInput, MethodName, MethodOutput } from '../../electron/core/contract/index.js';
import { findAppRoot } from '../../electron/core/paths.js';
import { wangJianpingHearing } from '../../test/fixtures/hearings.js';
import { cast, requestsOfWang } from '../../test/fixtures/people.js';
import { percentile, result, round, type Benchmark } from './harness.js';
import { seededRandom, SpeechGenerator } from './minutes-corpus.js';
import { tempDir } from './temp.js';

async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const outcome = await core.router.invoke(method, input, { actor: 'bench' });
  if (!outcome.ok) throw new Error(`${method} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as MethodOutput<M>;
}

/** The 王建平 hearing as a clerk has it when the minutes begin: requests entered, everyone seated and checked in, the procedure started. */
async function startedHearing(core: Core): Promise<{ hearingId: string; speakerIds: string[] }> {
  const hearing = await call(core, 'hearing.create', { ...wangJianpingHearing, agency: '青秀区住房和城乡建设局' });
  for (const text of requestsOfWang) await call(core, 'request.add', { hearingId: hearing.id, text });
  const speakerIds: string[] = [];
  for (const person of [cast.chair, ...cast.panel, cast.clerk, cast.petitioner, ...cast.representatives, ...cast.agencyStaff]) {
    speakerIds.push((await call(core, 'participant.add', { hearingId: hearing.id, ...person })).id);
  }
  const petitionerId = speakerIds[7] as string;
  speakerIds.push((await call(core, 'participant.add', { hearingId: hearing.id, ...cast.agent, agentFor: petitionerId })).id);
  for (const participantId of speakerIds) await call(core, 'attendance.checkIn', { participantId, late: false });
  await call(core, 'procedure.start', { hearingId: hearing.id });
  return { hearingId: hearing.id, speakerIds };
}

/**
 * Issue 6: a committed entry is acknowledged within twice what the disk
 * needs to make one small write durable. `minutes.append` through the router
 * as a shell calls it (validation, speaker check, one transaction with
 * synchronous=FULL, which returns after the commit is on disk), against
 * writing a 200-byte record to a file in the same folder and calling fsync
 * after each write, and comparing the 99th percentiles.
 *
 * fsync, not fdatasync: the SQLite inside better-sqlite3 is built without
 * HAVE_FDATASYNC, so its unix VFS `#define`s fdatasync to fsync, and a WAL
 * commit with synchronous=FULL is one fsync of the -wal file (`strace -f -e
 * trace=fsync,fdatasync` on this benchmark shows fsync only). An append
 * writes about 18 pages to the WAL, so every 50th or so also runs the
 * automatic checkpoint (1,000 pages): two more fsyncs on that append, and one
 * more on the next, which restarts the WAL. That is part of what the clerk
 * waits for, so it is counted.
 *
 * Disk latency wanders with whatever else the machine does, so the two are
 * taken in alternating rounds (each round starting with the other one),
 * after a warm-up of both.
 */
export const minutesAppend: Benchmark = {
  name: 'minutes.append',
  async run({ quick }) {
    const count = quick ? 1000 : 2000;
    const warmup = quick ? 50 : 200;
    const rounds = quick ? 5 : 10;
    const dir = tempDir();
    const resourcesDir = join(findAppRoot(import.meta.url), 'resources');
    const core = openCore({ dataDir: join(dir, 'data'), resourcesDir });
    const fd = openSync(join(dir, 'fsync.log'), 'a');
    try {
      const { hearingId, speakerIds } = await startedHearing(core);
      const speech = new SpeechGenerator(seededRandom(8122026));
      const words = { petitioner: '王建平', agent: '张志强', agency: '青秀区住房和城乡建设局', street: '东葛路118号' };
      const texts = Array.from({ length: warmup + count }, () => speech.entry(words));
      const kinds = ['speech', 'speech', 'speech', 'question', 'answer'] as const;
      let appended = 0;
      const append = async (): Promise<number> => {
        const index = appended;
        appended += 1;
        const input: MethodInput<'minutes.append'> = {
          hearingId,
          clientId: randomUUID(),
          kind: kinds[index % kinds.length] as (typeof kinds)[number],
          speakerId: speakerIds[index % speakerIds.length] as string,
          text: texts[index] as string,
          startedAt: new Date().toISOString(),
          offRecord: false,
        };
        const started = process.hrtime.bigint();
        const outcome = await core.router.invoke('minutes.append', input, { actor: 'bench' });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (!outcome.ok) throw new Error(`minutes.append refused: ${JSON.stringify(outcome.error)}`);
        return ms;
      };
      // A 200-byte record, as big as a long entry's text in UTF-8.
      const record = Buffer.alloc(200, Buffer.from(`${texts[0] as string}\n`));
      const fsyncOnce = (): number => {
        const started = process.hrtime.bigint();
        writeSync(fd, record);
        fsyncSync(fd);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };

      for (let index = 0; index < warmup; index += 1) {
        await append();
        fsyncOnce();
      }
      const appendMs: number[] = [];
      const fsyncMs: number[] = [];
      const perRound = Math.ceil(count / rounds);
      for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
        const size = Math.min(perRound, count - appendMs.length);
        const passes = [
          async () => {
            for (let index = 0; index < size; index += 1) appendMs.push(await append());
          },
          async () => {
            for (let index = 0; index < size; index += 1) fsyncMs.push(fsyncOnce());
          },
        ];
        if (roundIndex % 2 === 1) passes.reverse();
        for (const pass of passes) await pass();
      }

      const appendP99 = percentile(appendMs, 99);
      const fsyncP99 = percentile(fsyncMs, 99);
      const describe = (samples: number[]) =>
        `p50 ${round(percentile(samples, 50))}, p90 ${round(percentile(samples, 90))}, p99 ${round(percentile(samples, 99))}, max ${round(Math.max(...samples))} ms`;
      console.error(
        [
          `minutes.append, ${count} appends after ${warmup} to warm up, ${rounds} alternating rounds, entries of 20–200 characters by ${speakerIds.length} speakers:`,
          `  append → ack: ${describe(appendMs)}`,
          `  write 200 B + fsync: ${describe(fsyncMs)}`,
        ].join('\n'),
      );
      return result('minutes.append', appendP99, fsyncP99, 'ms p99', 2);
    } finally {
      closeSync(fd);
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
