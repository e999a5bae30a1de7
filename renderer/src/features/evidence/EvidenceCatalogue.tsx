import { PrinterOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Empty, Flex, Popover, Typography } from 'antd';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  catalogueColumns,
  evidenceSides,
  type CatalogueColumn,
  type EvidenceSide,
  type Exhibit,
  type Hearing,
} from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { pagesAndCopies } from './ExhibitTags.js';

const printRootClass = 'evidence-catalogue-print';

/** While printing, the page holds nothing but the catalogue: the app's own layout is set aside, not merely hidden. */
const printCss = `
@media screen { .${printRootClass} { display: none; } }
@media print {
  body > :not(.${printRootClass}) { display: none !important; }
  .${printRootClass} { display: block; }
  .evidence-catalogue-sheet { break-after: page; }
  .evidence-catalogue-sheet:last-child { break-after: auto; }
  .evidence-catalogue-sheet tr { break-inside: avoid; }
  @page { size: A4; margin: 20mm 18mm 18mm; }
}`;

const serif = "'FangSong', 'FangSong_GB2312', '仿宋', 'STFangsong', 'Songti SC', 'SimSun', 'Noto Serif CJK SC', serif";
const cell: CSSProperties = { border: '1px solid #333', padding: '6px 8px', verticalAlign: 'top', lineHeight: 1.5, overflowWrap: 'anywhere' };
const headCell: CSSProperties = { ...cell, fontWeight: 700, textAlign: 'center', verticalAlign: 'middle', background: '#f4f5f7' };
/** A line to write on. */
const blank: CSSProperties = { display: 'inline-block', width: 150, borderBottom: '1px solid #333', marginLeft: 4, verticalAlign: 'bottom', height: '1.2em' };
/** 序号 and 证据名称 are on every list; the official chooses among the rest. */
const fixedColumns = ['number', 'name'] as const;
type Column = (typeof fixedColumns)[number] | CatalogueColumn;

/** Each column's share of the width when all are shown; fewer columns share the whole width in the same proportions. */
const columnWeights: Record<Column, number> = { number: 7, name: 16, source: 14, purpose: 25, pagesCopies: 10, original: 9, form: 9, notes: 10 };
const centred: ReadonlySet<Column> = new Set<Column>(['number', 'pagesCopies', 'original', 'form']);

interface SheetProps {
  hearing: Pick<Hearing, 'title' | 'matterNo'>;
  side: EvidenceSide;
  sideName: string;
  exhibits: Exhibit[];
  columns: readonly CatalogueColumn[];
}

