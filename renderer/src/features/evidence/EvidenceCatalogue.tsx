import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { evidenceSides, type EvidenceSide, type Exhibit, type Hearing } from '../../../../electron/core/contract/index.js';
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
const columns = [
  { key: 'number', width: '6%' },
  { key: 'name', width: '17%' },
  { key: 'source', width: '14%' },
  { key: 'purpose', width: '25%' },
  { key: 'pagesCopies', width: '10%' },
  { key: 'original', width: '9%' },
  { key: 'form', width: '9%' },
  { key: 'notes', width: '10%' },
] as const;

interface SheetProps {
  hearing: Pick<Hearing, 'title' | 'matterNo'>;
  side: EvidenceSide;
  sideName: string;
  exhibits: Exhibit[];
}

/** One party's 证据目录 (domain.md §4): header 案由 + 提交人, the eight columns, then the signature and date. */
function Sheet({ hearing, side, sideName, exhibits }: SheetProps) {
  const { t } = useTranslation('evidence');
  const language = useLanguage();
  const submitters = [...new Set(exhibits.map((exhibit) => exhibit.submitterName))].join(t('catalogue.nameSeparator'));
  const dash = t('dash');
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
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} style={headCell}>
                {t(`catalogue.columns.${column.key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {exhibits.map((exhibit) => (
            <tr key={exhibit.id}>
              <td style={{ ...cell, textAlign: 'center' }}>{exhibit.number}</td>
              <td style={cell}>{exhibit.name}</td>
              <td style={cell}>{exhibit.source || dash}</td>
              <td style={cell}>{exhibit.purpose || dash}</td>
              <td style={{ ...cell, textAlign: 'center' }}>{pagesAndCopies(t, exhibit)}</td>
              <td style={{ ...cell, textAlign: 'center' }}>{t(`original.${String(exhibit.isOriginal)}`)}</td>
              <td style={{ ...cell, textAlign: 'center' }}>{t(`form.kinds.${exhibit.form}`)}</td>
              <td style={cell}>{[exhibit.late ? t('tags.late') : '', exhibit.notes].filter(Boolean).join(t('catalogue.noteSeparator')) || ''}</td>
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

function Sheets({ hearing, exhibits, sideName }: { hearing: SheetProps['hearing']; exhibits: Exhibit[]; sideName: (side: EvidenceSide) => string }) {
  return (
    <>
      {evidenceSides
        .map((side) => ({ side, list: exhibits.filter((exhibit) => exhibit.side === side) }))
        .filter(({ list }) => list.length > 0)
        .map(({ side, list }) => (
          <Sheet key={side} hearing={hearing} side={side} sideName={sideName(side)} exhibits={list} />
        ))}
    </>
  );
}

/**
 * 证据目录: each party's list as it is handed over and signed. Print puts
 * the sheets alone on the page (one party per page), whatever the browser's
 * own print command or the button started it.
 */
export function EvidenceCatalogue({
  hearing,
  exhibits,
  sideName,
}: {
  hearing: SheetProps['hearing'];
  exhibits: Exhibit[];
  sideName: (side: EvidenceSide) => string;
}) {
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
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('catalogue.print')}
        </Button>
      </Flex>
      <Flex vertical gap={16} data-testid="evidence-catalogue" style={{ padding: 16, background: '#eef1f6', borderRadius: 8 }}>
        <Sheets hearing={hearing} exhibits={exhibits} sideName={sideName} />
      </Flex>
      {printing &&
        createPortal(
          <div className={printRootClass}>
            <Sheets hearing={hearing} exhibits={exhibits} sideName={sideName} />
          </div>,
          document.body,
        )}
    </Flex>
  );
}
