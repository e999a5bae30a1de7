import type { Document } from 'docx';
import { formatAppointment, type Language } from '../contract/index.js';
import { matterIdentity, packDocumentOn, pageSection, styledDocument } from './compose.js';
import { fieldParagraph, formTable, grid, run, sectionPagesFooter, titleParagraph, type TableColumn, type TypographyOptions } from './typography.js';

/**
 * The 签到表 (domain.md §3 step 0, §8): the matter, time and place, then one
 * row per person with 序号, 姓名, 身份, 单位/职务, the time the clerk checked
 * them in, and a wide empty cell for the signature. It lies on the table for
 * anyone to see, so the data has no identity number or phone to print.
 */

export interface SignInRow {
  name: string;
  /** The role in the template's words: 主持人, 听证员, 信访人, 办理机关 …. */
  roleLabel: string;
  organization: string;
  post: string;
  /** When the clerk checked them in, local `2026-12-08T09:20`; null if not (yet). */
  arrivedAt: string | null;
  /** Marked absent: the time cell says so, and the signature cell stays empty. */
  absent: boolean;
}

export interface SignInSheetData {
  matter: string;
  organizer: string;
  /** The planned sitting, local `2026-12-08T09:30`. */
  startsAt: string;
  venue: string;
  /** In the order they are to sign: role by role, then as the roster lists them. */
  rows: readonly SignInRow[];
}

export interface SignInSheetOptions extends TypographyOptions {
  language?: Language;
}

const labels = {
  'zh-CN': {
    title: '听证签到表',
    matter: '事由：',
    time: '时间：',
    venue: '地点：',
    columns: { number: '序号', name: '姓名', role: '身份', affiliation: '单位/职务', arrivedAt: '签到时间', signature: '签名' },
    affiliation: (organization: string, post: string) => `${organization}${post}`,
    absent: '未到',
    page: ['第 ', ' 页 共 ', ' 页'],
  },
  en: {
    title: 'Hearing Sign-in Sheet',
    matter: 'Matter: ',
    time: 'Time: ',
    venue: 'Place: ',
    columns: { number: 'No.', name: 'Name', role: 'Capacity', affiliation: 'Organization / post', arrivedAt: 'Signed in', signature: 'Signature' },
    affiliation: (organization: string, post: string) => [organization, post].filter(Boolean).join(', '),
    absent: 'absent',
    page: ['Page ', ' of ', ''],
  },
} as const satisfies Record<Language, unknown>;

/** A grid line and a half a row, 15 mm: room for a name written by hand. */
const rowHeight = Math.round(1.5 * grid.linePitch);

/** `2026-12-08T09:20` → 09:20. */
const clockOf = (local: string) => (local.split('T')[1] ?? '').slice(0, 5);

/** The document, for callers that want to inspect or pack it themselves. */
export function signInSheetDocument(data: SignInSheetData, options: SignInSheetOptions = {}): Document {
  const language = options.language ?? 'zh-CN';
  const l = labels[language];
  // The signature takes the widest share: a name written by hand needs more room than one printed.
  const columns: TableColumn[] = [
    { header: l.columns.number, weight: 3, align: 'center' },
    { header: l.columns.name, weight: 5, align: 'center' },
    { header: l.columns.role, weight: 5, align: 'center' },
    { header: l.columns.affiliation, weight: 9 },
    { header: l.columns.arrivedAt, weight: 4, align: 'center' },
    { header: l.columns.signature, weight: 8 },
  ];
  const rows = data.rows.map((row, index) => [
    String(index + 1),
    row.name,
    row.roleLabel,
    l.affiliation(row.organization, row.post),
    row.absent ? l.absent : row.arrivedAt ? clockOf(row.arrivedAt) : '',
    '',
  ]);
  return styledDocument(matterIdentity(data, l.title), options, [
    pageSection(
      [
        titleParagraph(l.title),
        fieldParagraph([run(l.matter), run(data.matter)]),
        fieldParagraph([run(l.time), run(formatAppointment(data.startsAt, language))]),
        fieldParagraph([run(l.venue), run(data.venue)]),
        formTable(columns, rows, { minRowHeight: rowHeight }),
      ],
      { default: sectionPagesFooter(l.page) },
    ),
  ]);
}

/** The .docx bytes; the same data and options give the same bytes. */
export async function buildSignInSheet(data: SignInSheetData, options: SignInSheetOptions = {}): Promise<Buffer> {
  return packDocumentOn(signInSheetDocument(data, options), data.startsAt, matterIdentity(data, labels[options.language ?? 'zh-CN'].title));
}
