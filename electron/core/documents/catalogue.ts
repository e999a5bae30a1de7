import type { Document, Paragraph, Table } from 'docx';
import type { CatalogueColumn, EvidenceSide, ExhibitForm, Language } from '../contract/index.js';
import { matterIdentity, packDocumentOn, pageSection, styledDocument } from './compose.js';
import { bodyParagraph, fieldParagraph, formTable, run, sectionPagesFooter, titleParagraph, type TableColumn, type TypographyOptions } from './typography.js';

/**
 * The 证据目录 (domain.md §4): one list per side that submits evidence, each
 * in a section of its own so it starts on a new page and counts its own
 * pages, as each is signed by its submitter. The header gives 案由 and
 * 提交人; the table has 序号 and 证据名称 and the columns the office chose,
 * in the catalogue's order, as the screen's catalogue shows them; under it
 * the submitter signs and dates. An exhibit submitted once the hearing had
 * begun says so in 备注.
 */

export interface CatalogueExhibit {
  /** The 序号 as numbered: 3, or 1-2 in grouped numbering. */
  serial: string;
  name: string;
  source: string;
  purpose: string;
  pages: number | null;
  copies: number | null;
  isOriginal: boolean;
  form: ExhibitForm;
  notes: string;
  /** Submitted after the hearing started. */
  late: boolean;
}

export interface CatalogueSheet {
  side: EvidenceSide;
  /** The side in the template's words: 信访人, 办理机关, 第三人. */
  sideLabel: string;
  /** Who handed the exhibits in, in order of first exhibit. */
  submitters: readonly string[];
  /** In reading order. */
  exhibits: readonly CatalogueExhibit[];
}

export interface CatalogueDocumentData {
  /** 案由: the hearing's title. */
  matter: string;
  organizer: string;
  /** The planned sitting, local `2026-12-08T09:30`: dates the package. */
  startsAt: string;
  /** The optional columns to print (settings.catalogueColumns), in the catalogue's order. */
  columns: readonly CatalogueColumn[];
  /** The sides with exhibits, in the order of the evidence sides. */
  sheets: readonly CatalogueSheet[];
}

export interface CatalogueDocumentOptions extends TypographyOptions {
  language?: Language;
}

const labels = {
  'zh-CN': {
    title: '证据目录',
    ofSide: (side: string) => `（${side}）`,
    matter: '案由：',
    submitter: '提交人：',
    nameSeparator: '、',
    noteSeparator: '；',
    signature: '提交人（签名）：____________',
    date: '提交日期：　　　　年　　月　　日',
    empty: '本听证尚未登记证据。',
    columns: {
      number: '序号',
      name: '证据名称',
      source: '来源',
      purpose: '证明对象（证明目的）',
      pagesCopies: '页数/份数',
      original: '原件/复印件',
      form: '证据形式',
      notes: '备注',
    },
    pages: (n: number) => `${n}页`,
    copies: (n: number) => `${n}份`,
    original: { true: '原件', false: '复印件' },
    forms: {
      documentary: '书证',
      physical: '物证',
      audiovisual: '视听资料',
      electronic: '电子数据',
      testimony: '证人证言',
      expertOpinion: '鉴定意见',
      inspection: '勘验笔录',
    },
    late: '逾期提交',
    page: ['第 ', ' 页 共 ', ' 页'],
  },
  en: {
    title: 'List of Evidence',
    ofSide: (side: string) => `(${side})`,
    matter: 'Matter: ',
    submitter: 'Submitted by: ',
    nameSeparator: ', ',
    noteSeparator: '; ',
    signature: 'Signature of the submitter: ____________',
    date: 'Date submitted: ______________',
    empty: 'No exhibits have been registered for this hearing.',
    columns: {
      number: 'No.',
      name: 'Exhibit',
      source: 'Source',
      purpose: 'What it proves',
      pagesCopies: 'Pages/copies',
      original: 'Original/copy',
      form: 'Form',
      notes: 'Notes',
    },
    pages: (n: number) => `${n} pp.`,
    copies: (n: number) => `${n} cop.`,
    original: { true: 'Original', false: 'Copy' },
    forms: {
      documentary: 'Document',
      physical: 'Physical evidence',
      audiovisual: 'Audio-visual',
      electronic: 'Electronic data',
      testimony: 'Witness testimony',
      expertOpinion: 'Expert opinion',
      inspection: 'Inspection record',
    },
    late: 'Late',
    page: ['Page ', ' of ', ''],
  },
} as const;

