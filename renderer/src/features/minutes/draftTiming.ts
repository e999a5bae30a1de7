/**
 * How far the saved draft may lag the typing. The promise is that a crash
 * loses at most the last second: a save is sent at most 700 ms behind, which
 * leaves 300 ms for one in flight when the host dies to land or be lost.
 */
export const draftDebounceMs = 300;
export const draftMaxWaitMs = 700;
/** The promise itself, which the crash suite holds the saver to. */
export const draftMaxLossMs = 1000;
