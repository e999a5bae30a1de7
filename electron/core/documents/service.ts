import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Handlers } from '../router.js';
import { requireHearing, requireTemplate, type ServiceDeps } from '../services.js';
import { documentBuilders, documentContext } from './registry.js';

export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 王建平不服…信访事项-听证笔录.docx: the title, without what a file system refuses. */
export function documentFileName(title: string, label: string): string {
  return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 60)}-${label}.docx`;
}

export function documentHandlers({ db, templates }: ServiceDeps): Pick<Handlers, 'documents.generate'> {
  return {
    'documents.generate': async ({ hearingId, kind, language }) => {
      const hearing = requireHearing(db, hearingId);
      const builder = documentBuilders[kind];
      if (!builder) throw new AppError('documents/notAvailable', { kind });
      const bytes = await builder.build(documentContext(db, hearing, requireTemplate(templates, hearing.templateId), language));
      return {
        fileName: documentFileName(hearing.title, builder.fileLabel[language]),
        mediaType: docxType,
        base64: bytes.toString('base64'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    },
  };
}
