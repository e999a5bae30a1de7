import { randomUUID } from 'node:crypto';
import type { Hearing, MethodInput, MethodName, MethodOutput } from '../contract/index.js';
import type { CallContext, Router } from '../router.js';
import type { ScriptClock } from './clock.js';
import type { Sample } from './schema.js';
import { signaturePng, signatureStrokes } from './signature.js';

export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** The router as the builder uses it: a refusal stops the build, naming the call and the core's reason. */
export function callThrough(router: Router, ctx: CallContext): Call {
  return async (method, input) => {
    const result = await router.invoke(method, input, ctx);
    if (!result.ok) throw new Error(`sample: ${method} refused: ${result.error.code} ${JSON.stringify(result.error.params)}`);
    return result.value as never;
  };
}

/** One thing that happens in the hearing room, at its minute from the start. */
interface Action {
  at: number;
  run: () => Promise<unknown>;
}

/**
 * Holds the sample hearing the way a clerk would, through the core's own
 * methods: prepared some days before, checked in, every step held with its
 * minutes, deliberated, announced, rated, closed, signed by everyone and
 * finalized. The clock stands at each moment of the script as it is played,
 * so every stamp the core writes agrees with the minutes.
 */
export async function buildSample(sample: Sample, call: Call, clock: ScriptClock): Promise<Hearing> {
  const start = new Date(sample.hearing.plannedStart);
  const moment = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

  clock.set(new Date(sample.preparedAt));
  const hearing = await call('hearing.create', sample.hearing);
  const hearingId = hearing.id;
  const requestIds: string[] = [];
  for (const text of sample.requests) requestIds.push((await call('request.add', { hearingId, text })).id);

  const people = new Map<string, string>();
  const id = (name: string) => people.get(name) as string;
  for (const { arrival: _arrival, agentFor, ...person } of sample.participants) {
    const added = await call('participant.add', { hearingId, ...person, agentFor: agentFor === undefined ? null : id(agentFor) });
    people.set(person.name, added.id);
  }
  const exhibitIds: string[] = [];
  for (const { submitter, examinations: _examinations, finding: _finding, ...exhibit } of sample.exhibits) {
    exhibitIds.push((await call('evidence.add', { hearingId, submitterId: id(submitter), ...exhibit })).id);
  }

  const byArrival = [...sample.participants].sort((a, b) => a.arrival - b.arrival);
  for (const person of byArrival) {
    clock.set(moment(person.arrival));
    await call('attendance.checkIn', { participantId: id(person.name), late: false });
  }

  const actions: Action[] = [];
  sample.script.forEach((section, index) => {
    actions.push({
      at: section.at,
      run: async () => {
        const view = await call(index === 0 ? 'procedure.start' : 'procedure.next', { hearingId });
        const current = view.steps.find((step) => step.id === view.currentStepId);
        if (current?.type !== section.step)
          throw new Error(`sample: script step ${index + 1} is ${section.step}, but the agenda is at ${current?.type ?? 'its end'}`);
      },
    });
    for (const entry of section.entries) {
      actions.push({
        at: entry.at,
        run: () =>
          call('minutes.append', {
            hearingId,
            clientId: randomUUID(),
            kind: entry.kind,
            speakerId: entry.speaker === null ? null : id(entry.speaker),
            text: entry.text,
            startedAt: clock.now().toISOString(),
          }),
      });
    }
  });
  sample.exhibits.forEach((exhibit, index) => {
    const exhibitId = exhibitIds[index] as string;
    for (const { at, examiner, ...opinion } of exhibit.examinations) {
      actions.push({ at, run: () => call('evidence.examine', { exhibitId, examinerId: id(examiner), ...opinion }) });
    }
    const { at, ...finding } = exhibit.finding;
    actions.push({ at, run: () => call('evidence.find', { exhibitId, ...finding }) });
  });
  const { deliberation, satisfaction } = sample;
  actions.push({ at: deliberation.openAt, run: () => call('deliberation.open', { hearingId, ballot: deliberation.ballot }) });
  for (const vote of deliberation.votes) {
    actions.push({
      at: vote.at,
      run: () =>
        call('deliberation.vote', {
          hearingId,
          requestId: requestIds[vote.request - 1] as string,
          memberId: id(vote.member),
          outcome: vote.outcome,
          reasons: vote.reasons,
        }),
    });
  }
  actions.push({ at: deliberation.closeAt, run: () => call('deliberation.close', { hearingId, reason: '' }) });
  actions.push({ at: deliberation.announceAt, run: () => call('deliberation.announce', { hearingId, manner: deliberation.manner }) });
  const { at: ratedAt, ...rating } = satisfaction;
  actions.push({ at: ratedAt, run: () => call('satisfaction.record', { hearingId, ...rating }) });
  actions.push({ at: sample.closedAt, run: () => call('procedure.close', { hearingId }) });

  // Stable: at the same minute, a step starts before what is said in it.
  for (const action of actions.sort((a, b) => a.at - b.at)) {
    clock.set(moment(action.at));
    await action.run();
  }

  await signEveryone(sample, call, clock, hearingId, moment(sample.signing.at));
  await call('record.finalize', { hearingId });
  return call('hearing.get', { hearingId });
}

/** The signing round in the core's order, one signer a minute, each with their own drawn signature. */
async function signEveryone(sample: Sample, call: Call, clock: ScriptClock, hearingId: string, from: Date): Promise<void> {
  let view = await call('signing.view', { hearingId });
  let at = from.getTime();
  while (view.nextSignerId) {
    clock.set(new Date(at));
    const signer = view.signers.find((candidate) => candidate.participantId === view.nextSignerId);
    const strokes = signatureStrokes(signer?.name ?? view.nextSignerId, at + 20_000);
    clock.set(new Date(at + 40_000));
    view = await call('signing.sign', {
      hearingId,
      participantId: view.nextSignerId,
      closingSentence: sample.signing.closingSentence,
      image: signaturePng(strokes).toString('base64'),
      strokes,
      recordDigest: view.recordDigest,
    });
    at += 60_000;
  }
  clock.set(new Date(at));
}
