import { Document } from 'docx';
import { formatDate, localDateTime } from '../contract/index.js';
import type { HearingRecord } from '../db/hearings.js';
import { packDocument } from './pack.js';
import { bodyParagraph, documentStyles, linesOf, run, sectionProperties, titleParagraph } from './typography.js';

export interface AddendumData {
  hearing: HearingRecord;
  number: number;
  text: string;
  reason: string;
  /** ISO instant the addendum was made. */
  createdAt: string;
  /** The sealed package this amends: the original stays as it was, and this names it. */
  originalManifestSha256: string;
}

/**
 * 补正笔录: the only way to change a finalized record (domain.md §5). It
 * names the original package by its manifest hash, states what is corrected
 * and why, and leaves lines for the signatures the correction needs.
 */
export async function buildAddendumDocument(data: AddendumData): Promise<Buffer> {
  const made = localDateTime(data.createdAt);
  const document = new Document({
    title: `${data.hearing.title} 补正笔录（第${data.number}号）`,
    creator: data.hearing.organizer,
    styles: documentStyles(),
    sections: [
      {
        properties: sectionProperties(),
        children: [
          ...(data.hearing.organizer ? [titleParagraph(data.hearing.organizer, { keepNext: true })] : []),
          titleParagraph(`补正笔录（第${data.number}号）`),
          bodyParagraph([run(`案由：${data.hearing.title}`)]),
          bodyParagraph([run(`案号：${data.hearing.matterNo}`)]),
          bodyParagraph([run(`原案卷清单指纹（SHA-256）：${data.originalManifestSha256}`)]),
          bodyParagraph([run(`补正理由：${data.reason}`)]),
          bodyParagraph([run('补正内容：')]),
          bodyParagraph(linesOf(data.text)),
          bodyParagraph([run('原笔录保持不变，本补正笔录与原笔录一并存档。')]),
          bodyParagraph([run('主持人（签名）：　　　　　　　　记录员（签名）：')]),
          bodyParagraph([run(formatDate(made, 'zh-CN'))], { align: 'right', rightIndent: 4 }),
        ],
      },
    ],
  });
  return packDocument(document, {
    timestamp: data.createdAt.replace(/\.\d{3}Z$/, 'Z'),
    title: `${data.hearing.title} 补正笔录`,
    creator: data.hearing.organizer,
  });
}
