import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKinds, languages, type DocumentKind, type Language } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { saveDocument } from '../minutes/MinutesTools.js';
import { DocumentLayoutButton } from './DocumentLayout.js';
import { printDocument } from './printDocument.js';

/** What is being made, so only its own button spins while the others wait. */
interface Busy {
  kind: DocumentKind;
  action: 'download' | 'print';
}

const isBusy = (busy: Busy | null, kind: DocumentKind, action: Busy['action']) => busy?.kind === kind && busy.action === action;

/** Generates one document for download or for the print dialog; the button spins meanwhile. */
function useGenerate(hearingId: string, language: Language) {
  const { t } = useTranslation('record');
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const [busy, setBusy] = useState<Busy | null>(null);
  async function generate(kind: DocumentKind) {
    setBusy({ kind, action: 'download' });
    const result = await api.call('documents.generate', { hearingId, kind, language });
    setBusy(null);
    if (!result.ok) {
      void message.error(describe(result.error));
      return;
    }
    saveDocument(result.value);
    void message.success(t('documents.saved', { fileName: result.value.fileName }));
  }
  /** Every document prints from the same .docx the download gives, rendered in the app. */
  async function print(kind: DocumentKind) {
    setBusy({ kind, action: 'print' });
    try {
      const result = await printDocument(hearingId, kind, language);
      if (!result.ok) void message.error(describe(result.error));
    } catch {
      void message.error(t('documents.printFailed'));
    } finally {
      setBusy(null);
    }
  }
  return { busy, generate, print };
}

/** One row per document the hearing produces, each downloadable as Word in the chosen language. */
export function DocumentsCard({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('record');
  const { t: tc } = useTranslation();
  // Documents go to the file in Chinese unless the clerk asks otherwise, whatever the screen's language.
  const [language, setLanguage] = useState<Language>('zh-CN');
  const { busy, generate, print } = useGenerate(hearingId, language);

  return (
    <Card
      title={t('documents.title')}
      data-testid="record-documents"
      extra={
        <Segmented<Language>
          size="small"
          aria-label={t('documents.language')}
          value={language}
          onChange={setLanguage}
          options={languages.map((value) => ({ value, label: tc(`language.${value}`) }))}
        />
      }
    >
      <Flex justify="space-between" align="flex-start" gap={12}>
        <Typography.Paragraph type="secondary">{t('documents.hint')}</Typography.Paragraph>
        <DocumentLayoutButton />
      </Flex>
      <Flex vertical>
        {documentKinds.map((kind, index) => (
          <Flex
            key={kind}
            data-testid={`document-${kind}`}
            justify="space-between"
            align="center"
            gap={12}
            style={{ padding: '10px 4px', borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}
          >
            <Flex gap={8} align="center">
              <Typography.Text>{t(`documents.kinds.${kind}`)}</Typography.Text>
              {kind === 'deliberationRecord' && <Tag color="gold">{t('documents.panelOnly')}</Tag>}
            </Flex>
            <Flex gap={4}>
              <Button
                size="small"
                icon={<FileWordOutlined />}
                loading={isBusy(busy, kind, 'download')}
                disabled={busy !== null && !isBusy(busy, kind, 'download')}
                onClick={() => void generate(kind)}
              >
                {t('documents.download')}
              </Button>
              <Button
                size="small"
                type="text"
                icon={<PrinterOutlined />}
                loading={isBusy(busy, kind, 'print')}
                disabled={busy !== null && !isBusy(busy, kind, 'print')}
                onClick={() => void print(kind)}
              >
                {t('documents.print')}
              </Button>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
