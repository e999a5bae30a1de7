import { draftDebounceMs, draftMaxLossMs, draftMaxWaitMs } from '../../../renderer/src/features/minutes/draftTiming.js';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { MethodInput, MethodName, MethodOutput, MinuteDraft, MinuteEntry, Result } from '../../../electron/core/contract/index.js';
import { sessionHeaders } from '../../e2e/support/operators.js';

/**
 * The work of a clerk's window during a hearing, sent to a browser host over
 * the contract while the test kills it: writers committing entries, one of
 * them correcting what it wrote (each correction is a link in the audit
 * chain), and a typist whose draft is saved the way the renderer saves it.
 * Everything the host acknowledged is written down here, so that after the
 * restart the test can ask for exactly that and nothing else.
 */

/** A call the host answered; `undefined` when it never did (it died under the call, or was already dead). */
async function attempt<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> {
  let result: Result<MethodOutput<M>>;
  try {
    const response = await fetch(new URL('api/invoke', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...sessionHeaders(url) },
      body: JSON.stringify({ method, input }),
    });
    result = (await response.json()) as Result<MethodOutput<M>>;
  } catch {
    return undefined;
  }
  // A refusal is an answer, and a wrong one: nothing this load sends is invalid.
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** What a clerk at full speed produces: a different sentence every time, so each can be found again. */
export function sentence(index: number): string {
  const speech = ['评估报告没有考虑装修和附属物的价值', '补偿标准低于同地段商品房市场价', '安置房的面积和楼层都不合理', '我方已依法送达征收补偿决定书'];
  return `第${index + 1}句：${speech[index % speech.length]}，请听证员予以考虑。`;
}

const corrected = (text: string) => `${text}（经本人核对无误）`;

/** An entry the host acknowledged (or, after a restart, one it was found to have written although the kill cut off its answer). */
export interface KnownEntry {
  id: number;
  clientId: string;
  text: string;
}

/**
 * Every entry on record, across all crashes of one data folder. A write the
 * kill cut short is "unanswered": the host may or may not have committed it,
 * and either is right, but nothing else is. The minutes view does not carry
 * client ids, so entries are found by their number and an unanswered append
 * by its text (every sentence is different).
 */
export class MinutesLedger {
  readonly entries = new Map<number, KnownEntry>();
  acknowledgedAppends = 0;
  acknowledgedEdits = 0;
  private readonly unansweredAppends = new Map<string, string>();
  private readonly unansweredEdits = new Map<number, string>();
  private sequence = 0;

  nextText(): string {
    const text = sentence(this.sequence);
    this.sequence += 1;
    return text;
  }

  acknowledgeAppend(clientId: string, entry: MinuteEntry): void {
    this.entries.set(entry.id, { id: entry.id, clientId, text: entry.text });
    this.acknowledgedAppends += 1;
  }

  acknowledgeEdit(entry: MinuteEntry): void {
    const known = this.entries.get(entry.id) as KnownEntry;
    known.text = entry.text;
    this.acknowledgedEdits += 1;
  }

  unansweredAppend(clientId: string, text: string): void {
    this.unansweredAppends.set(text, clientId);
  }

  unansweredEdit(entryId: number, text: string): void {
    this.unansweredEdits.set(entryId, text);
  }

  /** Compares what the restarted host holds with what was acknowledged: each problem as a sentence. Events are the procedure's, not ours. */
  problemsIn(stored: MinuteEntry[]): string[] {
    const typed = new Map(stored.filter((entry) => entry.kind !== 'event').map((entry) => [entry.id, entry]));
    const problems: string[] = [];
    for (const known of this.entries.values()) {
      const found = typed.get(known.id);
      if (!found) problems.push(`lost: #${known.id} (${known.clientId}) “${known.text}”`);
      else if (found.text !== known.text && found.text !== this.unansweredEdits.get(known.id)) {
        problems.push(`changed: #${known.id} (${known.clientId}) “${known.text}” is now “${found.text}”`);
      }
    }
    for (const found of typed.values()) {
      if (!this.entries.has(found.id) && !this.unansweredAppends.has(found.text)) problems.push(`never sent: #${found.id} “${found.text}”`);
    }
    return problems;
  }

  /** After a check: an unanswered write that did land is on disk now, and must survive every later crash too. */
  settle(stored: MinuteEntry[]): void {
    for (const found of stored) {
      const clientId = this.unansweredAppends.get(found.text);
      if (clientId !== undefined && !this.entries.has(found.id)) this.entries.set(found.id, { id: found.id, clientId, text: found.text });
      const known = this.entries.get(found.id);
      if (known && this.unansweredEdits.get(found.id) === found.text) known.text = found.text;
    }
    this.unansweredAppends.clear();
    this.unansweredEdits.clear();
  }
}

const passage = '我再补充一点，征收范围内的其他住户补偿标准比我家高出不少，安置房的位置也比当初承诺的偏远，希望听证员一并核实。';

interface Keystroke {
  /** Length of the draft after this keystroke (an IME commits one to four characters at once). */
  length: number;
  at: number;
}

interface DraftSave {
  text: string;
  /**
   * When the saver's timer was due. The test's own event loop, busy with the
   * writers, can fire it a few ms late; that lateness is the test's, not the
   * saver's or the host's, so the one-second bound is measured from here.
   */
  dueAt: number;
  answered: boolean;
}

/**
 * Types an entry at a clerk's pace, in IME bursts with the odd pause, and
 * saves it as the renderer does: debounced, at most 700 ms behind, the
 * save sent without waiting for the last one. Times are performance.now().
 */