type Labels = (typeof labels)[Language];
type Column = 'number' | 'name' | CatalogueColumn;

const DASH = '—';

/** Each column's share of the width, in characters of 小四: narrow ones keep their heading on one or two lines. */
const columnWeights: Record<Column, number> = { number: 3, name: 7, source: 5, purpose: 8, pagesCopies: 4, original: 4, form: 4, notes: 3 };
const centred: ReadonlySet<Column> = new Set<Column>(['number', 'pagesCopies', 'original', 'form']);

function cellText(column: Column, exhibit: CatalogueExhibit, l: Labels): string {
  switch (column) {
    case 'number':
      return exhibit.serial;
    case 'name':
      return exhibit.name;
    case 'source':
      return exhibit.source || DASH;
    case 'purpose':
      return exhibit.purpose || DASH;
    case 'pagesCopies':
      return `${exhibit.pages === null ? DASH : l.pages(exhibit.pages)} / ${exhibit.copies === null ? DASH : l.copies(exhibit.copies)}`;
    case 'original':
      return l.original[`${exhibit.isOriginal}`];
    case 'form':
      return l.forms[exhibit.form];
    case 'notes':
      return [exhibit.late ? l.late : '', exhibit.notes].filter(Boolean).join(l.noteSeparator);
  }
}

function sheetChildren(data: CatalogueDocumentData, sheet: CatalogueSheet, l: Labels): (Paragraph | Table)[] {
  const shown: Column[] = ['number', 'name', ...data.columns];
  const columns: TableColumn[] = shown.map((column) => ({
    header: l.columns[column],
    weight: columnWeights[column],
    align: centred.has(column) ? 'center' : 'left',
  }));
  return [
    titleParagraph(l.title, { keepNext: true }),
    fieldParagraph(l.ofSide(sheet.sideLabel), { align: 'center' }),
    fieldParagraph([run(l.matter), run(data.matter)]),
    fieldParagraph([run(l.submitter), run(sheet.submitters.join(l.nameSeparator))]),
    formTable(
      columns,
      sheet.exhibits.map((exhibit) => shown.map((column) => cellText(column, exhibit, l))),
    ),
    fieldParagraph(l.signature, { keepNext: true, linesBefore: 1 }),
    fieldParagraph(l.date),
  ];
}

/** The document, for callers that want to inspect or pack it themselves. */
export function catalogueDocument(data: CatalogueDocumentData, options: CatalogueDocumentOptions = {}): Document {
  const l = labels[options.language ?? 'zh-CN'];
  const pieces = data.sheets.length > 0 ? data.sheets.map((sheet) => sheetChildren(data, sheet, l)) : [[titleParagraph(l.title), bodyParagraph(l.empty)]];
  return styledDocument(
    matterIdentity(data, l.title),
    options,
    pieces.map((children) => pageSection(children, { default: sectionPagesFooter(l.page) }, { restartPageNumbers: true })),
  );
}

/** The .docx bytes; the same data and options give the same bytes. */
export async function buildCatalogueDocument(data: CatalogueDocumentData, options: CatalogueDocumentOptions = {}): Promise<Buffer> {
  return packDocumentOn(catalogueDocument(data, options), data.startsAt, matterIdentity(data, labels[options.language ?? 'zh-CN'].title));
}
