import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Segmented, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKinds, languages, type DocumentKind, type Language } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { saveDocument } from '../minutes/MinutesTools.js';
import { DocumentLayoutButton } from './DocumentLayout.js';
import { printText } from './printText.js';

/** Generates one document and hands it to the browser as a download; the button spins meanwhile. */
function useGenerate(hearingId: string, language: Language) {
  const { t } = useTranslation('record');
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const [busy, setBusy] = useState<DocumentKind | null>(null);
  async function generate(kind: DocumentKind) {
    setBusy(kind);
    const result = await api.call('documents.generate', { hearingId, kind, language });
    setBusy(null);
    if (!result.ok) {
      void message.error(describe(result.error));
      return;
    }
    saveDocument(result.value);
    void message.success(t('documents.saved', { fileName: result.value.fileName }));
  }
  /** The record prints straight from its text; the other documents only exist as Word files, which Word prints. */
  async function print(kind: DocumentKind) {
    if (kind !== 'record') return generate(kind);
    setBusy(kind);
    const result = await api.call('minutes.exportText', { hearingId });
    setBusy(null);
    if (!result.ok) {
      void message.error(describe(result.error));
      return;
    }
    printText(result.value.fileName.replace(/\.txt$/, ''), result.value.text);
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
                loading={busy === kind}
                disabled={busy !== null && busy !== kind}
                onClick={() => void generate(kind)}
              >
                {t('documents.download')}
              </Button>
              <Tooltip title={kind === 'record' ? undefined : t('documents.printHint')}>
                <Button size="small" type="text" icon={<PrinterOutlined />} disabled={busy !== null} onClick={() => void print(kind)}>
                  {t('documents.print')}
                </Button>
              </Tooltip>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
