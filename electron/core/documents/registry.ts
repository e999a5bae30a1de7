import type { DocumentKind, Language } from '../contract/index.js';
import type { Db } from '../db/index.js';
import type { HearingRecord } from '../db/hearings.js';
import { readSettings } from '../settings/service.js';
import type { HearingTemplate } from '../templates/schema.js';
import { deliberationRecordDataOf } from './deliberation-record-data.js';
import { buildDeliberationRecordDocument } from './deliberation-record.js';
import { catalogueDataOf } from './catalogue-data.js';
import { buildCatalogueDocument } from './catalogue.js';
import { noticeDataOf } from './notice-data.js';
import { buildNoticeDocument } from './notice.js';
import { recordDataOf } from './record-data.js';
import { buildRecordDocument } from './record.js';
import { reportDataOf } from './report-data.js';
import { buildReportDocument } from './report.js';
import { signInSheetDataOf } from './sign-in-sheet-data.js';
import { buildSignInSheet } from './sign-in-sheet.js';

/** What every document is built from: read-only access to one hearing. */
export interface DocumentContext {
  db: Db;
  hearing: HearingRecord;
  template: HearingTemplate;
  language: Language;
  /** The office's layout settings: its name above titles (else the hearing's organizing body) and bold headings. */
  layout: { officeName: string; boldHeadings: boolean };
}

/** A hearing's document context with the office's layout settings as they stand. */
export function documentContext(db: Db, hearing: HearingRecord, template: HearingTemplate, language: Language): DocumentContext {
  const { officeName, boldHeadings } = readSettings(db);
  return { db, hearing, template, language, layout: { officeName, boldHeadings } };
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
  notice: {
    fileLabel: { 'zh-CN': '听证通知书', en: 'hearing-notice' },
    build: ({ db, hearing, template, language, layout }) =>
      buildNoticeDocument(noticeDataOf(db, hearing.id, template, language)!, { language, boldHeadings: layout.boldHeadings }),
  },
  signInSheet: {
    fileLabel: { 'zh-CN': '签到表', en: 'sign-in-sheet' },
    build: ({ db, hearing, template, language, layout }) =>
      buildSignInSheet(signInSheetDataOf(db, hearing.id, template, language)!, { language, boldHeadings: layout.boldHeadings }),
  },
  catalogue: {
    fileLabel: { 'zh-CN': '证据目录', en: 'evidence-list' },
    build: ({ db, hearing, template, language, layout }) =>
      buildCatalogueDocument(catalogueDataOf(db, hearing.id, template, language)!, { language, boldHeadings: layout.boldHeadings }),
  },
  record: {
    fileLabel: { 'zh-CN': '听证笔录', en: 'hearing-record' },
    build: ({ db, hearing, template, language, layout }) =>
      buildRecordDocument(recordDataOf(db, hearing.id, template)!, {
        language,
        officeName: layout.officeName || hearing.organizer,
        boldHeadings: layout.boldHeadings,
      }),
  },
  deliberationRecord: {
    fileLabel: { 'zh-CN': '评议笔录', en: 'deliberation-record' },
    build: ({ db, hearing, template, language, layout }) =>
      buildDeliberationRecordDocument(deliberationRecordDataOf(db, hearing, template), {
        language,
        officeName: layout.officeName || hearing.organizer,
        boldHeadings: layout.boldHeadings,
      }),
  },
  report: {
    fileLabel: { 'zh-CN': '听证报告', en: 'hearing-report' },
    build: ({ db, hearing, template, language, layout }) =>
      buildReportDocument(reportDataOf(db, hearing, template), { language, boldHeadings: layout.boldHeadings }),
  },
};
