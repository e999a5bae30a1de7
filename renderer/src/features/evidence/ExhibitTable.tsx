import { ArrowDownOutlined, ArrowUpOutlined, DesktopOutlined, EyeOutlined, PaperClipOutlined, SolutionOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayView, EvidenceSide, Exhibit, Participant } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { isPresented } from './ExhibitDetail.js';
import { ExaminationStatus, ExhibitTags, FindingTag, pagesAndCopies } from './ExhibitTags.js';

/** The opinions in the record's words and the finding's reasons, under the row they belong to. */
function Opinions({ exhibit }: { exhibit: Exhibit }) {
  const { t } = useTranslation('evidence');
  const language = useLanguage();
  return (
    <Flex vertical gap={6} style={{ padding: '2px 0' }}>
      {exhibit.examinations.map((examination) => (
        <Typography.Text key={examination.examinerSide} data-testid="examination-sentence">
          {examination.sentence[language]}
        </Typography.Text>
      ))}
      {exhibit.finding && (
        <Typography.Text type="secondary">
          {t('finding.line', { finding: t(`findings.${exhibit.finding.finding}`), reasons: exhibit.finding.reasons })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** One side's exhibits in number order, with what has been done with each; in grouped numbering an exhibit moves within its group. */
export function ExhibitTable({
  side,
  sideName,
  exhibits,
  grouped,
  participants,
  shown,
  onOpen,
  onExamine,
}: {
  side: EvidenceSide;
  sideName: string;
  exhibits: Exhibit[];
  grouped: boolean;
  participants: readonly Participant[];
  shown: DisplayView['exhibit'] | undefined;
  onOpen: (exhibit: Exhibit) => void;
  onExamine: (exhibit: Exhibit) => void;
}) {
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const language = useLanguage();
  const { describe } = useErrorText();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const hasOpinions = (exhibit: Exhibit) => exhibit.examinations.length > 0 || exhibit.finding !== null;
  const expanded = exhibits.filter((exhibit) => hasOpinions(exhibit) && !collapsed.has(exhibit.id)).map((exhibit) => exhibit.id);
  const peersOf = (exhibit: Exhibit) => (grouped ? exhibits.filter((other) => other.group === exhibit.group).length : exhibits.length);

  async function move(exhibit: Exhibit, by: -1 | 1) {
    const result = await api.call('evidence.move', { exhibitId: exhibit.id, position: exhibit.number + by });
    if (!result.ok) void message.error(describe(result.error));
  }

  return (
    <Card
      size="small"
      data-testid={`exhibits-${side}`}
      styles={{ body: { padding: 0 } }}
      title={
        <Flex align="baseline" gap={10}>
          <span>{t('register.sideTitle', { side: sideName })}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('register.count', { count: exhibits.length })}
          </Typography.Text>
        </Flex>
      }
    >
      <Table<Exhibit>
        rowKey="id"
        size="middle"
        dataSource={exhibits}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('register.emptySide', { side: sideName })} /> }}
        expandable={{
          expandedRowKeys: expanded,
          rowExpandable: hasOpinions,
          expandedRowRender: (exhibit) => <Opinions exhibit={exhibit} />,
          onExpand: (open, exhibit) =>
            setCollapsed((before) => {
              const next = new Set(before);
              if (open) next.delete(exhibit.id);
              else next.add(exhibit.id);
              return next;
            }),
        }}
        columns={[
          {
            key: 'label',
            title: t('columns.label'),
            width: 128,
            render: (_, exhibit) => (
              <Flex vertical gap={2}>
                <Typography.Text strong>{exhibit.label[language]}</Typography.Text>
                {isPresented(exhibit, shown) && (
                  <Tag color="blue" icon={<DesktopOutlined />} style={{ alignSelf: 'flex-start' }}>
                    {t('present.onDisplay')}
                  </Tag>
                )}
              </Flex>
            ),
          },
          {
            key: 'name',
            title: t('columns.name'),
            render: (_, exhibit) => (
              <Flex gap={6} align="center" wrap>
                <Typography.Link onClick={() => onOpen(exhibit)}>{exhibit.name}</Typography.Link>
                <ExhibitTags exhibit={exhibit} />
              </Flex>
            ),
          },
          { key: 'form', title: t('columns.form'), width: 96, render: (_, exhibit) => t(`form.kinds.${exhibit.form}`) },
          { key: 'pagesCopies', title: t('columns.pagesCopies'), width: 104, render: (_, exhibit) => pagesAndCopies(t, exhibit) },
          { key: 'original', title: t('columns.original'), width: 104, render: (_, exhibit) => t(`original.${String(exhibit.isOriginal)}`) },
          { key: 'submitter', title: t('columns.submitter'), width: 88, render: (_, exhibit) => exhibit.submitterName },
          {
            key: 'files',
            title: t('columns.files'),
            width: 64,
            render: (_, exhibit) => (
              <Tooltip title={exhibit.files.map((file) => file.originalName).join(t('catalogue.nameSeparator')) || t('files.none')}>
                <span aria-label={t('files.count', { count: exhibit.files.length })} style={{ color: exhibit.files.length ? undefined : '#aaa' }}>
                  <PaperClipOutlined /> {exhibit.files.length}
                </span>
              </Tooltip>
            ),
          },
          {
            key: 'examination',
            title: t('columns.examination'),
            width: 108,
            render: (_, exhibit) => <ExaminationStatus exhibit={exhibit} participants={participants} />,
          },
          { key: 'finding', title: t('columns.finding'), width: 84, render: (_, exhibit) => <FindingTag exhibit={exhibit} /> },
          {
            key: 'actions',
            title: t('columns.actions'),
            width: 196,
            render: (_, exhibit) => {
              const label = exhibit.label[language];
              return (
                <Flex gap={2} align="center">
                  <Tooltip title={t('actions.up')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={exhibit.number === 1}
                      aria-label={t('actions.upNamed', { label })}
                      onClick={() => void move(exhibit, -1)}
                    />
                  </Tooltip>
                  <Tooltip title={t('actions.down')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={exhibit.number === peersOf(exhibit)}
                      aria-label={t('actions.downNamed', { label })}
                      onClick={() => void move(exhibit, 1)}
                    />
                  </Tooltip>
                  <Button size="small" icon={<SolutionOutlined />} aria-label={t('examine.buttonNamed', { label })} onClick={() => onExamine(exhibit)}>
                    {t('examine.short')}
                  </Button>
                  <Button size="small" icon={<EyeOutlined />} aria-label={t('actions.openNamed', { label })} onClick={() => onOpen(exhibit)}>
                    {t('actions.open')}
                  </Button>
                </Flex>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
