import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printPage, type DocumentKind, type Language } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { renderSheets } from './printSheets.js';

/**
 * One document as A4 sheets on a page of its own (#/print/…), for the PDF
 * renderers: a hidden Electron window and headless Chromium load it, wait for
 * printPage.readyAttribute on <html>, and print it. `failed` instead says the
 * document could not be made; the page then shows why.
 */
export function PrintPage({ hearingId, kind, language }: { hearingId: string; kind: DocumentKind; language: Language }) {
  const { t } = useTranslation('record');
  const { describe } = useErrorText();
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const root = document.documentElement;
    const sheets = container.current;
    if (!sheets) return;
    let cancelled = false;
    let removeStyles = () => {};
    const fail = (reason: string) => {
      setFailure(reason);
      root.setAttribute(printPage.readyAttribute, 'failed');
    };
    root.removeAttribute(printPage.readyAttribute);
    void (async () => {
      const result = await api.call('documents.generate', { hearingId, kind, language });
      if (cancelled) return;
      if (!result.ok) return fail(describe(result.error));
      removeStyles = await renderSheets(result.value, sheets);
      if (cancelled) {
        removeStyles();
        return sheets.replaceChildren();
      }
      // The PDF's title is the document's, as a saved .docx would be named.
      document.title = result.value.fileName.replace(/\.docx$/, '');
      root.setAttribute(printPage.readyAttribute, 'ready');
    })().catch(() => {
      if (!cancelled) fail(t('documents.printFailed'));
    });
    // A second run (StrictMode, another document) starts from an empty page.
    return () => {
      cancelled = true;
      removeStyles();
      sheets.replaceChildren();
      root.removeAttribute(printPage.readyAttribute);
    };
  }, [hearingId, kind, language, describe, t]);

  return (
    <>
      {failure !== null && <Alert type="error" showIcon role="alert" title={failure} />}
      <div ref={container} style={{ width: '210mm' }} />
    </>
  );
}
