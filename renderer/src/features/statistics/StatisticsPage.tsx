import { BarChartOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveFilter, StatisticsKind } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { ArchiveFilterBar } from '../archive/ArchiveFilterBar.js';
import { isFiltered, useArchiveState } from '../archive/archiveState.js';
import { saveDocument } from '../minutes/MinutesTools.js';
import { OutcomesCard, PerMonthCard, SatisfactionCard, SpeakingCard, StepsCard } from './ChartCards.js';
import { FigureCards } from './FigureCards.js';

/** The 台账 or the statistics as .xlsx, over the same filter as the screen, in the screen's language. */
function ExportButtons({ filter, disabled }: { filter: ArchiveFilter; disabled: boolean }) {
  const { t } = useTranslation('statistics');
  const language = useLanguage();
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const [busy, setBusy] = useState<StatisticsKind | null>(null);
  async function download(kind: StatisticsKind) {
    setBusy(kind);
    const result = await api.call('statistics.exportXlsx', { filter, kind, language });
    setBusy(null);
    if (!result.ok) {
      void message.error(describe(result.error));
      return;
    }
    saveDocument(result.value);
    void message.success(t('export.saved', { fileName: result.value.fileName }));
  }
  return (
    <Flex gap={8}>
      <Button icon={<FileExcelOutlined />} loading={busy === 'ledger'} disabled={disabled} onClick={() => void download('ledger')}>
        {t('export.ledger')}
      </Button>
      <Button icon={<FileExcelOutlined />} loading={busy === 'statistics'} disabled={disabled} onClick={() => void download('statistics')}>
        {t('export.statistics')}
      </Button>
    </Flex>
  );
}

/**
 * 统计: the office's figures over the hearings the archive's filter selects
 * (the same filter, kept for the session, so the archive list and the figures
 * always describe the same hearings), with the 台账 and the statistics to download.
 */
export function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const [archive, updateArchive] = useArchiveState();
  const { filter } = archive;
  const figures = useQuery('statistics.compute', { filter }, [
    'hearing.created',
    'hearing.updated',
    'procedure.changed',
    'deliberation.changed',
    'record.finalized',
  ]);
  const data = figures.data;
  const empty = data !== undefined && data.hearings === 0;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <BarChartOutlined /> {t('title')}
        </Typography.Title>
        <ExportButtons filter={filter} disabled={data === undefined || empty} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
        {data && ` ${t('asOf', { date: data.asOf })}`}
      </Typography.Paragraph>
      <ArchiveFilterBar filter={filter} onChange={(next) => updateArchive({ filter: next })} />
      {figures.error && <ErrorAlert error={figures.error} onRetry={figures.reload} />}
      {figures.loading && !data && <Spin />}
      {empty && <Empty data-testid="statistics-empty" description={isFiltered(filter) ? t('empty.filtered') : t('empty.none')} />}
      {data && !empty && (
        <Flex vertical gap={16} data-testid="statistics-figures">
          <FigureCards figures={data} />
          <PerMonthCard figures={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <OutcomesCard figures={data} />
            </Col>
            <Col xs={24} lg={12}>
              <SatisfactionCard figures={data} />
            </Col>
          </Row>
          <StepsCard figures={data} />
          <SpeakingCard figures={data} />
        </Flex>
      )}
    </Flex>
  );
}
