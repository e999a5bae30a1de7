import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Handlers } from '../router.js';
import { requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import { buildRecordDocument } from './record.js';
import { recordDataOf } from './record-data.js';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 王建平不服…信访事项-听证笔录.docx: the title, without what a file system refuses. */
function fileNameFor(title: string, document: string): string {
  return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 60)}-${document}.docx`;
}

export function documentHandlers({ db, templates }: ServiceDeps): Pick<Handlers, 'documents.record'> {
  return {
    'documents.record': async ({ hearingId, language }) => {
      const hearing = requireHearing(db, hearingId);
      const data = recordDataOf(db, hearingId, requireTemplate(templates, hearing.templateId));
      if (!data) throw new AppError('hearing/notFound', { hearingId });
      const bytes = await buildRecordDocument(data, { language, officeName: hearing.organizer });
      return {
        fileName: fileNameFor(hearing.title, language === 'zh-CN' ? '听证笔录' : 'hearing-record'),
        mediaType: docxType,
        base64: bytes.toString('base64'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    },
  };
}
