import { randomUUID } from 'node:crypto';
import type { Handlers } from '../router.js';
import { deleteQueueEntry, insertQueueEntry, insertSpeech, updateSpeech, writeProcedure, type SpeechRecord } from '../db/procedure.js';
import { AppError } from '../errors.js';
import type { ServiceDeps } from '../services.js';
import { sideOfRole } from '../templates/schema.js';
import { runningMs } from './clock.js';
import type { Loaded, ProcedureKit } from './service.js';

type SpeakerHandlers = Pick<
  Handlers,
  | 'speakers.enqueue'
  | 'speakers.dequeue'
  | 'speakers.giveFloor'
  | 'speakers.endSpeech'
  | 'speakers.pauseClock'
  | 'speakers.resumeClock'
  | 'speakers.setLimit'
  | 'speakers.setBudgets'
>;

function openSpeechOf(loaded: Loaded): SpeechRecord {
  const speech = loaded.speeches.find((candidate) => candidate.endedAt === null);
  if (!speech) throw new AppError('speakers/noSpeech', {});
  return speech;
}

/** The list of speakers and the clock of whoever has the floor (design.md §8: OpenSlides' list of speakers). */
export function speakerHandlers({ db }: ServiceDeps, kit: ProcedureKit): SpeakerHandlers {
  function speakerFor(loaded: Loaded, participantId: string) {
    const person = loaded.participants.find((participant) => participant.id === participantId);
    const rule = person && loaded.roles.find((role) => role.kind === person.role);
    if (!person || !rule?.speaks || person.recused) throw new AppError('speakers/cannotSpeak', { name: person?.name ?? '' });
    return person;
  }

  const inSession = (loaded: Loaded) => {
    if (loaded.procedure.state !== 'inProgress') throw new AppError('speakers/notInSession', { state: loaded.procedure.state });
  };

  return {
    'speakers.enqueue': ({ hearingId, participantId }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      if (loaded.procedure.state === 'closed') throw new AppError('speakers/notInSession', { state: 'closed' });
      const person = speakerFor(loaded, participantId);
      if (loaded.queue.some((entry) => entry.participantId === participantId)) throw new AppError('speakers/alreadyQueued', { name: person.name });
      const position = (loaded.queue.at(-1)?.position ?? 0) + 1;
      return kit.commit(loaded, 'speakers.enqueue', () =>
        insertQueueEntry(db, { id: randomUUID(), hearingId, participantId, position, addedAt: loaded.now.toISOString() }),
      );
    },
    'speakers.dequeue': ({ hearingId, queueId }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      if (!loaded.queue.some((entry) => entry.id === queueId)) throw new AppError('speakers/queueEmpty', {});
      return kit.commit(loaded, 'speakers.dequeue', () => deleteQueueEntry(db, queueId));
    },
    'speakers.giveFloor': ({ hearingId, participantId, limitSeconds }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      inSession(loaded);
      const chosen = participantId ?? loaded.queue[0]?.participantId;
      if (!chosen) throw new AppError('speakers/queueEmpty', {});
      const person = speakerFor(loaded, chosen);
      const previous = loaded.speeches.find((candidate) => candidate.endedAt === null);
      const nowIso = loaded.now.toISOString();
      const limitMs = (limitSeconds ?? loaded.speakingMinutes * 60) * 1000;
      const side = sideOfRole[person.role];
      return kit.commit(
        loaded,
        'speakers.giveFloor',
        () => {
          if (previous)
            updateSpeech(db, { ...previous, elapsedMs: runningMs(previous.elapsedMs, previous.runningSince, loaded.now), runningSince: null, endedAt: nowIso });
          for (const entry of loaded.queue.filter((queued) => queued.participantId === chosen)) deleteQueueEntry(db, entry.id);
          insertSpeech(db, {
            id: randomUUID(),
            hearingId,
            stepId: loaded.procedure.currentStepId,
            participantId: chosen,
            side,
            limitMs,
            startedAt: nowIso,
            endedAt: null,
            elapsedMs: 0,
            runningSince: nowIso,
          });
        },
        [
          ...(previous
            ? [
                {
                  kind: 'floor.ended' as const,
                  participantId: previous.participantId,
                  name: loaded.participants.find((participant) => participant.id === previous.participantId)?.name ?? '',
                  spokenMs: runningMs(previous.elapsedMs, previous.runningSince, loaded.now),
                },
              ]
            : []),
          { kind: 'floor.given', participantId: chosen, name: person.name, role: person.role, side, limitMs },
        ],
      );
    },
    'speakers.endSpeech': ({ hearingId }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      const speech = openSpeechOf(loaded);
      const spokenMs = runningMs(speech.elapsedMs, speech.runningSince, loaded.now);
      const name = loaded.participants.find((participant) => participant.id === speech.participantId)?.name ?? '';
      return kit.commit(
        loaded,
        'speakers.endSpeech',
        () => updateSpeech(db, { ...speech, elapsedMs: spokenMs, runningSince: null, endedAt: loaded.now.toISOString() }),
        [{ kind: 'floor.ended', participantId: speech.participantId, name, spokenMs }],
      );
    },
    'speakers.pauseClock': ({ hearingId }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      const speech = openSpeechOf(loaded);
      if (!speech.runningSince) return kit.commit(loaded, 'speakers.pauseClock', () => undefined);
      return kit.commit(loaded, 'speakers.pauseClock', () =>
        updateSpeech(db, { ...speech, elapsedMs: runningMs(speech.elapsedMs, speech.runningSince, loaded.now), runningSince: null }),
      );
    },
    'speakers.resumeClock': ({ hearingId }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      inSession(loaded);
      const speech = openSpeechOf(loaded);
      if (speech.runningSince) return kit.commit(loaded, 'speakers.resumeClock', () => undefined);
      return kit.commit(loaded, 'speakers.resumeClock', () => updateSpeech(db, { ...speech, runningSince: loaded.now.toISOString() }));
    },
    'speakers.setLimit': ({ hearingId, limitSeconds }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      const speech = openSpeechOf(loaded);
      return kit.commit(loaded, 'speakers.setLimit', () => updateSpeech(db, { ...speech, limitMs: limitSeconds * 1000 }));
    },
    'speakers.setBudgets': ({ hearingId, petitionerSeconds, agencySeconds }, ctx) => {
      const loaded = kit.load(hearingId, ctx);
      return kit.commit(loaded, 'speakers.setBudgets', () =>
        writeProcedure(db, {
          ...loaded.procedure,
          petitionerBudgetMs: petitionerSeconds === null ? null : petitionerSeconds * 1000,
          agencyBudgetMs: agencySeconds === null ? null : agencySeconds * 1000,
        }),
      );
    },
  };
}
