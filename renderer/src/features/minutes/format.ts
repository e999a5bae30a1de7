import type { MinuteEntry, MinutePhrase, MinuteSpeaker, RoleKind, StepType } from '../../../../electron/core/contract/index.js';

/**
 * The record's mark for words the clerk could not hear. The 笔录 is kept in
 * Chinese whatever the interface language, like the core's event sentences.
 */
export const inaudibleMark = '〔听不清〕';

/** 9:31, as clerks write the time of a turn. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return `${date.getHours()}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** 9:41:07, for "saved at". */
export function clockTimeWithSeconds(iso: string): string {
  const date = new Date(iso);
  return `${clockTime(iso)}:${String(date.getSeconds()).padStart(2, '0')}`;
}

/** Minutes since midnight from what a clerk types: 9:30, 09:30, 9：30, 9.30 or 0930; undefined when it is not a time. */
export function parseClock(text: string): number | undefined {
  const trimmed = text.trim();
  const match = /^(\d{1,2})[:：.](\d{2})$/.exec(trimmed) ?? /^(\d{1,2})(\d{2})$/.exec(trimmed);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

function minuteOfDay(iso: string): number {
  const date = new Date(iso);
  return date.getHours() * 60 + date.getMinutes();
}

/**
 * The entry whose words began first at or after a time of day (the earliest
 * such time, then the record's order: entries are numbered when committed,
 * and a long turn may be committed after a shorter one that began later);
 * -1 when none did.
 */
export function firstEntryAtOrAfter(entries: readonly MinuteEntry[], minutes: number): number {
  let best = -1;
  let bestMinute = Number.POSITIVE_INFINITY;
  entries.forEach((entry, index) => {
    const minute = minuteOfDay(entry.startedAt);
    if (minute >= minutes && minute < bestMinute) {
      best = index;
      bestMinute = minute;
    }
  });
  return best;
}

/** Whether a speaker matches what was typed in the quick search: name, tag, role name, pinyin initials or full pinyin. */
export function speakerMatches(speaker: MinuteSpeaker, query: string, roleName: (role: RoleKind) => string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const latin = needle.replace(/\s+/g, '');
  return (
    speaker.name.toLowerCase().includes(needle) ||
    speaker.label.toLowerCase().includes(needle) ||
    roleName(speaker.role).toLowerCase().includes(needle) ||
    (/^[a-z]+$/.test(latin) && (speaker.initials.startsWith(latin) || speaker.pinyin.startsWith(latin)))
  );
}

/** 2 when a phrase is for exactly this (step or role), 1 when it is for any, 0 when it is for another. */
function fit<T>(wanted: T | null, current: T | undefined): number {
  if (wanted === null) return 1;
  return current !== undefined && wanted === current ? 2 : 0;
}

/**
 * The palette's order: phrases for the step the hearing is at first, then
 * those for any step, then the rest; within each, those for the current
 * speaker's role, then those for anyone, then those for other roles; and
 * otherwise the template's order, then the office's own.
 */
export function orderPhrases(phrases: readonly MinutePhrase[], stepType: StepType | undefined, role: RoleKind | undefined): MinutePhrase[] {
  const score = (phrase: MinutePhrase) => fit(phrase.stepType, stepType) * 3 + fit(phrase.role, role);
  return phrases
    .map((phrase, index) => ({ phrase, index, score: score(phrase) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ phrase }) => phrase);
}

/** What the palette marks a phrase with: written for this step, or for this speaker's role. */
export function phraseFits(phrase: MinutePhrase, stepType: StepType | undefined, role: RoleKind | undefined): 'step' | 'role' | undefined {
  if (stepType && phrase.stepType === stepType) return 'step';
  if (role && phrase.role === role) return 'role';
  return undefined;
}
