import type { MinuteName } from '../../../../electron/core/contract/index.js';

/** What the clerk is typing at the caret that a name could complete, and where it starts. */
export interface NameToken {
  start: number;
  end: number;
  text: string;
}

const latinRun = /[A-Za-z]+$/;
const hanRun = /\p{Script=Han}+$/u;
/** The longest stretch of 汉字 looked at: longer names than this are rare, and a whole sentence never is one. */
const longestHan = 12;

export const suggestionLimit = 6;

/**
 * The names offered for the text before the caret: ≥2 Latin letters that
 * begin a name's pinyin initials or full pinyin (wjp, wangj → 王建平), or
 * 汉字 that begin a name (王, 王建 → 王建平). The 汉字 just typed may follow
 * others without a break (请王 → 王建平), so the longest tail that begins a
 * name counts. A name already written in full is not offered again.
 */
export function nameSuggestions(value: string, caret: number, names: readonly MinuteName[]): { token: NameToken; names: MinuteName[] } | undefined {
  const before = value.slice(0, caret);
  // A Latin token must stand on its own: "awjp" is not someone's initials.
  const latin = latinRun.exec(before);
  if (latin) {
    const text = latin[0];
    if (text.length < 2) return undefined;
    const needle = text.toLowerCase();
    const matched = names
      .map((name) => ({ name, rank: name.initials.startsWith(needle) ? (name.initials === needle ? 0 : 1) : name.pinyin.startsWith(needle) ? 2 : -1 }))
      .filter((candidate) => candidate.rank >= 0)
      .sort((a, b) => a.rank - b.rank || a.name.text.length - b.name.text.length)
      .map((candidate) => candidate.name)
      .slice(0, suggestionLimit);
    return matched.length > 0 ? { token: { start: caret - text.length, end: caret, text }, names: matched } : undefined;
  }
  const han = hanRun.exec(before);
  if (!han) return undefined;
  const run = han[0].slice(-longestHan);
  for (let length = run.length; length >= 1; length -= 1) {
    const text = run.slice(-length);
    const matched = names.filter((name) => name.text.startsWith(text) && name.text !== text);
    // Once the name is complete, stop offering it or anything longer.
    if (names.some((name) => name.text === text)) return undefined;
    if (matched.length > 0) {
      return {
        token: { start: caret - text.length, end: caret, text },
        names: matched.sort((a, b) => a.text.length - b.text.length).slice(0, suggestionLimit),
      };
    }
  }
  return undefined;
}
