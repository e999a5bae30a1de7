import type { CSSProperties } from 'react';
import type { CorrectionStatus, MinuteCorrection, MinuteEntry } from '../../../../electron/core/contract/index.js';

/** A passage of an entry under a 补正 request: the disputed words while pending or refused, the new words once accepted. */
export interface CorrectionMark {
  id: string;
  start: number;
  end: number;
  status: CorrectionStatus;
}

const markStyles: Record<CorrectionStatus, CSSProperties> = {
  pending: { background: '#fff1b8', borderBottom: '3px solid #fa8c16', color: 'inherit', padding: 0 },
  refused: { background: 'transparent', textDecoration: 'underline wavy #ff4d4f', textUnderlineOffset: 6, color: 'inherit', padding: 0 },
  accepted: { background: '#f0fae8', borderBottom: '3px double #52c41a', color: 'inherit', padding: 0 },
};

/** Where each request sits in its entry today; a request whose words are no longer there is not drawn. */
export function correctionMarks(corrections: readonly MinuteCorrection[] | undefined, entries: readonly MinuteEntry[]): Map<number, CorrectionMark[]> {
  const texts = new Map(entries.map((entry) => [entry.id, entry.text]));
  const marks = new Map<number, CorrectionMark[]>();
  for (const correction of corrections ?? []) {
    const text = texts.get(correction.entryId);
    if (text === undefined) continue;
    const words = correction.status === 'accepted' ? correction.proposedText : correction.passage;
    if (!words || text.slice(correction.start, correction.start + words.length) !== words) continue;
    const list = marks.get(correction.entryId) ?? [];
    list.push({ id: correction.id, start: correction.start, end: correction.start + words.length, status: correction.status });
    marks.set(correction.entryId, list);
  }
  for (const list of marks.values()) {
    list.sort((a, b) => a.start - b.start || (a.status === 'pending' ? -1 : 1));
    // Overlapping marks: the earlier (or pending) one is drawn, the other is left to the corrections list.
    for (let index = 1; index < list.length;) {
      if ((list[index] as CorrectionMark).start < (list[index - 1] as CorrectionMark).end) list.splice(index, 1);
      else index += 1;
    }
  }
  return marks;
}

/**
 * An entry's words, with its marked passages. Everything inside the element
 * carrying `data-entry-text` is the entry's text and nothing else, so an
 * offset counted from its start is an offset in `entry.text`.
 */
export function EntryText({ entry, marks, titles }: { entry: MinuteEntry; marks: readonly CorrectionMark[]; titles: Record<CorrectionStatus, string> }) {
  const parts: Array<{ text: string; at: number; mark?: CorrectionMark }> = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) parts.push({ text: entry.text.slice(at, mark.start), at });
    parts.push({ text: entry.text.slice(mark.start, mark.end), at: mark.start, mark });
    at = mark.end;
  }
  if (at < entry.text.length) parts.push({ text: entry.text.slice(at), at });
  return (
    <span data-entry-text={entry.id} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part) =>
        part.mark ? (
          <mark key={part.at} data-correction={part.mark.status} title={titles[part.mark.status]} style={markStyles[part.mark.status]}>
            {part.text}
          </mark>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </span>
  );
}

export interface SelectedPassage {
  entryId: number;
  start: number;
  passage: string;
  /** Where the selection is on screen, for the 标记异议 button. */
  rect: { top: number; bottom: number; left: number; right: number };
}

function elementOf(node: Node): Element | null {
  return node instanceof Element ? node : node.parentElement;
}

/**
 * The passage selected inside one entry of `root`, with its offset in the
 * entry's text (counted through the entry's text element, whatever marks
 * split it). A selection running past the end of the entry into blank space
 * (a triple click) is cut to the entry; one spanning two entries is not a passage.
 */
export function readSelection(root: HTMLElement | null): SelectedPassage | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const holder = elementOf(range.startContainer)?.closest<HTMLElement>('[data-entry-text]');
  if (!holder || !root.contains(holder)) return null;
  const whole = document.createRange();
  whole.selectNodeContents(holder);
  if (range.compareBoundaryPoints(Range.END_TO_END, whole) > 0) {
    const beyond = document.createRange();
    beyond.setStart(whole.endContainer, whole.endOffset);
    beyond.setEnd(range.endContainer, range.endOffset);
    if (beyond.toString().trim() !== '') return null;
    range.setEnd(whole.endContainer, whole.endOffset);
  }
  const before = document.createRange();
  before.setStart(whole.startContainer, whole.startOffset);
  before.setEnd(range.startContainer, range.startOffset);
  const raw = range.toString();
  const passage = raw.trim();
  if (!passage) return null;
  const start = before.toString().length + (raw.length - raw.trimStart().length);
  const box = range.getBoundingClientRect();
  return { entryId: Number(holder.dataset.entryText), start, passage, rect: { top: box.top, bottom: box.bottom, left: box.left, right: box.right } };
}
