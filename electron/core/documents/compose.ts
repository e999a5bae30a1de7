import { Document, type ISectionOptions, type Paragraph } from 'docx';
import { packDocument } from './pack.js';
import { documentStyles, sectionProperties, titleParagraph, type TypographyOptions } from './typography.js';

/**
 * What every generated document puts around its own content: the title and
 * author it states of itself, the house styles, its sections on the house
 * page, and a package dated by the data. One place, so the documents cannot
 * drift apart in any of these.
 */

/** The title and author a .docx states of itself: in the document, and again in the package's core properties. */
export interface DocumentIdentity {
  title: string;
  creator: string;
}

/** A document about a matter: its file title names the matter, then the kind of document; the organizer is its author. */
export function matterIdentity(data: { matter: string; organizer: string }, kind: string): DocumentIdentity {
  return { title: `${data.matter} ${kind}`, creator: data.organizer };
}

/** The document's title, under the office's name where one is set. */
export function officeTitle(officeName: string | undefined, title: string): Paragraph[] {
  const office = officeName?.trim();
  return office ? [titleParagraph(office, { keepNext: true }), titleParagraph(title)] : [titleParagraph(title)];
}

/** A section on the house page; a piece handed over on its own restarts its page numbers. */
export function pageSection(
  children: ISectionOptions['children'],
  footers: NonNullable<ISectionOptions['footers']>,
  options: { restartPageNumbers?: boolean } = {},
): ISectionOptions {
  return { properties: sectionProperties(options), footers, children };
}

/**
 * A document in the house styles. Word shows a section's even-page footer
 * (the 公文 page number on the left) only where the document turns even and
 * odd footers on, so it is turned on exactly when a section has one.
 */
export function styledDocument(identity: DocumentIdentity, options: TypographyOptions, sections: readonly ISectionOptions[]): Document {
  return new Document({
    ...identity,
    styles: documentStyles(options),
    evenAndOddHeaderAndFooters: sections.some((section) => section.footers?.even !== undefined),
    sections,
  });
}

/**
 * The .docx bytes of a document dated by a day of its data (`2026-12-08`, or
 * a local date-time that starts with it): the package's time is that day at
 * 00:00 UTC, so the same data gives the same bytes wherever it is built.
 */
export function packDocumentOn(document: Document, day: string, identity: DocumentIdentity): Promise<Buffer> {
  return packDocument(document, { timestamp: `${day.slice(0, 10)}T00:00:00Z`, ...identity });
}