export class Typist {
  readonly clientId = randomUUID();
  readonly keystrokes: Keystroke[] = [];
  readonly saves: DraftSave[] = [];
  private readonly inFlight: Promise<void>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private firstAskedAt: number | null = null;
  private waiting: string | null = null;
  private dueAt = 0;
  private halted = false;
  /** A save that was scheduled but not yet sent when typing stopped: due when it would have gone out. */
  pendingDueAt: number | null = null;

  constructor(
    private readonly url: string,
    private readonly hearingId: string,
    private readonly random: () => number,
  ) {}

  textAt(length: number): string {
    return passage.repeat(Math.ceil(length / passage.length) + 1).slice(0, length);
  }

  get typed(): string {
    return this.textAt(this.keystrokes.at(-1)?.length ?? 0);
  }

  /** The most recent save the host confirmed: the floor of what a restart may give back. */
  get lastAcknowledged(): string {
    return this.saves.findLast((save) => save.answered)?.text ?? '';
  }

  async type(): Promise<void> {
    while (!this.halted) {
      const pause = this.random() < 0.1 ? 400 + this.random() * 500 : 60 + this.random() * 290;
      await new Promise((resolve) => setTimeout(resolve, pause));
      if (this.halted) break;
      const length = (this.keystrokes.at(-1)?.length ?? 0) + 1 + Math.floor(this.random() * 4);
      const keystroke = { length, at: performance.now() };
      this.keystrokes.push(keystroke);
      this.schedule(this.textAt(length), keystroke.at);
    }
    await Promise.all(this.inFlight);
  }

  /** Stops typing and saving at once: nothing is sent after this, so every save is either answered or cut short by the kill. */
  halt(): void {
    this.halted = true;
    clearTimeout(this.timer);
    if (this.waiting !== null) this.pendingDueAt = this.dueAt;
  }

  /** `now` is the keystroke's own time, so a deadline is measured from the very keystroke the test later judges. */
  private schedule(text: string, now: number): void {
    this.waiting = text;
    this.firstAskedAt ??= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(draftDebounceMs, this.firstAskedAt + draftMaxWaitMs - now));
    this.dueAt = now + wait;
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    const text = this.waiting;
    this.firstAskedAt = null;
    this.waiting = null;
    if (text === null) return;
    const save: DraftSave = { text, dueAt: this.dueAt, answered: false };
    this.saves.push(save);
    const input = { hearingId: this.hearingId, clientId: this.clientId, kind: 'speech' as const, speakerId: null, text };
    this.inFlight.push(
      attempt(this.url, 'minutes.saveDraft', input).then((answer) => {
        save.answered = answer !== undefined;
      }),
    );
  }
}

export interface DraftVerdict {
  typed: string;
  restored: string;
  lastAcknowledged: string;
  /** How long before the kill the first keystroke missing from the restored draft was typed, or null when none is missing. */
  lostTypingMs: number | null;
  /**
   * The most that may be lost, counted back from the kill: the app's promise
   * of one second, which the saver keeps by sending at most 700 ms behind and
   * leaving the rest for a save in flight when the host dies.
   */
  allowedMs: number;
}

/** What the typist lost when the host was killed at `killedAt`, given the draft the restarted host gave back. */
export function judgeDraft(typist: Typist, draft: MinuteDraft | null, killedAt: number): DraftVerdict {
  // A draft of another entry means none of this one's saves landed.
  const restored = draft?.clientId === typist.clientId ? draft.text : '';
  const firstLost = typist.keystrokes.find((keystroke) => keystroke.length > restored.length);
  return {
    typed: typist.typed,
    restored,
    lastAcknowledged: typist.lastAcknowledged,
    lostTypingMs: firstLost ? killedAt - firstLost.at : null,
    allowedMs: draftMaxLossMs,
  };
}

export interface LoadOptions {
  url: string;
  hearingId: string;
  speakerIds: string[];
  ledger: MinutesLedger;
  random: () => number;
  /** Writers committing entries as fast as the host answers; the last of them also corrects each entry it wrote. */
  writers?: number;
}

export interface Load {
  typist: Typist;
  /** Stops sending before the kill, so the only unanswered calls are those the kill cut short. */
  halt(): void;
  /** Resolves once every call in flight has been answered or has failed. */
  finished: Promise<void>;
}

export function startLoad({ url, hearingId, speakerIds, ledger, random, writers = 4 }: LoadOptions): Load {
  let halted = false;
  const typist = new Typist(url, hearingId, random);

  const writer = async (lane: number) => {
    const corrects = lane === writers - 1;
    while (!halted) {
      const clientId = randomUUID();
      const text = ledger.nextText();
      const appended = await attempt(url, 'minutes.append', {
        hearingId,
        clientId,
        kind: 'speech',
        speakerId: speakerIds[lane % speakerIds.length] ?? null,
        text,
        startedAt: new Date().toISOString(),
      });
      if (!appended) {
        ledger.unansweredAppend(clientId, text);
        continue;
      }
      ledger.acknowledgeAppend(clientId, appended);
      if (!corrects || halted) continue;
      const edit = {
        entryId: appended.id,
        expectedVersion: appended.version,
        kind: 'speech' as const,
        speakerId: appended.speakerId,
        text: corrected(text),
        offRecord: false,
      };
      const edited = await attempt(url, 'minutes.edit', edit);
      if (edited) ledger.acknowledgeEdit(edited);
      else ledger.unansweredEdit(appended.id, edit.text);
    }
  };

  const lanes = Array.from({ length: writers }, (_, lane) => writer(lane));
  return {
    typist,
    halt: () => {
      halted = true;
      typist.halt();
    },
    finished: Promise.all([...lanes, typist.type()]).then(() => undefined),
  };
}
