import { fieldClass, pageFields, repeatedRowClass, sectionStartClass } from './docxForPrint.js';

/**
 * docx-preview renders one <section> per Word section or manual page break,
 * however long; a record of many pages would come out as one tall sheet, its
 * footer (the party's signature, 第 X 页) printed once at the end. This lays
 * each section out as A4 sheets the way Word does, roughly: whole blocks move
 * to the next sheet, tables by rows with their heading row repeated, and every
 * sheet gets the section's header and footer. Word also splits a paragraph
 * across pages; here a paragraph that does not fit moves whole, so a sheet may
 * end a little early.
 */

/** The part of the sheet below the type area's top edge that a block reaches. */
function overflowsAt(article: HTMLElement, blocks: readonly Element[]): number {
  const limit = article.getBoundingClientRect().top + article.clientHeight;
  // Half a pixel of slack: rounding must not push a block that fits onto the next sheet.
  return blocks.findIndex((block) => block.getBoundingClientRect().bottom > limit + 0.5);
}

/** An empty sheet like `sheet`: same page box, header and footer, an empty type area. */
function blankSheetLike(sheet: HTMLElement, article: HTMLElement): { sheet: HTMLElement; article: HTMLElement } {
  const next = sheet.cloneNode(false) as HTMLElement;
  const nextArticle = article.cloneNode(false) as HTMLElement;
  for (const part of Array.from(sheet.children)) next.append(part === article ? nextArticle : part.cloneNode(true));
  sheet.after(next);
  return { sheet: next, article: nextArticle };
}

/** Moves a table's rows from `from` on into a copy of the table that starts with its repeated heading rows. */
function splitTable(table: HTMLTableElement, from: number): HTMLTableElement {
  const rows = Array.from(table.rows);
  const rest = table.cloneNode(false) as HTMLTableElement;
  for (const columns of Array.from(table.querySelectorAll(':scope > colgroup'))) rest.append(columns.cloneNode(true));
  for (const row of rows.filter((candidate) => candidate.classList.contains(repeatedRowClass))) rest.append(row.cloneNode(true));
  rest.append(...rows.slice(from));
  return rest;
}

/** Splits one sheet until its type area holds what fits, returning the sheets it became. */
function layOutSheet(first: HTMLElement): HTMLElement[] {
  const sheets = [first];
  let sheet = first;
  for (;;) {
    const article = sheet.querySelector<HTMLElement>(':scope > article');
    if (!article) return sheets;
    const blocks = Array.from(article.children);
    const at = overflowsAt(article, blocks);
    if (at === -1) return sheets;
    const block = blocks[at]!;
    let moving: Element[];
    if (block instanceof HTMLTableElement) {
      const row = overflowsAt(article, Array.from(block.rows));
      const headings = Array.from(block.rows).filter((candidate) => candidate.classList.contains(repeatedRowClass)).length;
      // A table that cannot even start here (heading rows and one more) moves whole; otherwise it splits at the row.
      moving = row > headings ? [splitTable(block, row), ...blocks.slice(at + 1)] : blocks.slice(at);
    } else moving = blocks.slice(at);
    // A block taller than a whole sheet stays (cut off) rather than making blank sheets without end.
    if (at === 0 && moving[0] === block) moving.shift();
    if (moving.length === 0) return sheets;
    const next = blankSheetLike(sheet, article);
    next.article.append(...moving);
    sheets.push(next.sheet);
    sheet = next.sheet;
  }
}

/** Writes 第 X 页 共 Y 页 into the fields docxForPrint.ts kept; PAGE counts within the Word section. */
function numberPages(sheets: readonly HTMLElement[]): void {
  const sections: HTMLElement[][] = [];
  for (const sheet of sheets) {
    if (sections.length === 0 || sheet.querySelector(`.${sectionStartClass}`)) sections.push([]);
    sections.at(-1)!.push(sheet);
  }
  for (const section of sections) {
    section.forEach((sheet, index) => {
      const values = { PAGE: index + 1, NUMPAGES: sheets.length, SECTIONPAGES: section.length };
      for (const field of pageFields) {
        for (const element of Array.from(sheet.getElementsByClassName(fieldClass(field)))) element.textContent = String(values[field]);
      }
    });
  }
}

/** Lays the rendered sections of `body` out as A4 sheets, one printed page each. */
export function paginate(body: HTMLElement): void {
  const rendered = Array.from(body.querySelectorAll<HTMLElement>(':scope > section'));
  const sheets = rendered.flatMap((sheet) => {
    // A fixed height makes the type area (the article, see printStyle) exactly what is left between header and footer.
    sheet.style.height = sheet.style.minHeight;
    return layOutSheet(sheet);
  });
  numberPages(sheets);
}
