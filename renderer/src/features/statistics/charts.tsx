import { Flex, Typography } from 'antd';

/** Colours that stay apart for the colour-blind and in grey print: the series of a chart in order. */
export const seriesColors = ['#1f5fa8', '#e08a1e', '#3a9b6b', '#b8405e', '#7b5fb3', '#8a95a3', '#c9b037'];

export interface Series {
  key: string;
  label: string;
  color: string;
}

const axisColor = '#d0d7e2';
const textColor = '#5b6675';

/** Round steps for the value axis: 1, 2, 5 × 10ⁿ, about four of them. */
function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power) as number;
  return { top: Math.ceil(max / step) * step, step };
}

function Legend({ series }: { series: readonly Series[] }) {
  return (
    <Flex gap={16} wrap aria-hidden>
      {series.map((entry) => (
        <Flex key={entry.key} gap={6} align="center">
          <span style={{ width: 12, height: 12, borderRadius: 2, background: entry.color, display: 'inline-block' }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entry.label}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

export interface Column {
  key: string;
  label: string;
  /** One value per series, in the series' order, stacked bottom up. */
  values: number[];
}

/** Columns stacked by series, e.g. hearings per month by type. The drawing is for the eye; the table beside it carries the figures. */
export function StackedColumns({ label, series, columns }: { label: string; series: readonly Series[]; columns: readonly Column[] }) {
  const width = 1000;
  const height = 240;
  const margin = { top: 12, right: 8, bottom: 28, left: 36 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = columns.map((column) => column.values.reduce((sum, value) => sum + value, 0));
  const { top, step } = niceMax(Math.max(0, ...totals));
  const slot = plotWidth / Math.max(columns.length, 1);
  const barWidth = Math.min(44, slot * 0.7);
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  return (
    <Flex vertical gap={8}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} style={{ width: '100%', height: 'auto', display: 'block' }}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke={axisColor} strokeDasharray={tick === 0 ? undefined : '3 3'} />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={textColor}>
              {tick}
            </text>
          </g>
        ))}
        {columns.map((column, index) => {
          const x = margin.left + slot * index + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={column.key}>
              {column.values.map((value, seriesIndex) => {
                if (value === 0) return null;
                const upper = y(base + value);
                const lower = y(base);
                base += value;
                return (
                  <rect
                    key={series[seriesIndex]?.key ?? seriesIndex}
                    x={x}
                    y={upper}
                    width={barWidth}
                    height={lower - upper}
                    fill={series[seriesIndex]?.color}
                  />
                );
              })}
              <text x={x + barWidth / 2} y={y(totals[index] ?? 0) - 4} textAnchor="middle" fontSize={11} fill={textColor}>
                {totals[index] ? totals[index] : ''}
              </text>
              <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" fontSize={11} fill={textColor}>
                {column.label}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend series={series} />
    </Flex>
  );
}

export interface BarRow {
  key: string;
  label: string;
  /** One value per series, drawn as bars side by side. */
  values: number[];
}

/** Horizontal bars, one per series in each row: outcomes, planned against actual minutes, speaking time. */
export function GroupedBars({
  label,
  series,
  rows,
  format = (value: number) => String(value),
  width = 1000,
}: {
  label: string;
  series: readonly Series[];
  rows: readonly BarRow[];
  format?: (value: number) => string;
  /** The drawing's own width: it is never drawn wider, so its text keeps the page's size. */
  width?: number;
}) {
  const labelWidth = 170;
  const valueWidth = 90;
  const barHeight = 12;
  const rowGap = 8;
  const rowHeight = series.length * (barHeight + 2) + rowGap;
  const height = rows.length * rowHeight + 4;
  const max = Math.max(0, ...rows.flatMap((row) => row.values));
  const plotWidth = width - labelWidth - valueWidth;
  const length = (value: number) => (max === 0 ? 0 : (value / max) * plotWidth);
  return (
    <Flex vertical gap={8}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} style={{ width: '100%', maxWidth: width, height: 'auto', display: 'block' }}>
        {rows.map((row, rowIndex) => {
          const top = rowIndex * rowHeight + 2;
          const middle = top + (series.length * (barHeight + 2)) / 2;
          return (
            <g key={row.key}>
              <text x={labelWidth - 8} y={middle + 4} textAnchor="end" fontSize={12} fill={textColor}>
                {row.label}
              </text>
              {row.values.map((value, seriesIndex) => {
                const barTop = top + seriesIndex * (barHeight + 2);
                return (
                  <g key={series[seriesIndex]?.key ?? seriesIndex}>
                    <rect x={labelWidth} y={barTop} width={Math.max(length(value), value > 0 ? 2 : 0)} height={barHeight} fill={series[seriesIndex]?.color} />
                    <text x={labelWidth + length(value) + 6} y={barTop + barHeight - 3} fontSize={11} fill={textColor}>
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} stroke={axisColor} />
      </svg>
      {series.length > 1 && <Legend series={series} />}
    </Flex>
  );
}
