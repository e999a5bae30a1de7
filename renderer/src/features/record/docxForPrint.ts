import type { WordDocument } from 'docx-preview';

/**
 * docx-preview 0.4.1 parses a .docx into a tree of plain objects and renders
 * it as one HTML page per section or page break, but it does not lay pages out
 * (paginate.ts does) and drops every run that holds a field, so the footer's
 * 第 X 页 共 Y 页 would vanish with its words. Before rendering, this marks
 * in that tree what pagination needs, through `className`, the one property
 * the renderer carries into the HTML. It relies on the tree's shape in this
 * pinned version, which the library calls internal.
 */

/** Fields whose value only pagination knows, by their instruction's first word. */
export const pageFields = ['PAGE', 'NUMPAGES', 'SECTIONPAGES'] as const;
export type PageField = (typeof pageFields)[number];

export const fieldClass = (field: PageField) => `hd-field-${field.toLowerCase()}`;
/** A row Word repeats at the top of every page the table runs onto. */
export const repeatedRowClass = 'hd-repeated-row';
/** The first paragraph of a Word section: page numbers start again there (every multi-section document sets restartPageNumbers). */
export const sectionStartClass = 'hd-section-start';

interface Node {
  type: string;
  className?: string;
  children?: Node[];
  fieldRun?: boolean;
  isHeader?: boolean;
  sectionProps?: unknown;
  text?: string;
  charType?: string;
}

/**
 * Turns each field among a paragraph's runs into an empty run pagination
 * fills, keeping the words around it. A field spans runs (docx writes begin,
 * instruction, separate and end each in a run of its own), so the state
 * carries from one run to the next; a cached result between separate and end
 * is dropped, as pagination supplies the value.
 */
function unfoldFields(paragraph: Node): void {
  let instruction: string | null = null;
  for (const run of paragraph.children ?? []) {
    if (run.type !== 'run' || (!run.fieldRun && instruction === null)) continue;
    const children: Node[] = [];
    for (const child of run.children ?? []) {
      if (child.type === 'complexField' && child.charType === 'begin') instruction = '';
      else if (child.type === 'instruction' && instruction !== null) instruction += child.text ?? '';
      else if (child.type === 'complexField' && child.charType === 'end') {
        const field = instruction?.trim().split(/\s+/)[0]?.toUpperCase() as PageField | undefined;
        if (field && pageFields.includes(field)) children.push({ type: 'run', className: fieldClass(field), children: [] });
        instruction = null;
      } else if (instruction === null) children.push(child);
    }
    run.children = children;
    run.fieldRun = false;
  }
}

function walk(node: Node): void {
  if (node.type === 'paragraph') unfoldFields(node);
  if (node.type === 'row' && node.isHeader) node.className = repeatedRowClass;
  node.children?.forEach(walk);
}

/** Marks fields, repeated rows and section starts in the parsed document, in place. */
export function prepareForPrint(document: WordDocument): void {
  const doc = document as { documentPart: { body: Node }; parts: Array<{ rootElement?: Node }> };
  for (const part of doc.parts) if (part.rootElement) walk(part.rootElement);
  const body = doc.documentPart.body;
  walk(body);
  // A paragraph carrying sectionProps ends a Word section, so the block after it starts one.
  let startsSection = true;
  for (const block of body.children ?? []) {
    if (startsSection) block.className = [block.className, sectionStartClass].filter(Boolean).join(' ');
    startsSection = Boolean(block.sectionProps);
  }
}