/** One party's 证据目录 (domain.md §4): header 案由 + 提交人, 序号, 证据名称 and the chosen columns, then the signature and date. */
function Sheet({ hearing, side, sideName, exhibits, columns }: SheetProps) {
  const { t } = useTranslation('evidence');
  const language = useLanguage();
  const submitters = [...new Set(exhibits.map((exhibit) => exhibit.submitterName))].join(t('catalogue.nameSeparator'));
  const dash = t('dash');
  const shown: Column[] = [...fixedColumns, ...columns];
  const totalWeight = shown.reduce((sum, column) => sum + columnWeights[column], 0);
  const content: Record<Column, (exhibit: Exhibit) => ReactNode> = {
    number: (exhibit) => exhibit.serial,
    name: (exhibit) => exhibit.name,
    source: (exhibit) => exhibit.source || dash,
    purpose: (exhibit) => exhibit.purpose || dash,
    pagesCopies: (exhibit) => pagesAndCopies(t, exhibit),
    original: (exhibit) => t(`original.${String(exhibit.isOriginal)}`),
    form: (exhibit) => t(`form.kinds.${exhibit.form}`),
    notes: (exhibit) => [exhibit.late ? t('tags.late') : '', exhibit.notes].filter(Boolean).join(t('catalogue.noteSeparator')),
  };
  return (
    <section
      className="evidence-catalogue-sheet"
      data-testid={`catalogue-${side}`}
      style={{ fontFamily: serif, color: '#111', background: '#fff', padding: '28px 32px' }}
    >
      <h2 style={{ margin: 0, textAlign: 'center', fontSize: 24, letterSpacing: language === 'zh-CN' ? '0.3em' : '0.02em', fontWeight: 700 }}>
        {t('catalogue.title')}
      </h2>
      <div style={{ textAlign: 'center', fontSize: 15, marginTop: 4, color: '#444' }}>{t('catalogue.ofSide', { side: sideName })}</div>
      <Flex justify="space-between" gap={24} wrap style={{ margin: '18px 0 10px', fontSize: 15 }}>
        <span data-testid="catalogue-matter">{t('catalogue.matter', { title: hearing.title })}</span>
        <span data-testid="catalogue-submitter">{t('catalogue.submitter', { names: submitters })}</span>
      </Flex>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14, tableLayout: 'fixed' }}>
        <colgroup>
          {shown.map((column) => (
            <col key={column} style={{ width: `${((columnWeights[column] / totalWeight) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {shown.map((column) => (
              <th key={column} style={headCell}>
                {t(`catalogue.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {exhibits.map((exhibit) => (
            <tr key={exhibit.id}>
              {shown.map((column) => (
                <td key={column} style={centred.has(column) ? { ...cell, textAlign: 'center' } : cell}>
                  {content[column](exhibit)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Flex justify="space-between" gap={24} wrap style={{ marginTop: 28, fontSize: 15 }}>
        <span>
          {t('catalogue.signature')}
          <span style={blank} />
        </span>
        <span>{t('catalogue.date')}</span>
      </Flex>
    </section>
  );
}

interface SheetsProps {
  hearing: SheetProps['hearing'];
  exhibits: Exhibit[];
  sideName: (side: EvidenceSide) => string;
  columns: readonly CatalogueColumn[];
}

function Sheets({ hearing, exhibits, sideName, columns }: SheetsProps) {
  return (
    <>
      {evidenceSides
        .map((side) => ({ side, list: exhibits.filter((exhibit) => exhibit.side === side) }))
        .filter(({ list }) => list.length > 0)
        .map(({ side, list }) => (
          <Sheet key={side} hearing={hearing} side={side} sideName={sideName(side)} exhibits={list} columns={columns} />
        ))}
    </>
  );
}

/** Which columns the lists show: 序号 and 证据名称 ticked for good, the rest remembered for this installation as soon as they are ticked. */
function ColumnChoice({ columns }: { columns: readonly CatalogueColumn[] }) {
  const { t } = useTranslation('evidence');
  const { message } = App.useApp();
  const { describe } = useErrorText();

  async function choose(ticked: Column[]) {
    const chosen = catalogueColumns.filter((column) => ticked.includes(column));
    const result = await api.call('settings.setCatalogueColumns', { columns: chosen });
    if (!result.ok) void message.error(describe(result.error));
  }

  return (
    <Flex vertical gap={10} style={{ maxWidth: 300 }} data-testid="catalogue-columns">
      <Checkbox.Group<Column> value={[...fixedColumns, ...columns]} onChange={(ticked) => void choose(ticked)}>
        <Flex vertical gap={6}>
          {[...fixedColumns, ...catalogueColumns].map((column) => (
            <Checkbox key={column} value={column} disabled={(fixedColumns as readonly Column[]).includes(column)}>
              {t(`catalogue.columns.${column}`)}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('catalogue.columnsHelp')}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 证据目录: each party's list as it is handed over and signed, with the
 * columns the office chose. Print puts the sheets alone on the page (one
 * party per page), whatever the browser's own print command or the button
 * started it.
 */
export function EvidenceCatalogue({ hearing, exhibits, sideName, columns }: SheetsProps) {
  const { t } = useTranslation('evidence');
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  if (exhibits.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalogue.empty')} />;
  return (
    <Flex vertical gap={16}>
      <style>{printCss}</style>
      <Flex justify="space-between" align="center" gap={12}>
        <Typography.Text type="secondary">{t('catalogue.intro')}</Typography.Text>
        <Flex gap={8}>
          <Popover trigger="click" placement="bottomRight" title={t('catalogue.columnsTitle')} content={<ColumnChoice columns={columns} />}>
            <Button icon={<TableOutlined />}>{t('catalogue.columnsButton')}</Button>
          </Popover>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('catalogue.print')}
          </Button>
        </Flex>
      </Flex>
      <Flex vertical gap={16} data-testid="evidence-catalogue" style={{ padding: 16, background: '#eef1f6', borderRadius: 8 }}>
        <Sheets hearing={hearing} exhibits={exhibits} sideName={sideName} columns={columns} />
      </Flex>
      {printing &&
        createPortal(
          <div className={printRootClass}>
            <Sheets hearing={hearing} exhibits={exhibits} sideName={sideName} columns={columns} />
          </div>,
          document.body,
        )}
    </Flex>
  );
}
