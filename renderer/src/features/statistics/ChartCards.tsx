import { Card, Collapse, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, StatisticsFigures } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';
import { GroupedBars, StackedColumns, seriesColors, type Series } from './charts.js';
import { averageOf, minutesOf } from './format.js';

interface ChartCardProps<Row> {
  testId: string;
  title: string;
  hint?: string;
  chart: ReactNode;
  rows: Row[];
  columns: TableColumnsType<Row>;
  rowKey: keyof Row & string;
}

/** A chart with its figures as a table under it, for a screen reader, for copying, and for anyone who would rather read numbers. */
function ChartCard<Row extends object>({ testId, title, hint, chart, rows, columns, rowKey }: ChartCardProps<Row>) {
  const { t } = useTranslation('statistics');
  return (
    <Card title={title} size="small" data-testid={testId}>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Paragraph>
      )}
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('charts.noData')} />
      ) : (
        <>
          {chart}
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'table',
                label: t('charts.table'),
                children: <Table<Row> size="small" pagination={false} rowKey={rowKey} dataSource={rows} columns={columns} />,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

const templateName = (figures: StatisticsFigures, templateId: string, language: Language) =>
  figures.templates.find((template) => template.id === templateId)?.name[language] ?? templateId;

export function PerMonthCard({ figures }: { figures: StatisticsFigures }) {
  const { t } = useTranslation('statistics');
  const language = useLanguage();
  const series: Series[] = figures.templates.map((template, index) => ({
    key: template.id,
    label: template.name[language],
    color: seriesColors[index % seriesColors.length] as string,
  }));
  type Row = { month: string; total: number } & Record<string, number | string>;
  const rows: Row[] = figures.perMonth.map((month) => ({
    month: month.month,
    total: month.total,
    ...Object.fromEntries(month.byTemplate.map((entry) => [entry.templateId, entry.hearings])),
  }));
  return (
    <ChartCard<Row>
      testId="chart-per-month"
      title={t('charts.perMonth')}
      rowKey="month"
      rows={rows}
      chart={
        <StackedColumns
          label={t('charts.perMonthLabel', { count: figures.perMonth.length })}
          series={series}
          columns={figures.perMonth.map((month) => ({
            key: month.month,
            label: month.month.slice(2),
            values: month.byTemplate.map((entry) => entry.hearings),
          }))}
        />
      }
      columns={[
        { title: t('charts.month'), dataIndex: 'month' },
        ...series.map((entry) => ({ title: entry.label, dataIndex: entry.key, align: 'right' as const })),
        { title: t('charts.total'), dataIndex: 'total', align: 'right' as const },
      ]}
    />
  );
}

export function OutcomesCard({ figures }: { figures: StatisticsFigures }) {
  const { t } = useTranslation('statistics');
  const language = useLanguage();
  type Row = { key: string; type: string; outcome: string; requests: number };
  const rows: Row[] = figures.outcomes.flatMap((family) => [
    ...family.outcomes.map((outcome) => ({
      key: `${family.templateId}.${outcome.id}`,
      type: templateName(figures, family.templateId, language),
      outcome: outcome.name[language],
      requests: outcome.requests,
    })),
    {
      key: `${family.templateId}.undecided`,
      type: templateName(figures, family.templateId, language),
      outcome: t('charts.undecided'),
      requests: family.undecided,
    },
  ]);
  return (
    <ChartCard<Row>
      testId="chart-outcomes"
      title={t('charts.outcomes')}
      hint={t('charts.outcomesHint')}
      rowKey="key"
      rows={rows}
      chart={
        <GroupedBars
          label={t('charts.outcomesLabel')}
          width={560}
          series={[{ key: 'requests', label: t('charts.requests'), color: seriesColors[0] as string }]}
          rows={rows.map((row) => ({ key: row.key, label: figures.outcomes.length > 1 ? `${row.type}·${row.outcome}` : row.outcome, values: [row.requests] }))}
        />
      }
      columns={[
        { title: t('charts.type'), dataIndex: 'type' },
        { title: t('charts.outcome'), dataIndex: 'outcome' },
        { title: t('charts.requests'), dataIndex: 'requests', align: 'right' },
      ]}
    />
  );
}

export function SatisfactionCard({ figures }: { figures: StatisticsFigures }) {
  const { t } = useTranslation('statistics');
  const language = useLanguage();
  type Row = { key: string; level: string; count: number };
  const answered = figures.satisfaction.levels.reduce((sum, level) => sum + level.count, 0) + figures.satisfaction.declined;
  const rows: Row[] =
    answered === 0
      ? []
      : [
          ...figures.satisfaction.levels.map((level) => ({ key: level.id, level: level.name[language], count: level.count })),
          { key: 'declined', level: t('charts.declined'), count: figures.satisfaction.declined },
        ];
  return (
    <ChartCard<Row>
      testId="chart-satisfaction"
      title={t('charts.satisfaction')}
      rowKey="key"
      rows={rows}
      chart={
        <GroupedBars
          label={t('charts.satisfactionLabel')}
          width={560}
          series={[{ key: 'count', label: t('charts.count'), color: seriesColors[2] as string }]}
          rows={rows.map((row) => ({ key: row.key, label: row.level, values: [row.count] }))}
        />
      }
      columns={[
        { title: t('charts.level'), dataIndex: 'level' },
        { title: t('charts.count'), dataIndex: 'count', align: 'right' },
      ]}
    />
  );
}

export function StepsCard({ figures }: { figures: StatisticsFigures }) {
  const { t } = useTranslation('statistics');
  const language = useLanguage();
  type Row = { type: string; name: string; held: number; skipped: number; planned: number | null; actual: number | null };
  const rows: Row[] = figures.steps.map((step) => ({
    type: step.type,
    name: step.name[language],
    held: step.held,
    skipped: step.skipped,
    planned: averageOf(step.plannedMinutes, step.held),
    actual: averageOf(minutesOf(step.actualMs), step.held),
  }));
  const minutes = (value: number | null) => (value === null ? t('none') : String(value));
  return (
    <ChartCard<Row>
      testId="chart-steps"
      title={t('charts.steps')}
      hint={t('charts.stepsHint')}
      rowKey="type"
      rows={rows}
      chart={
        <GroupedBars
          label={t('charts.stepsLabel')}
          series={[
            { key: 'planned', label: t('charts.plannedAverage'), color: seriesColors[5] as string },
            { key: 'actual', label: t('charts.actualAverage'), color: seriesColors[0] as string },
          ]}
          rows={rows.map((row) => ({ key: row.type, label: row.name, values: [row.planned ?? 0, row.actual ?? 0] }))}
          format={(value) => t('charts.minutesValue', { value })}
        />
      }
      columns={[
        { title: t('charts.step'), dataIndex: 'name' },
        { title: t('charts.held'), dataIndex: 'held', align: 'right' },
        { title: t('charts.skipped'), dataIndex: 'skipped', align: 'right' },
        { title: t('charts.plannedAverage'), dataIndex: 'planned', align: 'right', render: minutes },
        { title: t('charts.actualAverage'), dataIndex: 'actual', align: 'right', render: minutes },
      ]}
    />
  );
}

export function SpeakingCard({ figures }: { figures: StatisticsFigures }) {
  const { t } = useTranslation('statistics');
  const language = useLanguage();
  type Row = { side: string; name: string; turns: number; minutes: number };
  const rows: Row[] = figures.speaking.map((side) => ({ side: side.side, name: side.name[language], turns: side.turns, minutes: minutesOf(side.spokenMs) }));
  return (
    <ChartCard<Row>
      testId="chart-speaking"
      title={t('charts.speaking')}
      rowKey="side"
      rows={rows}
      chart={
        <GroupedBars
          label={t('charts.speakingLabel')}
          series={[{ key: 'minutes', label: t('charts.minutes'), color: seriesColors[1] as string }]}
          rows={rows.map((row) => ({ key: row.side, label: row.name, values: [row.minutes] }))}
          format={(value) => t('charts.minutesValue', { value })}
        />
      }
      columns={[
        { title: t('charts.side'), dataIndex: 'name' },
        { title: t('charts.turns'), dataIndex: 'turns', align: 'right' },
        { title: t('charts.minutes'), dataIndex: 'minutes', align: 'right' },
      ]}
    />
  );
}
