import { AuditOutlined, DeleteOutlined, DesktopOutlined, EditOutlined, SolutionOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Divider, Drawer, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant, type DisplayView, type Exhibit, type Participant } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { ExhibitFiles } from './ExhibitFiles.js';
import { ExaminationStatus, ExhibitTags, FindingTag, pagesAndCopies } from './ExhibitTags.js';
import { inlineImage, useSideNames } from './useEvidence.js';

function Section({ title, extra, children }: { title: string; extra?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

/** Whether the display shows this exhibit now. */
export function isPresented(exhibit: Exhibit, shown: DisplayView['exhibit'] | undefined): boolean {
  return Boolean(shown && shown.label['zh-CN'] === exhibit.label['zh-CN'] && shown.name === exhibit.name);
}

/** Shows an exhibit on the public display: the chosen file, else its first image, else its first file. */
export function usePresent(hearingId: string) {
  const { message } = App.useApp();
  const { t } = useTranslation('evidence');
  const language = useLanguage();
  const { describe } = useErrorText();
  return {
    present: async (exhibit: Exhibit, sha256?: string) => {
      const chosen = sha256 ?? (exhibit.files.find((file) => inlineImage.test(file.mediaType)) ?? exhibit.files[0])?.sha256 ?? null;
      const result = await api.call('evidence.present', { exhibitId: exhibit.id, sha256: chosen });
      if (result.ok) void message.success(t('present.done', { label: exhibit.label[language] }));
      else void message.error(describe(result.error));
    },
    stop: async () => {
      const result = await api.call('evidence.stopPresenting', { hearingId });
      if (result.ok) void message.success(t('present.stopped'));
      else void message.error(describe(result.error));
    },
  };
}

/** One exhibit in full: its entry, its files, the 质证 opinions in the record's words, the finding, and the display. */
export function ExhibitDetail({
  hearingId,
  exhibit,
  participants,
  shown,
  onEdit,
  onExamine,
  onFind,
  onClose,
}: {
  hearingId: string;
  exhibit: Exhibit;
  participants: readonly Participant[];
  shown: DisplayView['exhibit'] | undefined;
  onEdit: () => void;
  onExamine: () => void;
  onFind: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const language = useLanguage();
  const { describe } = useErrorText();
  const { sideName } = useSideNames(hearingId);
  const { present, stop } = usePresent(hearingId);
  const presented = isPresented(exhibit, shown);
  const dash = t('dash');

  async function remove() {
    const result = await api.call('evidence.remove', { exhibitId: exhibit.id });
    if (result.ok) {
      void message.success(t('detail.removed', { label: exhibit.label[language] }));
      onClose();
    } else void message.error(describe(result.error));
  }

  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      destroyOnHidden
      title={
        <Flex align="baseline" gap={10} wrap>
          <span>{exhibit.label[language]}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {exhibit.name}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={8}>
          {presented ? (
            <Button danger icon={<StopOutlined />} onClick={() => void stop()}>
              {t('present.stop')}
            </Button>
          ) : (
            <Button icon={<DesktopOutlined />} onClick={() => void present(exhibit)}>
              {t('present.button')}
            </Button>
          )}
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('actions.edit')}
          </Button>
        </Flex>
      }
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('detail.removeHint')}
          </Typography.Text>
          <Popconfirm title={t('detail.removeConfirm', { label: exhibit.label[language] })} onConfirm={() => void remove()}>
            <Button danger type="text" icon={<DeleteOutlined />}>
              {t('detail.remove')}
            </Button>
          </Popconfirm>
        </Flex>
      }
    >
      <Flex vertical gap={20}>
        <Flex gap={6} wrap>
          <Tag color="geekblue">{t(`form.kinds.${exhibit.form}`)}</Tag>
          <ExhibitTags exhibit={exhibit} />
          {presented && <Tag color="blue">{t('present.onDisplay')}</Tag>}
        </Flex>
        {presented && (
          <Alert
            type="info"
            showIcon
            icon={<DesktopOutlined />}
            title={t('present.showingThis')}
            action={
              <Button size="small" onClick={() => void stop()}>
                {t('present.stop')}
              </Button>
            }
          />
        )}
        <Descriptions
          size="small"
          bordered
          column={2}
          items={[
            {
              key: 'submitter',
              label: t('fields.submitter'),
              children: t('detail.submitterWithSide', { name: exhibit.submitterName, side: sideName(exhibit.side) }),
            },
            { key: 'form', label: t('fields.form'), children: t(`form.kinds.${exhibit.form}`) },
            { key: 'source', label: t('fields.source'), span: 2, children: exhibit.source || dash },
            { key: 'purpose', label: t('fields.purpose'), span: 2, children: exhibit.purpose || dash },
            { key: 'pagesCopies', label: t('fields.pagesCopies'), children: pagesAndCopies(t, exhibit) },
            { key: 'original', label: t('fields.original'), children: t(`original.${String(exhibit.isOriginal)}`) },
            { key: 'submittedOn', label: t('fields.submittedOn'), children: exhibit.submittedOn ? formatDate(`${exhibit.submittedOn}T00:00`, language) : dash },
            { key: 'receivedBy', label: t('fields.receivedBy'), children: exhibit.receivedBy || dash },
            { key: 'notes', label: t('fields.notes'), span: 2, children: exhibit.notes || dash },
          ]}
        />
        <Divider style={{ margin: 0 }} />
        <Section title={t('files.title', { count: exhibit.files.length })}>
          <ExhibitFiles exhibit={exhibit} presentingSha={presented ? shown?.sha256 : undefined} onPresent={(sha256) => void present(exhibit, sha256)} />
        </Section>
        <Divider style={{ margin: 0 }} />
        <Section
          title={t('examine.section')}
          extra={
            <Flex gap={8} align="center">
              <ExaminationStatus exhibit={exhibit} participants={participants} />
              <Button size="small" icon={<SolutionOutlined />} onClick={onExamine}>
                {t('examine.button')}
              </Button>
            </Flex>
          }
        >
          {exhibit.examinations.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('examine.none')} style={{ margin: 0 }} />
          ) : (
            <Flex vertical gap={8}>
              {exhibit.examinations.map((examination) => (
                <Typography.Paragraph
                  key={examination.examinerSide}
                  data-testid="examination-sentence"
                  style={{ margin: 0, padding: '8px 12px', background: '#f6f8fb', borderRadius: 6 }}
                >
                  {examination.sentence[language]}
                </Typography.Paragraph>
              ))}
            </Flex>
          )}
        </Section>
        <Divider style={{ margin: 0 }} />
        <Section
          title={t('finding.section')}
          extra={
            <Button size="small" icon={<AuditOutlined />} onClick={onFind}>
              {t('finding.button')}
            </Button>
          }
        >
          {exhibit.finding ? (
            <Flex vertical gap={6}>
              <Flex gap={8} align="center">
                <FindingTag exhibit={exhibit} />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatInstant(exhibit.finding.decidedAt, language)}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ margin: 0 }}>{exhibit.finding.reasons}</Typography.Paragraph>
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('finding.none')}</Typography.Text>
          )}
        </Section>
      </Flex>
    </Drawer>
  );
}
