import type { DocumentKind, Language } from '../contract/index.js';
import type { Db } from '../db/index.js';
import type { HearingRecord } from '../db/hearings.js';
import type { HearingTemplate } from '../templates/schema.js';
import { recordDataOf } from './record-data.js';
import { buildRecordDocument } from './record.js';

/** What every document is built from: read-only access to one hearing. */
export interface DocumentContext {
  db: Db;
  hearing: HearingRecord;
  template: HearingTemplate;
  language: Language;
}

export interface DocumentBuilder {
  /** The document's name in a file name, per language: 听证笔录, hearing-record. */
  fileLabel: Record<Language, string>;
  build(context: DocumentContext): Promise<Buffer>;
}

/**
 * One entry per document kind, each from its own module; a kind without a
 * builder here is not offered. The service and the case package both read
 * this table, so a new document reaches both at once.
 */
export const documentBuilders: Partial<Record<DocumentKind, DocumentBuilder>> = {
  record: {
    fileLabel: { 'zh-CN': '听证笔录', en: 'hearing-record' },
    build: ({ db, hearing, template, language }) => buildRecordDocument(recordDataOf(db, hearing.id, template)!, { language, officeName: hearing.organizer }),
  },
};
