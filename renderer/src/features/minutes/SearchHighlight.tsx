import type { CSSProperties } from 'react';

export type TextRange = readonly [number, number];

const markStyle: CSSProperties = { background: '#ffe58f', color: 'inherit', padding: '0 1px', borderRadius: 2 };

/**
 * Text with the search's matches marked: `ranges` are [start, end) in UTF-16
 * code units, in order and not overlapping, as `minutes.search` returns them.
 */
export function Highlighted({ text, ranges, style }: { text: string; ranges: readonly TextRange[]; style?: CSSProperties }) {
  const parts: Array<{ text: string; marked: boolean; at: number }> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    const from = Math.max(at, Math.min(start, text.length));
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    if (from > at) parts.push({ text: text.slice(at, from), marked: false, at });
    parts.push({ text: text.slice(from, to), marked: true, at: from });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false, at });
  return (
    <span style={style}>
      {parts.map((part) =>
        part.marked ? (
          <mark key={part.at} style={markStyle}>
            {part.text}
          </mark>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </span>
  );
}

/**
 * A long entry cut down to the part around its first match, so a result list
 * shows why each entry was found; the ranges move with the cut.
 */
export function excerpt(text: string, ranges: readonly TextRange[], before = 30, length = 140): { text: string; ranges: TextRange[] } {
  if (text.length <= length) return { text, ranges: [...ranges] };
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - before, text.length - length));
  const end = Math.min(text.length, start + length);
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = lead.length - start;
  const shifted = ranges
    .filter(([from, to]) => to > start && from < end)
    .map(([from, to]): TextRange => [Math.max(from, start) + shift, Math.min(to, end) + shift]);
  return { text: lead + text.slice(start, end) + tail, ranges: shifted };
}
